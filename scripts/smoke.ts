/**
 * `npm run smoke -- --url https://<id>.cloudfront.net`: checks a deployed stage after `npm run deploy`:
 * health, regions, the security headers of the site and of the API, and a test report (marked as a test:
 * it alerts no one and counts in no statistics) that is tracked and then deleted. One line per check, PASS
 * or FAIL; the exit code is 1 if any failed.
 *
 * Options: `--stage prod` (the default; the table `<stage>-lapora-table` and, from .sst/outputs.json, the
 * site's URL and the source-key secret's name), `--region ap-southeast-3`, `--secret-name`, `--table`.
 * Uses the AWS credentials of the shell, as `npm run deploy` does: reading the stage's secret and deleting
 * the test report need them. For the local runtime: `--dynamodb-endpoint` and the secret in
 * LAPORA_SMOKE_SECRET (packages/testkit/src/smoke.int.test.ts).
 */
import { parseArgs } from "node:util";
import { runSmoke } from "./smoke/checks";
import { resolveTarget } from "./smoke/target";

let values: ReturnType<typeof parse>["values"];
function parse() {
  return parseArgs({
    options: {
      url: { type: "string" },
      stage: { type: "string", default: "prod" },
      region: { type: "string", default: process.env.AWS_REGION ?? "ap-southeast-3" },
      table: { type: "string" },
      "secret-name": { type: "string" },
      "dynamodb-endpoint": { type: "string" },
    },
  });
}
try {
  values = parse().values;
} catch (err) {
  console.error(`${(err as Error).message}: see the header of scripts/smoke.ts.`);
  process.exit(2);
}

let target: Awaited<ReturnType<typeof resolveTarget>>;
try {
  target = await resolveTarget({
    url: values.url,
    stage: values.stage ?? "prod",
    region: values.region ?? "ap-southeast-3",
    table: values.table,
    secretName: values["secret-name"],
    dynamodbEndpoint: values["dynamodb-endpoint"],
    secret: process.env.LAPORA_SMOKE_SECRET,
  });
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const results = await runSmoke(target, (r) =>
  console.log(`${r.ok ? "PASS" : "FAIL"} ${r.name}: ${r.detail}`),
);
const failed = results.filter((r) => !r.ok).length;
console.log(`smoke: ${results.length - failed} passed, ${failed} failed against ${target.url}`);
process.exit(failed > 0 ? 1 : 0);
