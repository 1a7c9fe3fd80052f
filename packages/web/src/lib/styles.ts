/**
 * index.html and app.html carry the page's stylesheet inline, allowed by its hash in the CSP (vite.config.ts,
 * dist/csp.json). If the CSP in force refused it (during a deploy, a new page can meet the old policy for a
 * moment, and a service worker may have kept that pair), the page would stay unstyled: the app then links
 * the same styles as a file, which the CSP allows as 'self'.
 */
export function ensureStyles(): void {
  const inline = document.querySelector<HTMLStyleElement>("style[data-href]");
  const href = inline?.dataset.href;
  if (!inline || inline.sheet || !href) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}
