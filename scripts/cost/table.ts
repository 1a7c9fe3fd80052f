/** The cost model's markdown: the cost table, and (with `--details`) the prices and assumptions behind it. */
import { ASSUMPTIONS } from "./assumptions";
import { type CostLine, cost } from "./model";
import { CHECKED_ON, PRICES } from "./prices";

/** The report counts of docs/cost.md, and of `npm run cost` without `--reports`. */
export const DEFAULT_COUNTS = [1_000, 10_000, 100_000];

const usd = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = (n: number) => n.toLocaleString("en-US");

/** A markdown table padded to its widest cells; `right` marks the columns aligned right. */
export function markdown(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The monthly cost per service, one column per report count, with the total, per 1,000 reports and SMS share. */
export function costTable(lines: readonly CostLine[], counts: readonly number[]): string {
  const totals = counts.map((n) => lines.reduce((sum, l) => sum + cost(l, n), 0));
  const smsTotals = counts.map((n) => lines.filter((l) => l.sms).reduce((sum, l) => sum + cost(l, n), 0));
  const rows = [
    ...lines.map((l) => [l.service, ...counts.map((n) => usd(cost(l, n)))]),
    ["**total, USD a month**", ...totals.map((t) => `**${usd(t)}**`)],
    ["USD per 1,000 reports", ...counts.map((n, i) => (n > 0 ? usd(((totals[i] ?? 0) / n) * 1000) : "-"))],
    [
      "SMS share of the total",
      ...counts.map((_, i) => `${(((smsTotals[i] ?? 0) / (totals[i] || 1)) * 100).toFixed(1)}%`),
    ],
  ];
  const header = ["USD a month", ...counts.map((n) => `${count(n)} reports`)];
  return markdown(header, rows, [false, ...counts.map(() => true)]);
}

/** The prices, with where each is from and the date they were checked. */
export function pricesTable(): string {
  const rows = Object.entries(PRICES).map(([key, p]) => [
    `\`${key}\``,
    String(p.usd),
    p.per,
    p.where,
    p.source,
  ]);
  return `Prices checked ${CHECKED_ON}:\n\n${markdown(["price", "USD", "per", "where", "source"], rows, [false, true, false, false, false])}`;
}

/** The usage assumptions, with where each comes from. */
export function assumptionsTable(): string {
  const rows = Object.entries(ASSUMPTIONS).map(([key, a]) => [`\`${key}\``, String(a.value), a.why]);
  return markdown(["assumption", "value", "why"], rows, [false, true, false]);
}

const USAGE =
  "--reports takes up to six whole numbers of reports a month, separated by commas, such as --reports 1000,10000";

/** The report counts asked for: `--reports N` or `--reports N,N,...` (or `=`); throws one sentence on a bad value. */
export function parseArgs(argv: readonly string[]): { counts: number[]; details: boolean } {
  let counts = DEFAULT_COUNTS;
  let details = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--details") {
      details = true;
      continue;
    }
    const m = /^--reports(?:=(.*))?$/.exec(arg);
    if (!m)
      throw new Error(
        `Unknown argument "${arg}": use --reports N[,N...] and, for the prices and assumptions, --details.`,
      );
    const value = m[1] ?? argv[++i];
    const parts = (value ?? "").split(",");
    if (!value || parts.length > 6 || !parts.every((p) => /^\d{1,8}$/.test(p)))
      throw new Error(`${USAGE}; ${value === undefined ? "none was given" : `"${value}" is not that`}.`);
    counts = parts.map(Number);
  }
  return { counts, details };
}
