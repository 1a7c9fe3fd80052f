/**
 * Regenerates packages/core/src/phone/metadata-id.json: of libphonenumber-js's metadata, only what core's
 * phone check reads of Indonesia's entry (phone-metadata-source.ts). The full "min" set covers every
 * country, about 80 KB of every bundle that validates a phone; Lapora only accepts +62 numbers.
 * packages/core/src/phone/phone.test.ts checks it still matches the installed package.
 * Usage: npx tsx scripts/gen-phone-metadata.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { indonesiaRules } from "./phone-metadata-source";

const out = fileURLToPath(new URL("../packages/core/src/phone/metadata-id.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(indonesiaRules())}\n`);
console.log(`wrote ${out}`);
