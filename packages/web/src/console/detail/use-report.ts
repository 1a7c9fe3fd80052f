import { useEffect, useState } from "preact/hooks";
import { call } from "../../lib/api";
import { officerAuth } from "../lib/session";
import type { AuditEntry, Report } from "../lib/types";

export type ReportState =
  | { kind: "loading" }
  | { kind: "ok"; report: Report }
  | { kind: "forbidden" }
  | { kind: "not_found" }
  | { kind: "failed" };

export type AuditState = { kind: "loading" } | { kind: "ok"; items: AuditEntry[] } | { kind: "failed" };

const base = (id: string) => `/api/officer/reports/${encodeURIComponent(id)}`;

/**
 * One report and its audit trail. Reading the detail may show the reporter's contact, and the server
 * audits every such view: so it is fetched on opening and on an explicit reload only, never after an
 * action (whose answer carries the new state without the contact).
 */
export function useReport(id: string) {
  const [report, setReport] = useState<ReportState>({ kind: "loading" });
  const [audit, setAudit] = useState<AuditState>({ kind: "loading" });
  const [loads, setLoads] = useState(0);
  const [auditLoads, setAuditLoads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setReport({ kind: "loading" });
    call<Report>("GET", base(id), { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (controller.signal.aborted) return;
      if (res.kind === "ok") setReport({ kind: "ok", report: res.data });
      else if (res.kind === "forbidden") setReport({ kind: "forbidden" });
      else if (res.kind === "not_found") setReport({ kind: "not_found" });
      else setReport({ kind: "failed" });
      // The audit trail is read after the detail, so it already lists this view of the contact.
      setAuditLoads((n) => n + 1);
    });
    return () => controller.abort();
  }, [id, loads]);

  useEffect(() => {
    if (auditLoads === 0) return;
    const controller = new AbortController();
    call<{ items: AuditEntry[] }>("GET", `${base(id)}/audit`, {
      auth: officerAuth,
      signal: controller.signal,
    }).then((res) => {
      if (controller.signal.aborted) return;
      setAudit(res.kind === "ok" ? { kind: "ok", items: res.data.items } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [id, auditLoads]);

  /** Takes the report an action answered with, keeping the contact already on screen. */
  const replace = (next: Report) => {
    setReport((now) =>
      now.kind === "ok" ? { kind: "ok", report: { ...next, reporter: now.report.reporter } } : now,
    );
    setAuditLoads((n) => n + 1);
  };
  return {
    report,
    audit,
    reload: () => setLoads((n) => n + 1),
    reloadAudit: () => setAuditLoads((n) => n + 1),
    replace,
    url: base(id),
  };
}
