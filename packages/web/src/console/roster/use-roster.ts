import { findDesa, findKecamatan } from "@lapora/core/browser";
import { useEffect, useState } from "preact/hooks";
import type { ConsoleTexts } from "../../i18n/types";
import { call } from "../../lib/api";
import { officerAuth } from "../lib/session";
import type { Officer, OfficerList, PushDevice, PushDevices } from "../lib/types";

export type RosterState =
  | { kind: "loading" }
  | { kind: "ok"; officers: Officer[] }
  | { kind: "forbidden" }
  | { kind: "failed" };

export type DevicesState = { kind: "loading" } | { kind: "ok"; devices: PushDevice[] } | { kind: "failed" };

/** The roster (`GET /api/admin/officers`), for admins. */
export function useRoster(): RosterState {
  const [state, setState] = useState<RosterState>({ kind: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    call<OfficerList>("GET", "/api/admin/officers", { auth: officerAuth, signal: controller.signal }).then(
      (res) => {
        if (controller.signal.aborted) return;
        if (res.kind === "ok") setState({ kind: "ok", officers: res.data.items });
        else setState({ kind: res.kind === "forbidden" ? "forbidden" : "failed" });
      },
    );
    return () => controller.abort();
  }, []);
  return state;
}

/** One officer's push devices, as an admin sees them (never their keys). */
export function useOfficerDevices(nrp: string): DevicesState {
  const [state, setState] = useState<DevicesState>({ kind: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    const path = `/api/admin/officers/${encodeURIComponent(nrp)}/push-devices`;
    call<PushDevices>("GET", path, { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (!controller.signal.aborted)
        setState(res.kind === "ok" ? { kind: "ok", devices: res.data.devices } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [nrp]);
  return state;
}

/** An officer's area in words: the desa of a Bhabinkamtibmas, the kecamatan of a Kapolsek, or all. */
export function areaOf(officer: Officer, t: ConsoleTexts): string {
  if (officer.desa?.length) return officer.desa.map((code) => findDesa(code)?.desa.name ?? code).join(", ");
  if (officer.kecamatan) return `Kec. ${findKecamatan(officer.kecamatan)?.name ?? officer.kecamatan}`;
  return t.roster.areaAll;
}
