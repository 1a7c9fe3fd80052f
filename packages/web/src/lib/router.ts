import { useEffect, useState } from "preact/hooks";

// The one router of both pages (index.html and console.html): in-app navigation with the History API,
// and each page's route table as a pure function of the path. Each page is built on its own (see
// vite.config.ts), so neither carries the other's routes.

const CHANGE = "lapora:navigate";

/** Goes to an in-app address (path and query) without reloading; `replace` keeps history short. */
export function navigate(to: string, replace = false): void {
  if (to === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(CHANGE));
}

export interface Location {
  path: string;
  search: string;
}

const here = (): Location => ({ path: window.location.pathname, search: window.location.search });

/** The current path and query, updated on navigate() and on the back and forward buttons. */
export function useLocation(): Location {
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

/** A click handler for in-app links: plain left clicks navigate in place, others behave as usual. */
export function linkClick(event: MouseEvent): void {
  const anchor = event.currentTarget;
  if (!(anchor instanceof HTMLAnchorElement)) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}

/** The public site's pages. */
export type SiteRoute =
  | { page: "report" }
  | { page: "track"; code?: string }
  | { page: "stats"; week?: string }
  | { page: "privacy" };

/** "Data kami simpan": what Lapora keeps, for how long, who sees it, and how to have it erased. */
export const PRIVACY_PATH = "/privasi";

/**
 * `/lacak` and `/lacak/{code}` track a report, `/statistik` and `/statistik/{week}` are the weekly
 * statistics (the latest week unless one is named), `/privasi` says what data Lapora keeps; every other
 * path is the report form.
 */
export function siteRouteOf(path: string): SiteRoute {
  if (/^\/privasi\/?$/.test(path)) return { page: "privacy" };
  const match = /^\/(lacak|statistik)(?:\/([^/]*))?\/?$/.exec(path);
  if (!match) return { page: "report" };
  const value = match[2] ? decodeURIComponent(match[2]) : "";
  if (match[1] === "statistik") return value ? { page: "stats", week: value } : { page: "stats" };
  return value ? { page: "track", code: value } : { page: "track" };
}

/** A report's tracking page; `code` is canonical (`LPR-…`), so it needs no escaping. */
export const trackPath = (code: string) => `/lacak/${code}`;
/** One week's statistics, e.g. `/statistik/2026-W47`. */
export const siteStatsPath = (week: string) => `/statistik/${week}`;

/** The officers' console lives under this path (console.html). */
export const CONSOLE_BASE = "/konsol";
/**
 * The queue's address: inside the installed app's scope (`/konsol/`, public/konsol.webmanifest and the
 * service worker), which `/konsol` itself is not.
 */
export const CONSOLE_HOME = `${CONSOLE_BASE}/`;

/** The console's pages. */
export type ConsoleRoute =
  | { page: "queue" }
  | { page: "report"; id: string }
  | { page: "stats"; week: string | undefined }
  | { page: "quarantine" }
  | { page: "notifications" }
  | { page: "roster" }
  | { page: "officer"; nrp: string };

/**
 * `/konsol/laporan/{id}` is one report, `/konsol/statistik[/{week}]` the leadership statistics (the
 * latest week unless one is named), `/konsol/karantina` the reports held for SPKT's review,
 * `/konsol/notifikasi` this officer's push devices, `/konsol/petugas[/{nrp}]` the roster (admins); every
 * other console address is the queue.
 */
export function consoleRouteOf(path: string): ConsoleRoute {
  const report = /^\/konsol\/laporan\/([^/]+)\/?$/.exec(path);
  if (report?.[1]) return { page: "report", id: decodeURIComponent(report[1]) };
  const stats = /^\/konsol\/statistik(?:\/([^/]+))?\/?$/.exec(path);
  if (stats) return { page: "stats", week: stats[1] ? decodeURIComponent(stats[1]) : undefined };
  if (/^\/konsol\/karantina\/?$/.test(path)) return { page: "quarantine" };
  if (/^\/konsol\/notifikasi\/?$/.test(path)) return { page: "notifications" };
  const roster = /^\/konsol\/petugas(?:\/([^/]+))?\/?$/.exec(path);
  if (roster) return roster[1] ? { page: "officer", nrp: decodeURIComponent(roster[1]) } : { page: "roster" };
  return { page: "queue" };
}

export const consoleReportPath = (id: string) => `${CONSOLE_BASE}/laporan/${encodeURIComponent(id)}`;
export const consoleQuarantinePath = () => `${CONSOLE_BASE}/karantina`;
export const consoleNotificationsPath = () => `${CONSOLE_BASE}/notifikasi`;
export const consoleRosterPath = (nrp?: string) =>
  `${CONSOLE_BASE}/petugas${nrp ? `/${encodeURIComponent(nrp)}` : ""}`;
export const consoleStatsPath = (week?: string) =>
  `${CONSOLE_BASE}/statistik${week ? `/${encodeURIComponent(week)}` : ""}`;
