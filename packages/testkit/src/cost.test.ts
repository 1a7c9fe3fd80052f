/**
 * The cost model (`npm run cost`, scripts/cost/) against docs/cost.md, and what a budget reader would
 * notice if it went wrong. The model synthesizes the prod stage in process (as the stack tests do), and
 * the doc's table is compared with what the command itself prints.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { type Assumptions, assumptionValues } from "../../../scripts/cost/assumptions";
import { type CostLine, cost, costLines } from "../../../scripts/cost/model";
import { PRICES } from "../../../scripts/cost/prices";
import { readStackSettings, type StackSettings } from "../../../scripts/cost/stack-settings";
import { assumptionsTable, costTable, DEFAULT_COUNTS, pricesTable } from "../../../scripts/cost/table";
import { ROOT, read } from "./docs/markdown";

const run = promisify(execFile);
/** `npm run cost` with the given arguments, with the deploy-time variables of this shell left out. */
const costCommand = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/cost.ts", ...args], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("LAPORA_"))),
  });
/** The lines of the first markdown table in `text`. */
const tableIn = (text: string) => {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("|"));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
};

const DOC = read("docs/cost.md");
let printed: Promise<{ stdout: string }>;
let settings: StackSettings;
let a: Assumptions;
let lines: CostLine[];

beforeAll(async () => {
  // The command runs in its own process while this one synthesizes the stacks.
  printed = costCommand();
  settings = await readStackSettings();
  a = assumptionValues();
  lines = costLines(settings, a);
}, 180_000);

const totalAt = (reports: number) => lines.reduce((sum, l) => sum + cost(l, reports), 0);

describe("docs/cost.md", () => {
  it("holds exactly the table `npm run cost` prints for 1,000, 10,000 and 100,000 reports", async () => {
    const table = tableIn((await printed).stdout);
    expect(table).toContain("| 1,000 reports | 10,000 reports | 100,000 reports |");
    expect(table).toBe(costTable(lines, DEFAULT_COUNTS));
    expect(DOC).toContain(`\n${table}\n`);
  }, 180_000);

  it("lists every price with the date it was checked, and every assumption, as the model has them", () => {
    expect(DOC).toContain(`\n${pricesTable()}\n`);
    expect(DOC).toContain(`\n${assumptionsTable()}\n`);
  });
});

describe("the cost model", () => {
  it("reads the prod stage's own settings", () => {
    expect(settings.region).toBe("ap-southeast-3");
    expect(settings.table.indexes).toBe(4);
    expect(settings.lambdas.evidenceUploaded.memoryMb).toBeGreaterThan(settings.lambdas.apiPublic.memoryMb);
    // Every minute: the escalation and follow-up jobs cost money with no report at all.
    expect(settings.lambdas.escalation.scheduledRunsPerMonth).toBeGreaterThan(43_000);
  });

  it("has fixed costs at 0 reports: WAF, secrets, Cognito, alarms, the every-minute jobs", () => {
    const fixed = (prefix: string) => lines.find((l) => l.service.startsWith(prefix))?.fixed ?? 0;
    expect(fixed("WAF")).toBeGreaterThanOrEqual(PRICES.wafWebAcl.usd + PRICES.wafRule.usd);
    expect(fixed("Secrets Manager")).toBeGreaterThan(0);
    expect(fixed("Cognito")).toBeGreaterThan(0);
    expect(fixed("CloudWatch")).toBeGreaterThan(0);
    expect(fixed("Lambda")).toBeGreaterThan(0);
    expect(totalAt(0)).toBeGreaterThan(10);
  });

  it("grows with reports, line by line", () => {
    const counts = [0, 1_000, 10_000, 100_000];
    for (const line of lines) {
      const costs = counts.map((n) => cost(line, n));
      expect(costs, line.service).toEqual([...costs].sort((x, y) => x - y));
    }
    const totals = counts.map(totalAt);
    for (let i = 1; i < totals.length; i++) expect(totals[i]).toBeGreaterThan(totals[i - 1] ?? 0);
  });

  it("has SMS as the largest variable cost, officers' alerts at the measured 0.24 SMS a report", () => {
    const alerts = lines.find((l) => l.service.startsWith("SMS: officers' alerts"));
    expect(alerts?.perReport).toBeCloseTo(0.24 * PRICES.sms.usd, 10);
    const aws = lines.filter((l) => !l.sms);
    for (const line of aws) expect(line.perReport, line.service).toBeLessThan(alerts?.perReport ?? 0);
    const smsPerReport = lines.filter((l) => l.sms).reduce((n, l) => n + l.perReport, 0);
    expect(smsPerReport).toBeGreaterThan(10 * aws.reduce((n, l) => n + l.perReport, 0));
  });

  it("refuses a bad --reports with one sentence and exit code 2", async () => {
    for (const bad of [["--reports", "ten"], ["--reports", "-5"], ["--reports"], ["--report", "100"]]) {
      const failed = await costCommand(...bad).then(
        () => undefined,
        (err: { code: number; stderr: string; stdout: string }) => err,
      );
      expect(failed?.code, bad.join(" ")).toBe(2);
      expect(failed?.stdout).toBe("");
      expect(failed?.stderr.trim()).toMatch(/^[^\n]+\.$/);
      expect(failed?.stderr).toContain("--report");
    }
  }, 60_000);
});
