import { useEffect, useState } from "preact/hooks";
import { call } from "../../lib/api";
import { officerAuth } from "../lib/session";
import type { WeeklyStats } from "../lib/types";

export type WeeksState = { kind: "loading" } | { kind: "ok"; weeks: string[] } | { kind: "failed" };
export type WeekState =
  | { kind: "loading" }
  | { kind: "ok"; stats: WeeklyStats }
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "failed" };

/**
 * The computed weeks, and the full figures of `week` (the latest unless one is named), for an officer
 * who may read them (`allowed`); nothing is fetched otherwise. `retry` reloads both after a failure.
 */
export function useWeeklyStats(week: string | undefined, allowed: boolean) {
  const [weeks, setWeeks] = useState<WeeksState>({ kind: "loading" });
  const [loaded, setLoaded] = useState<{ week: string; state: WeekState } | undefined>();
  const [attempt, setAttempt] = useState(0);
  const list = weeks.kind === "ok" ? weeks.weeks : undefined;
  const selected = week ?? list?.[0];
  // Only the chosen week's figures: never the previous choice's while the new one loads.
  const state: WeekState = !allowed
    ? { kind: "forbidden" }
    : loaded && loaded.week === selected
      ? loaded.state
      : { kind: "loading" };

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    setWeeks({ kind: "loading" });
    const options = { auth: officerAuth, signal: controller.signal };
    call<{ weeks: string[] }>("GET", "/api/stats/weeks", options).then((res) => {
      if (!controller.signal.aborted)
        setWeeks(res.kind === "ok" ? { kind: "ok", weeks: res.data.weeks } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [allowed, attempt]);

  useEffect(() => {
    if (!allowed || !selected) return;
    const controller = new AbortController();
    setLoaded({ week: selected, state: { kind: "loading" } });
    const path = `/api/officer/stats/weekly/${encodeURIComponent(selected)}`;
    call<WeeklyStats>("GET", path, { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (controller.signal.aborted) return;
      const next: WeekState =
        res.kind === "ok"
          ? { kind: "ok", stats: res.data }
          : res.kind === "forbidden"
            ? { kind: "forbidden" }
            : res.kind === "not_found" || res.kind === "invalid"
              ? { kind: "not_found" }
              : { kind: "failed" };
      setLoaded({ week: selected, state: next });
    });
    return () => controller.abort();
  }, [allowed, selected, attempt]);

  return { weeks, list, selected, state, retry: () => setAttempt((n) => n + 1) };
}
