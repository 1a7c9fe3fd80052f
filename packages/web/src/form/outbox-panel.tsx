import { useLang } from "../i18n/lang";
import type { OutboxEntry } from "../lib/outbox";
import { linkClick, trackPath } from "../lib/router";
import { formatWib } from "../lib/time";
import type { Outbox } from "../lib/use-outbox";
import "../styles/receipt.css";

/**
 * What waits on this phone (lib/outbox.ts), above the form: how many reports wait and a way to send them
 * now or remove one; for each one sent since, its code and secret until she has noted them.
 */
export function OutboxPanel({ outbox }: { outbox: Outbox }) {
  const { t, lang } = useLang();
  const o = t.outbox;
  const waiting = outbox.entries.filter((e) => e.state === "waiting");
  const sent = outbox.entries.filter((e) => e.state === "sent" && e.receipt);
  const refused = outbox.entries.filter((e) => e.state === "refused");
  if (outbox.entries.length === 0) return null;
  const remove = (entry: OutboxEntry) => {
    if (window.confirm(o.removeConfirm)) void outbox.discard(entry);
  };
  return (
    <section class="outbox" aria-labelledby="outbox-title" data-testid="outbox">
      {sent.map((entry) => (
        <div class="outbox-sent" key={entry.key}>
          <h2 id={sent[0] === entry ? "outbox-title" : undefined}>{o.sentTitle}</h2>
          <p class="receipt-label">{o.sentCode}</p>
          <p class="tracking-code" data-testid="outbox-code">
            {entry.receipt?.trackingCode}
          </p>
          {entry.receipt?.reporterSecret && (
            <>
              <p class="receipt-label">{o.sentSecret}</p>
              <p class="reporter-secret" data-testid="outbox-secret">
                {entry.receipt.reporterSecret}
              </p>
            </>
          )}
          <p class="hint">{o.sentNote}</p>
          <div class="actions">
            <a class="button" href={trackPath(entry.receipt?.trackingCode ?? "")} onClick={linkClick}>
              {o.track}
            </a>
            <button type="button" class="button button-secondary" onClick={() => void outbox.dismiss(entry)}>
              {o.dismiss}
            </button>
          </div>
        </div>
      ))}
      {waiting.length > 0 && (
        <div class="outbox-waiting">
          <h2 id={sent.length === 0 ? "outbox-title" : undefined}>{o.title}</h2>
          <p role="status" data-testid="outbox-waiting">
            {o.waiting(waiting.length)}
          </p>
          <ul>
            {waiting.map((entry) => (
              <li key={entry.key}>
                <span>
                  {entry.label} · {o.saved(formatWib(entry.queuedAt, lang, "short"))}
                  {o.photos(entry.photos.length)}
                </span>{" "}
                <button type="button" class="button-link" onClick={() => remove(entry)}>
                  {o.remove}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => void outbox.send()}
            disabled={outbox.sending}
          >
            {outbox.sending ? o.sending : o.sendNow}
          </button>
          {!navigator.onLine && <p class="hint">{o.offline}</p>}
        </div>
      )}
      {refused.map((entry) => (
        <p class="alert" key={entry.key}>
          {entry.label}: {o.refused}{" "}
          <button type="button" class="button-link" onClick={() => void outbox.discard(entry)}>
            {o.remove}
          </button>
        </p>
      ))}
    </section>
  );
}
