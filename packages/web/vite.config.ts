import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);
const PHONE_METADATA = "virtual:phone-metadata-id";

/**
 * libphonenumber-js's "min" metadata covers every country: 19 KB gzipped, a third of the page budget.
 * The form only accepts Indonesian numbers, so the browser gets Indonesia's entry alone, taken at build
 * time from the installed package (the reduced-metadata approach libphonenumber-js documents). Indonesian
 * numbers are judged exactly as on the server; a foreign number is refused here as "invalid" where the
 * server would say "not Indonesian".
 */
function indonesianPhoneMetadata(): Plugin {
  return {
    name: "lapora:phone-metadata-id",
    resolveId: (id) => (id === PHONE_METADATA ? `\0${PHONE_METADATA}` : undefined),
    load(id) {
      if (id !== `\0${PHONE_METADATA}`) return undefined;
      const full = require("libphonenumber-js/metadata.min.json");
      const metadata = {
        version: full.version,
        country_calling_codes: { "62": ["ID"] },
        countries: { ID: full.countries.ID },
        nonGeographic: {},
      };
      return `export default ${JSON.stringify(metadata)};`;
    },
  };
}

export default defineConfig({
  plugins: [preact(), indonesianPhoneMetadata()],
  resolve: {
    alias: [
      {
        find: /^libphonenumber-js\/min$/,
        replacement: fileURLToPath(new URL("./src/lib/phone-id.ts", import.meta.url)),
      },
    ],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2019",
    // Keep every asset a separate file: the CSP allows no inline script or style.
    assetsInlineLimit: 0,
    // The officers' console (/konsol) is its own page, so none of its code or CSS weighs on the form.
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL("./index.html", import.meta.url)),
        console: fileURLToPath(new URL("./console.html", import.meta.url)),
      },
    },
  },
});
