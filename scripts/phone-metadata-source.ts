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

/**
 * What core's phone check reads of that entry (packages/core/src/phone/phone.ts): the calling code, the
 * international (IDD) prefix, the national number pattern and the national prefix. The entry's possible
 * lengths and formats are left out: the check never reads them.
 */
export function indonesiaRules() {
  const [callingCode, iddPrefix, nationalNumber, , , nationalPrefix] = indonesiaOnly().countries.ID;
  return { version: indonesiaOnly().version, callingCode, iddPrefix, nationalNumber, nationalPrefix };
}
