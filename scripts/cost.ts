/**
 * `npm run cost`: Lapora's monthly AWS and SMS cost at 1,000, 10,000 and 100,000 reports a month
 * (`-- --reports 2500` or `-- --reports 500,5000` for others; `-- --details` adds the prices and
 * assumptions), per service, from the prod stage's own settings. docs/cost.md explains it and holds the
 * same table (packages/testkit/src/cost.test.ts checks that).
 */
import { assumptionValues } from "./cost/assumptions";
import { readUnitsPerReport, total, writeUnitsPerReport } from "./cost/dynamo-units";
import { costLines, publicRequestsPerReport, smsLimits } from "./cost/model";
import { CHECKED_ON } from "./cost/prices";
import { readStackSettings } from "./cost/stack-settings";
import { assumptionsTable, costTable, markdown, parseArgs, pricesTable } from "./cost/table";

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const settings = await readStackSettings();
const a = assumptionValues();
const limits = smsLimits(settings, a);
const round = (n: number) => Math.floor(n).toLocaleString("en-US");

console.log(`Lapora, stage prod in ${settings.region}: USD a month in month ${a.monthsInService} of service, prices checked ${CHECKED_ON} (from memory: re-check them, docs/cost.md).

${costTable(costLines(settings, a), args.counts)}

SMS limits of the stage: ${settings.sms.dailyBudget} SMS a day (dailyBudget) carries about ${round(limits.byBudget)} reports a month at ${limits.perReport.toFixed(2)} SMS a report, then only darurat SMS go; the ${settings.sms.monthlySpendLimitUsd} USD spend limit about ${round(limits.bySpendLimit)}, then none. Raise both to the SMS rows above.`);

if (args.details) {
  const writes = writeUnitsPerReport(a, settings.table.indexes);
  const reads = readUnitsPerReport(a, publicRequestsPerReport(a));
  const units = [
    ...writes.map((u) => ["write", u.what, u.units.toFixed(2)]),
    ...reads.map((u) => ["read", u.what, u.units.toFixed(2)]),
  ];
  console.log(`
${pricesTable()}

${assumptionsTable()}

DynamoDB units per report (${total(writes).toFixed(1)} write, ${total(reads).toFixed(1)} read):

${markdown(["kind", "what", "units"], units, [false, false, true])}

Read from the synthesized stacks: ${JSON.stringify(settings, null, 2)}`);
}
