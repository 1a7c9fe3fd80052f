/** Reading the READMEs' markdown simply: sections, tables (lines starting with `|`), backticked names, paths. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../../../..");
export const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

// ---------- markdown

/** The text under a `##` or `###` heading, up to the next heading of the same or a higher level. */
export function section(md: string, title: string): string {
  const lines = md.split("\n");
  const level = (line: string) => /^(#{1,6}) /.exec(line)?.[1]?.length ?? 0;
  const at = lines.findIndex((l) => level(l) > 0 && l.replace(/^#+ /, "") === title);
  if (at < 0) return "";
  const end = lines.findIndex((l, i) => i > at && level(l) > 0 && level(l) <= level(lines[at] ?? ""));
  return lines.slice(at + 1, end < 0 ? undefined : end).join("\n");
}

export const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** The rows of every table in `text` whose first header is `first`. */
export function rows(text: string, first: string): string[][] {
  const out: string[][] = [];
  let block: string[] = [];
  for (const line of [...text.split("\n"), ""]) {
    if (line.startsWith("|")) block.push(line);
    else {
      if (block.length > 1 && cells(block[0] ?? "")[0] === first) out.push(...block.slice(2).map(cells));
      block = [];
    }
  }
  return out;
}

export const header = (text: string, first: string) =>
  cells(text.split("\n").find((l) => l.startsWith("|") && cells(l)[0] === first) ?? "");
export const ticked = (cell = "") => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
export const flat = (text: string) => text.replace(/\s+/g, " ");
export const name = (row: string[]) => ticked(row[0])[0] ?? row[0] ?? "";

/** What is missing, extra or repeated in `documented`, against `actual`. */
export function diff(what: string, documented: readonly string[], actual: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of new Set(actual)) if (!documented.includes(a)) out.push(`${what}: ${a} is missing`);
  for (const d of new Set(documented)) {
    if (!actual.includes(d)) out.push(`${what}: ${d} is not in the code`);
    else if (documented.filter((x) => x === d).length > 1) out.push(`${what}: ${d} is listed twice`);
  }
  return out;
}

// ---------- files

export const isPathLike = (t: string) =>
  /^[\w.][\w.\-/*]*$/.test(t) && (t.includes("/") || /\.[a-z]+$/i.test(t)) && !/^\d/.test(t);

/** Whether `token` (a path, or a glob in its last part) exists under one of `bases`. */
export function exists(token: string, bases: readonly string[]): boolean {
  return bases.some((base) => {
    if (!token.includes("*")) return existsSync(join(ROOT, base, token));
    const dir = join(ROOT, base, dirname(token));
    const pattern = new RegExp(`^${basename(token).replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
    return existsSync(dir) && readdirSync(dir).some((f) => pattern.test(f));
  });
}

export const dirsIn = (path: string) =>
  readdirSync(join(ROOT, path), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "node_modules" && e.name !== "dist")
    .map((e) => e.name);

/** Every row's path exists under `base`, and every path its description names beside it (or at the root). */
export function pathProblems(table: string[][], base: string): string[] {
  const out: string[] = [];
  for (const row of table) {
    const path = name(row);
    if (!exists(path, [base])) out.push(`${join(base, path)} does not exist`);
    for (const t of ticked(row[1]).filter(isPathLike)) {
      if (!exists(t, [join(base, path), base, "."])) out.push(`${path}: ${t} does not exist`);
    }
  }
  return out;
}
