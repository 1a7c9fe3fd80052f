import { Access, Alert, Evidence, NotFoundError, Report, Reporter, Stats } from "@lapora/core";
import { routes } from "@lapora/core/contract";
import { bodyOf, queryOf, readJson } from "../request";
import type { OfficerHandlers } from "./register";

/** The triage console's API. Every route needs a signed-in, active officer (app.ts). */
export const officerHandlers: OfficerHandlers<
  | "me"
  | "queue"
  | "reportDetail"
  | "reportEvidence"
  | "originalPhoto"
  | "reportAudit"
  | "reportAction"
  | "assignees"
  | "fullStats"
  | "quarantine"
  | "releaseHeld"
  | "discardHeld"
  | "acknowledge"
  | "reportThread"
  | "askReporter"
  | "pushKey"
  | "pushDevices"
  | "addPushDevice"
  | "removePushDevice"
> = {
  me: (c) => {
    const permissions = Access.permissionsOf(c.var.officer);
    return c.json({ officer: c.var.officer, actions: permissions.actions, permissions });
  },
  queue: async (c) => c.json(await Report.listQueue(c.var.deps, c.var.officer, queryOf(c, routes.queue))),
  reportDetail: async (c) =>
    c.json(await Report.getDetail(c.var.deps, c.var.officer, c.req.param("id") ?? "")),
  // Short-lived links to display copies (no EXIF, no GPS) for whoever may read the report.
  reportEvidence: async (c) =>
    c.json(await Evidence.listForOfficer(c.var.deps, c.var.officer, c.req.param("id") ?? "")),
  // POST: every download of an original is a recorded act.
  originalPhoto: async (c) => {
    const slot = Number(c.req.param("slot"));
    if (!Number.isInteger(slot)) throw new NotFoundError("This report has no such photo.");
    return c.json(
      await Evidence.originalForOfficer(c.var.deps, c.var.officer, c.req.param("id") ?? "", slot),
    );
  },
  reportAudit: async (c) =>
    c.json({ items: await Report.auditTrail(c.var.deps, c.var.officer, c.req.param("id") ?? "") }),
  reportAction: async (c) => {
    const cmd = await bodyOf(c, routes.reportAction);
    return c.json(await Report.act(c.var.deps, c.var.officer, c.req.param("id") ?? "", cmd));
  },
  assignees: async (c) =>
    c.json({ items: await Report.assignableOfficers(c.var.deps, c.var.officer, c.req.param("id") ?? "") }),
  fullStats: async (c) =>
    c.json(await Stats.getFull(c.var.deps.stats, c.var.officer, c.req.param("week") ?? "")),
  quarantine: async (c) => {
    const { cursor } = queryOf(c, routes.quarantine);
    const { items, cursor: next } = await Report.listHeld(c.var.deps, c.var.officer, cursor);
    return c.json({ items, cursor: next });
  },
  releaseHeld: async (c) =>
    c.json(await Report.releaseHeld(c.var.deps, c.var.officer, c.req.param("id") ?? "")),
  discardHeld: async (c) =>
    c.json(await Report.discardHeld(c.var.deps, c.var.officer, c.req.param("id") ?? "")),
  acknowledge: async (c) => {
    const body = await bodyOf(c, routes.acknowledge);
    return c.json(await Alert.acknowledgeReport(c.var.deps, c.var.officer, c.req.param("id") ?? "", body));
  },
  reportThread: async (c) =>
    c.json({ items: await Reporter.officerThread(c.var.deps, c.var.officer, c.req.param("id") ?? "") }),
  askReporter: async (c) => {
    const body = await readJson(c);
    const items = await Reporter.askReporter(c.var.deps, c.var.officer, c.req.param("id") ?? "", body);
    return c.json({ items }, 201);
  },
  pushKey: (c) => c.json({ publicKey: c.var.deps.push.vapidPublicKey }),
  pushDevices: async (c) => c.json(await Alert.listOwnPushDevices(c.var.deps, c.var.officer)),
  addPushDevice: async (c) => {
    const added = await Alert.registerPushDevice(c.var.deps, c.var.officer, await readJson(c));
    return c.json(added, added.created ? 201 : 200);
  },
  removePushDevice: async (c) =>
    c.json(await Alert.removeOwnPushDevice(c.var.deps, c.var.officer, c.req.param("deviceId") ?? "")),
};
