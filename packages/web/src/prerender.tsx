import { renderToString } from "preact-render-to-string";
import { App } from "./app";

/**
 * The report form as HTML, rendered at build time into index.html (vite.config.ts, `--mode prerender`):
 * on a slow link the resident sees the form, and can choose and type, from the HTML alone; the script
 * then takes over the same elements and keeps what was entered (main.tsx). Rendered as a first visit
 * sees it: Indonesian, the form at /, nothing remembered. Effects do not run in a render to string.
 */
export function renderForm(): string {
  const g = globalThis as Record<string, unknown>;
  // The few browser globals a first render reads (the address, for the router), and only while it runs.
  const saved = { window: g.window };
  g.window = { location: { pathname: "/", search: "" } };
  try {
    return renderToString(<App />);
  } finally {
    g.window = saved.window;
  }
}
