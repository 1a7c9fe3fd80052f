import { useEffect, useState } from "preact/hooks";

const CHANGE = "lapora:console-navigate";
export const BASE = "/konsol";

/** Goes to an in-console address (path and query) without reloading; `replace` keeps history short. */
export function go(to: string, replace = false): void {
  if (to === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(CHANGE));
}

const here = () => ({ path: window.location.pathname, search: window.location.search });

/** The current path and query, updated on go() and on the back and forward buttons. */
export function useLocation(): { path: string; search: string } {
  const [loc, setLoc] = useState(here);
  useEffect(() => {
    const update = () => setLoc(here());
    window.addEventListener("popstate", update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return loc;
}

/** A click handler for in-console links: plain left clicks navigate in place, others behave as usual. */
export function linkClick(event: MouseEvent): void {
  const a = event.currentTarget;
  if (!(a instanceof HTMLAnchorElement)) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go(a.pathname + a.search);
}

export type ConsoleRoute =
  | { page: "queue" }
  | { page: "report"; id: string }
  | { page: "stats"; week: string | undefined };

/**
 * `/konsol/laporan/{id}` is one report, `/konsol/statistik[/{week}]` the leadership statistics (the
 * latest week unless one is named); every other console address is the queue.
 */
export function routeOf(path: string): ConsoleRoute {
  const m = /^\/konsol\/laporan\/([^/]+)\/?$/.exec(path);
  if (m?.[1]) return { page: "report", id: decodeURIComponent(m[1]) };
  const s = /^\/konsol\/statistik(?:\/([^/]+))?\/?$/.exec(path);
  if (s) return { page: "stats", week: s[1] ? decodeURIComponent(s[1]) : undefined };
  return { page: "queue" };
}

export const reportPath = (id: string) => `${BASE}/laporan/${encodeURIComponent(id)}`;
export const statsPath = (week?: string) => `${BASE}/statistik${week ? `/${encodeURIComponent(week)}` : ""}`;
