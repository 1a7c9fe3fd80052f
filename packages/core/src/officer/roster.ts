import { canManageRoster, ensure } from "../access/policy";
import type { PushDeviceStore } from "../alert/push";
import { type AlertSubscriptions, syncAfterRosterChange } from "../alert/subscriptions";
import type { AuditStore } from "../audit/store";
import { auditSubject } from "../audit/types";
import { parseOrThrow } from "../validation";
import type { IdentityDirectory } from "./directory";
import { OfficerInput, OfficerUpdate, VersionBody } from "./schema";
import * as Roster from "./service";
import type { OfficerStore } from "./store";
import type { Officer } from "./types";

/** What the roster's use cases need: the roster, the sign-in directory, the SMS subscriptions, the audit. */
export interface RosterDeps {
  officers: OfficerStore;
  directory: IdentityDirectory;
  /** Officers' SMS subscriptions, kept in step with every roster change. */
  alerts: AlertSubscriptions;
  /** Officers' push devices: a deactivated officer's are removed. */
  pushDevices: Pick<PushDeviceStore, "removeAll">;
  audit: AuditStore;
}

const onlyAdmins = (actor: Officer) => ensure(canManageRoster(actor), "Only admins manage the roster.");

/**
 * Brings an officer's alert channels in step with their roster entry, after every change: the SMS
 * subscription follows their area and state, and an inactive officer's push devices are removed, whichever
 * route made them inactive (deactivate, or an update with `active: false`).
 */
async function syncChannels(deps: RosterDeps, officer: Officer): Promise<void> {
  if (!officer.active) await deps.pushDevices.removeAll(officer.nrp);
  await syncAfterRosterChange(deps.alerts, officer);
}

/** The whole roster, for an admin. */
export async function listOfficers(deps: RosterDeps, actor: Officer) {
  onlyAdmins(actor);
  return deps.officers.list();
}

/** Adds an officer (the body of `POST /api/admin/officers`), their sign-in and SMS subscription. Audited. */
export async function addOfficer(deps: RosterDeps, actor: Officer, body: unknown) {
  onlyAdmins(actor);
  const input = parseOrThrow(OfficerInput, body);
  const added = await Roster.add(deps.officers, deps.directory, actor, input);
  await syncChannels(deps, added.officer);
  return added;
}

/** Replaces an officer's editable fields at the body's `version`, and syncs their alert channels. Audited. */
export async function updateOfficer(deps: RosterDeps, actor: Officer, nrp: string, body: unknown) {
  onlyAdmins(actor);
  const input = parseOrThrow(OfficerUpdate, body);
  const updated = await Roster.update(deps.officers, deps.directory, actor, nrp, input);
  await syncChannels(deps, updated);
  return updated;
}

/** Deactivates an officer: no sign-in, no actions, their push devices and SMS subscription removed. Audited. */
export async function deactivateOfficer(deps: RosterDeps, actor: Officer, nrp: string, body: unknown) {
  onlyAdmins(actor);
  const { version } = parseOrThrow(VersionBody, body);
  const deactivated = await Roster.deactivate(deps.officers, deps.directory, actor, nrp, version);
  await syncChannels(deps, deactivated);
  return deactivated;
}

/** The audit trail of one officer's roster entry, oldest first. */
export async function officerAuditTrail(deps: RosterDeps, actor: Officer, nrp: string) {
  onlyAdmins(actor);
  return deps.audit.list(auditSubject.officer(nrp));
}
