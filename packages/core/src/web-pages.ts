/**
 * Which HTML file answers a path of the web app (client-side routing), in AWS (the CloudFront function in
 * stacks/Web.ts, tested against this), locally (packages/local) and offline (the service worker):
 * - `/`, the report form: index.html, which carries the form prerendered, so a slow link shows it at once;
 * - every other page of the public site (/lacak/…, /statistik, /privasi): app.html, the same app without
 *   the prerendered form, so a tracking link from an SMS never shows the form first;
 * - the officers' console (/konsol…): console.html.
 * A path whose last segment has a dot names a file, and is served as it is (null).
 */
export const WEB_PAGES = { form: "/index.html", app: "/app.html", console: "/console.html" } as const;

export function webPageFor(path: string): string | null {
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (last.includes(".")) return null;
  if (path === "/konsol" || path.startsWith("/konsol/")) return WEB_PAGES.console;
  return path === "/" ? WEB_PAGES.form : WEB_PAGES.app;
}
