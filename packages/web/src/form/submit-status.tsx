import { useLang } from "../i18n/lang";
import type { Progress } from "../lib/submit";

/** Progress while sending (a polite live region), and the outcome when sending did not work. */
export function SubmitStatus({ progress, failure }: { progress: Progress | null; failure: string | null }) {
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
    </>
  );
}
