import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { call } from "../../lib/api";
import { officerAuth } from "../lib/session";
import type { EvidenceList, EvidenceView } from "../lib/types";

type ListState = { kind: "loading" } | { kind: "ok"; list: EvidenceList } | { kind: "failed" };

type Download =
  | { kind: "sending" }
  | { kind: "ready"; url: string }
  | { kind: "forbidden" }
  | { kind: "failed" };

const base = (id: string) => `/api/officer/reports/${encodeURIComponent(id)}/evidence`;

/** Fetches the list again this long before its links expire, so a tap never opens a dead link. */
const RENEW_BEFORE_MS = 30_000;

/**
 * The report's photos as officers see them: clean display copies (no EXIF, no GPS) by short-lived
 * links, renewed before they expire. SPKT and admin may also fetch an original; the server audits it.
 */
export function EvidencePanel({ reportId, onAudited }: { reportId: string; onAudited(): void }) {
  const { t } = useT();
  const e = t.evidence;
  const [state, setState] = useState<ListState>({ kind: "loading" });
  const [loads, setLoads] = useState(0);
  const [downloads, setDownloads] = useState<Record<number, Download>>({});

  useEffect(() => {
    const controller = new AbortController();
    call<EvidenceList>("GET", base(reportId), { auth: officerAuth, signal: controller.signal }).then(
      (res) => {
        if (controller.signal.aborted) return;
        // A renewal that fails keeps what is on screen; only a first load shows the failure.
        if (res.kind === "ok") setState({ kind: "ok", list: res.data });
        else setState((now) => (now.kind === "ok" ? now : { kind: "failed" }));
      },
    );
    return () => controller.abort();
  }, [reportId, loads]);

  const expiresAt = state.kind === "ok" ? firstExpiry(state.list.items) : undefined;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const wait = Math.max(10_000, expiresAt - Date.now() - RENEW_BEFORE_MS);
    const timer = setTimeout(() => setLoads((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [expiresAt]);

  const download = async (slot: number) => {
    setDownloads((d) => ({ ...d, [slot]: { kind: "sending" } }));
    const res = await call<{ url: string }>("POST", `${base(reportId)}/${slot}/original`, {
      auth: officerAuth,
    });
    if (res.kind === "ok") {
      setDownloads((d) => ({ ...d, [slot]: { kind: "ready", url: res.data.url } }));
      window.open(res.data.url, "_blank", "noopener");
    } else {
      setDownloads((d) => ({ ...d, [slot]: { kind: res.kind === "forbidden" ? "forbidden" : "failed" } }));
    }
    onAudited();
  };

  const items = state.kind === "ok" ? state.list.items : [];
  return (
    <section class="panel" aria-labelledby="evidence-title" data-testid="evidence">
      <h2 id="evidence-title">{e.title}</h2>
      {state.kind === "loading" && <p class="progress">{t.loading}</p>}
      {state.kind === "failed" && (
        <div class="alert">
          <p>{e.failed}</p>
          <button type="button" class="button button-secondary" onClick={() => setLoads((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      )}
      {state.kind === "ok" && items.length === 0 && (
        <>
          <p data-testid="evidence-empty">{e.none}</p>
          <button type="button" class="button-link" onClick={() => setLoads((n) => n + 1)}>
            {e.reload}
          </button>
        </>
      )}
      {state.kind === "ok" && items.length > 0 && (
        <>
          <p class="hint">{e.hint}</p>
          {state.list.canDownloadOriginal && (
            <p class="notice" data-testid="original-notice">
              {e.originalNotice}
            </p>
          )}
          <ul class="evidence-grid">
            {items.map((item, i) => (
              <li key={item.slot} class="evidence-item" data-testid="evidence-item">
                <Thumb item={item} label={e.alt(i + 1, items.length)} />
                <p class="evidence-meta">{e.size(i + 1, Math.max(1, Math.round(item.bytes / 1024)))}</p>
                {state.list.canDownloadOriginal && (
                  <OriginalButton
                    number={i + 1}
                    state={downloads[item.slot]}
                    onClick={() => download(item.slot)}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function firstExpiry(items: EvidenceView[]): number | undefined {
  const times = items.flatMap((i) => (i.display ? [Date.parse(i.display.expiresAt)] : []));
  const valid = times.filter((n) => !Number.isNaN(n));
  return valid.length > 0 ? Math.min(...valid) : undefined;
}

function Thumb({ item, label }: { item: EvidenceView; label: string }) {
  const { t } = useT();
  if (!item.display)
    return (
      <div class="evidence-thumb evidence-missing" role="img" aria-label={label}>
        <span>{t.evidence.noPreview}</span>
      </div>
    );
  return (
    <a href={item.display.url} target="_blank" rel="noopener noreferrer" class="evidence-link">
      <img
        src={item.display.url}
        alt={label}
        loading="lazy"
        decoding="async"
        class="evidence-thumb"
        {...(item.width && item.height ? { width: item.width, height: item.height } : {})}
      />
      <span class="visually-hidden">{t.evidence.newTab}</span>
    </a>
  );
}

function OriginalButton({
  number,
  state,
  onClick,
}: {
  number: number;
  state: Download | undefined;
  onClick(): void;
}) {
  const { t } = useT();
  const e = t.evidence;
  const sending = state?.kind === "sending";
  return (
    <>
      <button
        type="button"
        class="button button-secondary button-small button-block"
        aria-disabled={sending ? "true" : undefined}
        onClick={() => {
          if (!sending) onClick();
        }}
      >
        {sending ? e.sending : e.original}
        <span class="visually-hidden"> {e.photo(number)}</span>
      </button>
      <p role="status" class="evidence-status">
        {state?.kind === "ready" && (
          <a href={state.url} target="_blank" rel="noopener noreferrer">
            {e.originalLink}
          </a>
        )}
        {state?.kind === "forbidden" && <span class="field-error">{t.actions.forbidden}</span>}
        {state?.kind === "failed" && <span class="field-error">{t.failed}</span>}
      </p>
    </>
  );
}
