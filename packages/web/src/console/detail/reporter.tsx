import { useT } from "../../i18n/console-lang";
import type { Report } from "../lib/types";

/**
 * Who reported. The contact is shown only when the API sent it (roles that call reporters back); the
 * server has then already written this view to the audit trail, and the officer is told so.
 */
export function Reporter({ reporter }: { reporter: Report["reporter"] }) {
  const { t } = useT();
  const d = t.detail;
  const hasContact = !reporter.anonymous && (reporter.name || reporter.phone);
  return (
    <section class="panel" aria-labelledby="reporter-title">
      <h2 id="reporter-title">{d.reporter}</h2>
      {reporter.anonymous ? (
        <p>{d.anonymous}</p>
      ) : hasContact ? (
        <>
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
