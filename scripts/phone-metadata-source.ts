import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Indonesia's entry of the installed libphonenumber-js "min" metadata, as a metadata object of its own. */
export function indonesiaOnly() {
  const full = require("libphonenumber-js/metadata.min.json");
  return {
    version: full.version,
    country_calling_codes: { "62": ["ID"] },
    countries: { ID: full.countries.ID },
    nonGeographic: {},
  };
}
