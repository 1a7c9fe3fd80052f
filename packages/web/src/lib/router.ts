import { useEffect, useState } from "preact/hooks";

const CHANGE = "lapora:navigate";

/** Goes to an in-app path without reloading, like a link would. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(CHANGE));
}

/** The current path, updated on navigate() and on the back and forward buttons. */
export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener("popstate", update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return path;
}

/** A click handler for in-app links: plain left clicks navigate in place, others behave as usual. */
export function linkClick(event: MouseEvent): void {
  const anchor = event.currentTarget;
  if (!(anchor instanceof HTMLAnchorElement)) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.pathname);
}

export type Route = { page: "report" } | { page: "track"; code?: string };

/** Which page a path shows: `/lacak` and `/lacak/{code}` track, everything else is the report form. */
export function routeOf(path: string): Route {
  const match = /^\/lacak(?:\/([^/]*))?\/?$/.exec(path);
  if (!match) return { page: "report" };
  const code = match[1] ? decodeURIComponent(match[1]) : "";
  return code ? { page: "track", code } : { page: "track" };
}
