/**
 * Regenerates packages/core/src/contract/openapi.json, the OpenAPI 3.1 document the api serves at
 * `GET /api/openapi.json`, from the contract (core/contract/openapi.ts). It is written ahead rather than
 * made in the Lambda because zod's JSON Schema writer would otherwise ride in the api's cold start (about
 * 22 KB of its init chunk, through zod's shared index). packages/functions/src/api/openapi.test.ts fails
 * when this file no longer matches the contract.
 * Usage: npx tsx scripts/gen-openapi.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "@lapora/core/contract/openapi";

const out = fileURLToPath(new URL("../packages/core/src/contract/openapi.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(openApiDocument())}\n`);
console.log(`wrote ${out}`);
