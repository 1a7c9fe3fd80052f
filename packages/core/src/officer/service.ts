import { type AuditEntry, auditSubject } from "../audit/types";
import { ConflictError, NotFoundError } from "../errors";
import { parseOrThrow } from "../validation";
import type { IdentityDirectory } from "./directory";
import {
  OfficerInput as InputSchema,
  type OfficerInput,
  type OfficerUpdate,
  OfficerUpdate as UpdateSchema,
} from "./schema";
import type { OfficerStore } from "./store";
import type { Actor, Officer } from "./types";

const rand = () => Math.random().toString(36).slice(2, 10);

function entry(
  actor: Actor,
  nrp: string,
  action: string,
  at: string,
  from?: string,
  to?: string,
): AuditEntry {
  return {
    subject: auditSubject.officer(nrp),
    auditId: `${at}#${rand()}`,
    at,
    actorNrp: actor.nrp,
    actorRole: actor.role,
    action,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

const describe = (
  o: Pick<Officer, "name" | "role" | "kecamatan" | "desa" | "phone" | "active" | "alertPriorities">,
) =>
  JSON.stringify({
    name: o.name,
    role: o.role,
    kecamatan: o.kecamatan,
    desa: o.desa,
    phone: o.phone,
    active: o.active,
    alertPriorities: o.alertPriorities,
  });

/** Parses an admin's input for a new officer, or throws a ValidationError naming each field. */
export function parseInput(body: unknown): OfficerInput {
  return parseOrThrow(InputSchema, body);
}

/** Parses an admin's update of an officer, or throws a ValidationError naming each field. */
export function parseUpdate(body: unknown): OfficerUpdate {
  return parseOrThrow(UpdateSchema, body);
}

/** Adds an officer to the roster and creates their sign-in. Audited. */
export async function add(
  store: OfficerStore,
  directory: IdentityDirectory,
  actor: Actor,
  input: OfficerInput,
  at = new Date(),
) {
  const now = at.toISOString();
  const officer: Officer = { ...input, active: true, version: 1, createdAt: now, updatedAt: now };
  if (
    !(await store.create(officer, [
      entry(actor, officer.nrp, "officer_added", now, undefined, describe(officer)),
    ]))
  ) {
    throw new ConflictError(`An officer with NRP ${input.nrp} is already on the roster.`);
  }
  const login = await directory.createLogin(officer);
  return { officer, ...login };
}

/** Replaces an officer's editable fields (including `active`), if unchanged since `version`. Audited. */
export async function update(
  store: OfficerStore,
  directory: IdentityDirectory,
  actor: Actor,
  nrp: string,
  input: OfficerUpdate,
  at = new Date(),
) {
  const current = await store.get(nrp);
  if (!current) throw new NotFoundError(`No officer with NRP ${nrp}.`);
  const { version, ...fields } = input;
  if (current.version !== version)
    throw new ConflictError("The officer was changed by someone else; reload and try again.");
  const now = at.toISOString();
  const next: Officer = {
    nrp,
    ...fields,
    version: version + 1,
    createdAt: current.createdAt,
    updatedAt: now,
  };
  const action =
    current.active && !next.active
      ? "officer_deactivated"
      : !current.active && next.active
        ? "officer_reactivated"
        : "officer_updated";
  if (
    (await store.update(next, version, [
      entry(actor, nrp, action, now, describe(current), describe(next)),
    ])) === "stale"
  ) {
    throw new ConflictError("The officer was changed by someone else; reload and try again.");
  }
  if (current.active !== next.active) await directory.setEnabled(nrp, next.active);
  return next;
}

/** Deactivates an officer: they can no longer sign in or act, and get no more alerts. */
export async function deactivate(
  store: OfficerStore,
  directory: IdentityDirectory,
  actor: Actor,
  nrp: string,
  version: number,
) {
  const current = await store.get(nrp);
  if (!current) throw new NotFoundError(`No officer with NRP ${nrp}.`);
  const { name, role, kecamatan, desa, phone, alertPriorities } = current;
  const area = { ...(kecamatan ? { kecamatan } : {}), ...(desa ? { desa } : {}) };
  const alerts = alertPriorities ? { alertPriorities } : {};
  return update(store, directory, actor, nrp, {
    name,
    role,
    ...area,
    phone,
    ...alerts,
    active: false,
    version,
  });
}
