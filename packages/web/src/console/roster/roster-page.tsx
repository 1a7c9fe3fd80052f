import { useEffect } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { consoleRosterPath, linkClick } from "../../lib/router";
import { areaOf, useRoster } from "./use-roster";

/**
 * `/konsol/petugas`, for admins: the roster, each officer linking to their page with their
 * notification devices. The server checks the role.
 */
export function RosterPage() {
  const { t } = useT();
  const r = t.roster;
  const state = useRoster();
  useEffect(() => {
    document.title = `${r.title} · ${t.appName}`;
  }, [t]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {r.title}
      </h1>
      <p>{r.lead}</p>
      {state.kind === "loading" && (
        <p class="progress">
          <span class="spinner" aria-hidden="true" />
          {t.loading}
        </p>
      )}
      {state.kind === "forbidden" && <p class="alert">{r.forbidden}</p>}
      {state.kind === "failed" && <p class="alert">{t.failed}</p>}
      {state.kind === "ok" && state.officers.length === 0 && <p>{r.empty}</p>}
      {state.kind === "ok" && state.officers.length > 0 && (
        <ul class="cards" aria-label={r.title}>
          {state.officers.map((o) => (
            <li key={o.nrp} class="card" data-testid="roster-item" data-nrp={o.nrp}>
              <h2 class="card-title">
                <a href={consoleRosterPath(o.nrp)} onClick={linkClick} class="card-link">
                  {o.name}
                </a>
              </h2>
              <p class="card-meta">
                {t.auditNrp(o.nrp)} · {t.roles[o.role]}
                {!o.active && ` · ${r.inactive}`}
                <br />
                {areaOf(o, t)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
