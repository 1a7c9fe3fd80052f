import { useEffect } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { consoleRosterPath, linkClick } from "../../lib/router";
import type { Officer } from "../lib/types";
import { DeviceList } from "../push/device-list";
import { areaOf, useOfficerDevices, useRoster } from "./use-roster";

/** The officer's push devices: how many, how many failing, and each one. */
function Devices({ nrp }: { nrp: string }) {
  const { t } = useT();
  const r = t.roster;
  const state = useOfficerDevices(nrp);
  const failing = state.kind === "ok" ? state.devices.filter((d) => d.failingSince).length : 0;
  return (
    <section class="panel" aria-labelledby="officer-devices-title">
      <h2 id="officer-devices-title">{r.devices}</h2>
      {state.kind === "loading" && <p class="progress">{t.loading}</p>}
      {state.kind === "failed" && <p class="alert">{r.devicesFailed}</p>}
      {state.kind === "ok" && (
        <p data-testid="device-count">
          {r.deviceCount(state.devices.length)}
          {failing > 0 && <strong class="device-failing-since">{` · ${r.failingCount(failing)}`}</strong>}
        </p>
      )}
      {state.kind === "ok" && state.devices.length > 0 && <DeviceList devices={state.devices} />}
    </section>
  );
}

function Facts({ officer }: { officer: Officer }) {
  const { t } = useT();
  const r = t.roster;
  return (
    <section class="panel" aria-labelledby="officer-facts-title">
      <h2 id="officer-facts-title">{t.detail.facts}</h2>
      <dl class="facts">
        <dt>NRP</dt>
        <dd>{officer.nrp}</dd>
        <dt>{r.area}</dt>
        <dd>{areaOf(officer, t)}</dd>
        <dt>{r.phone}</dt>
        <dd>{officer.phone}</dd>
        <dt>{r.status}</dt>
        <dd>{officer.active ? r.active : r.inactive}</dd>
      </dl>
    </section>
  );
}

/** `/konsol/petugas/{nrp}`, for admins: one officer of the roster, with their notification devices. */
export function OfficerPage({ nrp }: { nrp: string }) {
  const { t } = useT();
  const r = t.roster;
  const roster = useRoster();
  const officer = roster.kind === "ok" ? roster.officers.find((o) => o.nrp === nrp) : undefined;
  const title = officer ? `${officer.name} · ${t.roles[officer.role]}` : r.title;
  useEffect(() => {
    document.title = `${title} · ${t.appName}`;
  }, [title, t.appName]);
  return (
    <article aria-labelledby="page-title" class="detail">
      <p class="back">
        <a href={consoleRosterPath()} onClick={linkClick}>
          <span aria-hidden="true">← </span>
          {r.back}
        </a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {roster.kind === "loading"
          ? t.loading
          : officer
            ? title
            : roster.kind === "ok"
              ? r.notFound
              : r.title}
      </h1>
      {roster.kind === "forbidden" && <p class="alert">{r.forbidden}</p>}
      {roster.kind === "failed" && <p class="alert">{t.failed}</p>}
      {officer && <Facts officer={officer} />}
      {officer && <Devices nrp={officer.nrp} />}
    </article>
  );
}
