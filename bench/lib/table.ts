/** Plain-text tables for the console (and for pasting into an issue note). */

export type Cell = string | number | boolean | null | undefined;

function show(cell: Cell, decimals?: number): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return String(cell);
    if (decimals !== undefined) {
      return cell.toLocaleString("en-US", {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      });
    }
    return cell.toLocaleString("en-US", { maximumFractionDigits: 3 });
  }
  return String(cell);
}

/**
 * A Markdown-compatible table: the first column left-aligned, the others right-aligned. `decimals`
 * fixes the decimals of a column's numbers (by index); otherwise up to 3 are shown.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  decimals: readonly (number | undefined)[] = [],
): string {
  const text = [header.map(String), ...rows.map((r) => r.map((c, i) => show(c, decimals[i])))];
  const widths = header.map((_, i) => Math.max(3, ...text.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  const [head, ...body] = text;
  return [line(head ?? []), rule, ...body.map(line)].join("\n");
}

/** Nested plain objects as dotted keys with their scalar values; arrays and objects in arrays are skipped. */
export function flatten(value: Record<string, unknown>, prefix = ""): [string, Cell][] {
  const out: [string, Cell][] = [];
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      out.push(...flatten(v as Record<string, unknown>, name));
    } else if (v === null || ["string", "number", "boolean", "undefined"].includes(typeof v)) {
      out.push([name, v as Cell]);
    }
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A bench result as tables, leaving out a top-level `details` key: each object of objects becomes one
 * table (a row per inner key, a column per dotted leaf), and all other scalars one metric/value table.
 */
export function summaryTables(results: Record<string, unknown>): string[] {
  const tables: string[] = [];
  const scalars: [string, Cell][] = [];
  for (const [key, value] of Object.entries(results)) {
    if (key === "details") continue;
    const inner = isPlainObject(value) ? Object.values(value) : [];
    if (isPlainObject(value) && inner.length > 0 && inner.every(isPlainObject)) {
      const rows = Object.entries(value).map(
        ([k, v]) => [k, new Map(flatten(v as Record<string, unknown>))] as const,
      );
      const columns = [...new Set(rows.flatMap(([, m]) => [...m.keys()]))];
      tables.push(
        formatTable(
          [key, ...columns],
          rows.map(([k, m]) => [k, ...columns.map((c) => m.get(c))]),
        ),
      );
    } else if (isPlainObject(value)) {
      scalars.push(...flatten(value, key));
    } else if (!Array.isArray(value)) {
      scalars.push([key, value as Cell]);
    }
  }
  if (scalars.length > 0) tables.push(formatTable(["metric", "value"], scalars));
  return tables;
}
