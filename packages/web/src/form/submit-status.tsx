import { useLang } from "../i18n/lang";
import type { Progress } from "../lib/submit";
import { EmergencyNotice } from "./happening-field";
import type { useReportForm } from "./use-report-form";

/**
 * Progress while sending (a polite live region), and the outcome when sending did not work. Refused for
 * too many reports from this source, the resident is told when to try again and, above all, to call 110
 * if someone is in danger (the full call-110 box for a report that is happening now).
 */
export function SubmitStatus({
  progress,
  failure,
  happeningNow,
}: {
  progress: Progress | null;
  failure: ReturnType<typeof useReportForm>["failure"];
  happeningNow: boolean;
}) {
  const { t } = useLang();
  let text = "";
  if (progress?.phase === "sending") text = t.submit.sending;
  else if (progress?.phase === "slow") text = t.submit.slow;
  else if (progress?.phase === "retrying") text = t.submit.retrying(progress.attempt, progress.total);
  return (
    <>
      <div role="status" class="submit-status">
        {text && (
          <p class="progress">
            <span class="spinner" aria-hidden="true" />
            {text}
          </p>
        )}
      </div>
      {failure === "failed" && (
        <p role="alert" class="alert">
          {t.submit.failed}
        </p>
      )}
      {failure === "offline-sensitive" && (
        <div role="alert" class="alert" data-testid="offline-sensitive">
          <p>
            <strong>{t.offlineSensitive.title}.</strong> {t.offlineSensitive.body}
          </p>
          <ul>
            <li>
              <a href="tel:129">{t.offlineSensitive.sapa}</a>
            </li>
            <li>
              <a href="tel:110">{t.offlineSensitive.police}</a>
            </li>
          </ul>
        </div>
      )}
      {typeof failure === "object" && failure !== null && (
        <div role="alert" class="alert" data-testid="limited">
          <p>{t.submit.limited(Math.max(1, Math.ceil(failure.limitedSeconds / 60)))}</p>
          <p>
            <strong>{t.submit.limitedCall}</strong>{" "}
            <a href="tel:110">
              <span aria-hidden="true">📞 </span>
              {t.emergency.call}
            </a>
          </p>
        </div>
      )}
      {typeof failure === "object" && failure !== null && happeningNow && <EmergencyNotice />}
    </>
  );
}
