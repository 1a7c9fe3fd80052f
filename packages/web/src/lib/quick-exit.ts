import { useEffect } from "preact/hooks";
import { wipeAndSeal } from "./storage";

/**
 * Where the quick exit goes: a neutral, everyday page (the weather), as GOV.UK's "Exit this page" does.
 * `location.replace` leaves no Lapora entry in the history, so Back does not return.
 */
export const QUICK_EXIT_URL = "https://www.bmkg.go.id/";

/** Leaves at once: wipes the draft and everything Lapora keeps on the phone, then replaces the page. */
export function quickExit(): void {
  wipeAndSeal();
  window.location.replace(QUICK_EXIT_URL);
}

/** Pressing Escape twice within a second is the quick exit too, from anywhere on the page. */
export function useEscapeTwiceToExit(): void {
  useEffect(() => {
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const now = Date.now();
      if (now - last < 1000) quickExit();
      last = now;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
