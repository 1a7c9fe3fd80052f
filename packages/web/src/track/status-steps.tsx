import type { Status, TimelineEntry } from "@lapora/core/browser";
import { useLang } from "../i18n/lang";

const MAIN_PATH: readonly Status[] = ["diterima", "diverifikasi", "ditangani", "selesai"];

/** The steps to show: the usual path, or the path actually taken when a report was closed early. */
export function stepsFor(status: Status, timeline: readonly TimelineEntry[]): readonly Status[] {
  if (MAIN_PATH.includes(status)) return MAIN_PATH;
  const taken = timeline.map((e) => e.status).filter((s, i, all) => all.indexOf(s) === i && s !== status);
  return [...taken, status];
}

/** The status as a simple step indicator: done, now, not yet. */
export function StatusSteps({ status, timeline }: { status: Status; timeline: readonly TimelineEntry[] }) {
  const { t } = useLang();
  const steps = stepsFor(status, timeline);
  const current = steps.indexOf(status);
  return (
    <ol class="steps" aria-label={t.track.steps}>
      {steps.map((s, i) => {
        const state = i < current ? "done" : i === current ? "current" : "todo";
        const mark = state === "done" ? "✓" : String(i + 1);
        return (
          <li key={s} class={`step step-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span class="step-mark" aria-hidden="true">
              {mark}
            </span>
            <span class="step-label">
              {t.statuses[s]}{" "}
              <span class="visually-hidden">
                {state === "done"
                  ? t.track.stepDone
                  : state === "current"
                    ? t.track.stepCurrent
                    : t.track.stepTodo}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
