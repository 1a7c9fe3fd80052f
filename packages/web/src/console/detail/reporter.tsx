import { callAllowedAt } from "@lapora/core/browser";
import { useT } from "../../i18n/console-lang";
import { formatWib } from "../../lib/time";
import type { Report } from "../lib/types";

/**
 * Who reported. The contact is shown only when the API sent it (roles that call reporters back); the
 * server has then already written this view to the audit trail, and the officer is told so.
 */
export function Reporter({
  reporter,
  contactErasedAt,
}: {
  reporter: Report["reporter"];
  contactErasedAt?: string | undefined;
}) {
  const { t, lang } = useT();
  const d = t.detail;
  const hasContact = !reporter.anonymous && (reporter.name || reporter.phone);
  return (
    <section class="panel" aria-labelledby="reporter-title">
      <h2 id="reporter-title">{d.reporter}</h2>
      {reporter.anonymous ? (
        <p>{d.anonymous}</p>
      ) : contactErasedAt ? (
        <p data-testid="contact-erased">{d.contactErased(formatWib(contactErasedAt, lang))}</p>
      ) : hasContact ? (
        <>
          {reporter.preferences && <Wishes preferences={reporter.preferences} />}
          <p class="notice" data-testid="contact-notice">
            {d.contactNotice}
          </p>
          <dl class="facts">
            <dt>{d.name}</dt>
            <dd data-testid="reporter-name">{reporter.name ?? t.none}</dd>
            <dt>{d.phone}</dt>
            <dd>
              {reporter.phone ? (
                <a href={`tel:${reporter.phone}`} aria-label={d.call(reporter.phone)}>
                  {reporter.phone}
                </a>
              ) : (
                t.none
              )}
            </dd>
          </dl>
        </>
      ) : (
        <p>{d.contactHidden}</p>
      )}
    </section>
  );
}

type Preferences = NonNullable<Report["reporter"]["preferences"]>;

/**
 * Her wishes, above her contact and before anyone dials: what she allowed, the WIB hours, whether a call
 * now is inside them, "do not come to my house", and the safer number to use.
 */
function Wishes({ preferences: p }: { preferences: Preferences }) {
  const { t } = useT();
  const w = t.detail.wishes;
  const hours = p.calls && p.callFrom && p.callTo ? w.hours(p.callFrom, p.callTo) : "";
  const outside = p.calls && !callAllowedAt(p, new Date());
  return (
    <div class="wishes" role="note" aria-labelledby="wishes-title" data-testid="contact-wishes">
      <p id="wishes-title" class="wishes-title">
        <span aria-hidden="true">⚠ </span>
        {w.title}
      </p>
      <ul>
        <li>{p.sms ? w.smsYes : <strong>{w.smsNo}</strong>}</li>
        <li>
          {p.calls ? (
            <>
              {w.callsYes}
              {hours && ` ${hours}`}
              {outside && <strong> {w.outsideNow}</strong>}
            </>
          ) : (
            <strong>{w.callsNo}</strong>
          )}
        </li>
        {p.noHomeVisit && (
          <li>
            <strong>{w.noHomeVisit}</strong>
          </li>
        )}
        {p.safePhone && (
          <li>
            {w.safePhone}{" "}
            <a href={`tel:${p.safePhone}`} aria-label={t.detail.call(p.safePhone)}>
              {p.safePhone}
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}
