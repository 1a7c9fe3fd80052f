import { Alert, Officer } from "@lapora/core";
import { readJson } from "../request";
import type { OfficerHandlers } from "./register";

/** The roster. Core lets only admins through (before it reads the body), and audits every change. */
export const adminHandlers: OfficerHandlers<
  | "listOfficers"
  | "addOfficer"
  | "updateOfficer"
  | "deactivateOfficer"
  | "officerAudit"
  | "officerPushDevices"
> = {
  listOfficers: async (c) => c.json({ items: await Officer.listOfficers(c.var.deps, c.var.officer) }),
  addOfficer: async (c) =>
    c.json(await Officer.addOfficer(c.var.deps, c.var.officer, await readJson(c)), 201),
  updateOfficer: async (c) => {
    const nrp = c.req.param("nrp") ?? "";
    return c.json(await Officer.updateOfficer(c.var.deps, c.var.officer, nrp, await readJson(c)));
  },
  deactivateOfficer: async (c) => {
    const nrp = c.req.param("nrp") ?? "";
    return c.json(await Officer.deactivateOfficer(c.var.deps, c.var.officer, nrp, await readJson(c)));
  },
  officerAudit: async (c) =>
    c.json({ items: await Officer.officerAuditTrail(c.var.deps, c.var.officer, c.req.param("nrp") ?? "") }),
  officerPushDevices: async (c) =>
    c.json(await Alert.listOfficerPushDevices(c.var.deps, c.var.officer, c.req.param("nrp") ?? "")),
};
