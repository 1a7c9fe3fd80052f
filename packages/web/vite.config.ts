import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRetentionDays, styleHash, WEB_CSP_FILE, WEB_PAGES } from "@lapora/core/infra";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const PAGES = {
  index: fileURLToPath(new URL("./index.html", import.meta.url)),
  console: fileURLToPath(new URL("./console.html", import.meta.url)),
};
const SERVICE_WORKER = fileURLToPath(new URL("./src/console/sw/sw.ts", import.meta.url));
const require = createRequire(import.meta.url);
const PRERENDER_ENTRY = fileURLToPath(new URL("./src/prerender.tsx", import.meta.url));
/** Where `--mode prerender` leaves the form's renderer for the page build (a build artefact, not shipped). */
const PRERENDER_OUT = fileURLToPath(new URL("./node_modules/.lapora-prerender", import.meta.url));

/**
 * The report form, rendered at build time into index.html's #app (src/prerender.tsx), with the page's own
 * stylesheet inlined: on a slow link the form paints one round trip after the page is asked for, and the
 * resident can start filling it before the script has arrived (the app keeps what she entered, see
 * src/lib/prerendered.ts). The stylesheet's CSP hash goes to dist/csp.json, which the local server and the
 * CloudFront response headers (stacks/Web.ts) add to style-src. app.html is the same page without the form,
 * for every other path (core's webPageFor). The Workbox precache list is made later in the same build, so
 * it names these final pages.
 */
function prerenderForm(): Plugin {
  let shell: string | undefined;
  const hashes = new Set<string>();
  return {
    name: "lapora-prerender-form",
    transformIndexHtml(html, ctx) {
      const file = join(PRERENDER_OUT, "prerender.cjs");
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`vite build --mode prerender\` first`);
      // Required, not imported: this config runs in Vite's module runner, closed by the time HTML is made.
      delete require.cache[file];
      const { renderForm } = require(file) as { renderForm(): string };
      const link = html.match(/<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/);
      const asset = link?.[1] ? ctx.bundle?.[link[1]] : undefined;
      if (!link || !asset || asset.type !== "asset")
        throw new Error("index.html links no stylesheet of this build");
      const css = typeof asset.source === "string" ? asset.source : new TextDecoder().decode(asset.source);
      if (css.includes("</")) throw new Error("the page's stylesheet cannot be inlined: it contains '</'");
      hashes.add(styleHash(css));
      // data-href: the same styles as a file, which the app links if the CSP refused this copy (a deploy
      // whose new page met the old policy: lib/styles.ts). Replacer functions: "$" in CSS is not a pattern.
      const page = html.replace(link[0], () => `<style data-href="/${link[1]}">${css}</style>`);
      const marker = '<div id="app"></div>';
      if (!page.includes(marker)) throw new Error(`index.html has no ${marker} to render the form into`);
      shell = page;
      const form = renderForm();
      return page.replace(marker, () => `<div id="app" data-prerendered="">${form}</div>`);
    },
    generateBundle: {
      order: "post",
      handler() {
        if (!shell) throw new Error("index.html was not transformed: no app.html to write");
        this.emitFile({ type: "asset", fileName: WEB_PAGES.app.slice(1), source: shell });
        this.emitFile({
          type: "asset",
          fileName: WEB_CSP_FILE,
          source: `${JSON.stringify({ styleHashes: [...hashes] }, null, 2)}\n`,
        });
      },
    },
  };
}

// `vite build` makes the public site; `vite build --mode console` then adds the officers' console
// (/konsol) to the same dist/ (package.json runs both). Two builds, not one with two inputs: the pages
// then share no chunk, so nothing the console uses (not even an unused part of a shared module) is
// downloaded with the report form. The dev server serves both pages either way. `vite build --mode sw`
// last adds the console's service worker as one classic script at a fixed address, /konsol-sw.js (a
// worker's URL cannot change with each build, and its scope /konsol/ must lie below it). public/ (the
// console's manifest and icons) is copied by the page builds; the first empties dist/, the later ones add.
/** Core's browser modules are pure: a re-exported module nothing uses is left out of a bundle. */
const CORE_IS_PURE = (id: string) => !id.includes("/packages/core/src/");

/** The days a closed report keeps its reporter's contact (LAPORA_RETENTION_DAYS), baked into the build. */
const retentionDefine = () => ({
  __LAPORA_RETENTION_DAYS__: String(
    parseRetentionDays(process.env.LAPORA_RETENTION_DAYS, "LAPORA_RETENTION_DAYS"),
  ),
});

export default defineConfig(({ mode, command }) => {
  if (mode === "sw") {
    return {
      build: {
        outDir: "dist",
        emptyOutDir: false,
        copyPublicDir: false,
        target: "es2019",
        lib: {
          entry: SERVICE_WORKER,
          formats: ["iife"],
          name: "laporaKonsolWorker",
          fileName: () => "konsol-sw.js",
        },
      },
    };
  }
  if (mode === "prerender") {
    return {
      plugins: [preact()],
      // Only the page's own code is bundled: preact and its renderer stay one copy in node_modules.
      ssr: { noExternal: [/^@lapora\//] },
      build: {
        ssr: PRERENDER_ENTRY,
        outDir: PRERENDER_OUT,
        emptyOutDir: true,
        copyPublicDir: false,
        target: "node20",
        rollupOptions: {
          output: { entryFileNames: "prerender.cjs", format: "cjs" },
          treeshake: { moduleSideEffects: CORE_IS_PURE },
        },
      },
      define: retentionDefine(),
    };
  }
  const page = mode === "console" ? "console" : "index";
  return {
    plugins: [
      preact(),
      ...(page === "index" && command === "build" ? [prerenderForm()] : []),
      // The public site's service worker (src/sw/sw.ts -> dist/sw.js), with Workbox's precache list of
      // this build's files injected. Registered by the page itself (lib/service-worker.ts), not by the
      // plugin's script, which would be one more request; the manifest is public/manifest.webmanifest.
      ...(page === "index"
        ? [
            VitePWA({
              strategies: "injectManifest",
              srcDir: "src/sw",
              filename: "sw.ts",
              injectRegister: false,
              manifest: false,
              injectManifest: {
                globPatterns: [
                  "index.html",
                  "app.html",
                  "assets/*.{js,css}",
                  // The page's own icon; the 512 px ones are fetched by the browser when the site is
                  // installed, online, and are not worth 21 KB on every first visit.
                  "icons/lapora-192.png",
                  "manifest.webmanifest",
                ],
                rollupFormat: "iife",
                minify: true,
                sourcemap: false,
                // As for the page: core's modules are pure, so what the worker does not use is left out.
                rollupOptions: { treeshake: { moduleSideEffects: CORE_IS_PURE } },
              },
            }),
          ]
        : []),
    ],
    // The days a closed report keeps its reporter's contact, as the stage's job erases it
    // (LAPORA_RETENTION_DAYS at deploy and locally): the privacy page and the reporter's view say it.
    define: retentionDefine(),
    build: {
      outDir: "dist",
      emptyOutDir: page === "index",
      target: "es2019",
      // Keep every asset a separate file: the CSP allows no inline script, and no inline style but the
      // page's own stylesheet, inlined by lapora-prerender-form with its hash.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: { [page]: PAGES[page] },
        // Core's browser modules are pure: a re-exported module nothing uses (the English messages, which
        // come with the English texts) must not be pulled into the page's first chunk.
        treeshake: { moduleSideEffects: CORE_IS_PURE },
      },
    },
  };
});
