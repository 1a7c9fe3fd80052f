import { fileURLToPath } from "node:url";
import { parseRetentionDays } from "@lapora/core/infra";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const PAGES = {
  index: fileURLToPath(new URL("./index.html", import.meta.url)),
  console: fileURLToPath(new URL("./console.html", import.meta.url)),
};
const SERVICE_WORKER = fileURLToPath(new URL("./src/console/sw/sw.ts", import.meta.url));

// `vite build` makes the public site; `vite build --mode console` then adds the officers' console
// (/konsol) to the same dist/ (package.json runs both). Two builds, not one with two inputs: the pages
// then share no chunk, so nothing the console uses (not even an unused part of a shared module) is
// downloaded with the report form. The dev server serves both pages either way. `vite build --mode sw`
// last adds the console's service worker as one classic script at a fixed address, /konsol-sw.js (a
// worker's URL cannot change with each build, and its scope /konsol/ must lie below it). public/ (the
// console's manifest and icons) is copied by the page builds; the first empties dist/, the later ones add.
/** Core's browser modules are pure: a re-exported module nothing uses is left out of a bundle. */
const CORE_IS_PURE = (id: string) => !id.includes("/packages/core/src/");

export default defineConfig(({ mode }) => {
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
  const page = mode === "console" ? "console" : "index";
  return {
    plugins: [
      preact(),
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
                  "assets/*.{js,css}",
                  "icons/lapora-*.png",
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
    define: {
      __LAPORA_RETENTION_DAYS__: String(
        parseRetentionDays(process.env.LAPORA_RETENTION_DAYS, "LAPORA_RETENTION_DAYS"),
      ),
    },
    build: {
      outDir: "dist",
      emptyOutDir: page === "index",
      target: "es2019",
      // Keep every asset a separate file: the CSP allows no inline script or style.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: { [page]: PAGES[page] },
        // Core's browser modules are pure: a re-exported module nothing uses (the validation schema,
        // which the form loads lazily) must not be pulled into the page's first chunk.
        treeshake: { moduleSideEffects: CORE_IS_PURE },
      },
    },
  };
});
