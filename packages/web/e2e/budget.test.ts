/**
 * The public form's weight, read from the built site (`npm run build:web`, which `npm test` runs first):
 * what a resident on a weak rural link downloads before she can send a report. Issue 16's budget is 35 KB
 * of gzipped JS and CSS. Bytes, not time: the same build always weighs the same. `npm run bench -- web`
 * measures the same in Chromium, with the chunks the page loads by itself, beside the baseline.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const DIST = resolve(import.meta.dirname, "../dist");
const BUDGET_KB = 35;

const read = (path: string) => readFileSync(resolve(DIST, `.${path}`), "utf8");
const gzipKB = (text: string) => gzipSync(text, { level: 9 }).length / 1024;

/** The module and every module it imports statically, as the browser fetches them before the app runs. */
function staticGraph(entry: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(entry)) return seen;
  const code = read(entry);
  seen.set(entry, code);
  // Minified static imports: `import{a as b}from"./x.js"` or `import"./x.js"`; `import("./x.js")` is lazy.
  for (const m of code.matchAll(/\bimport\s*(?:[\w${},\s*]+?\s*from\s*)?"(\.\/[^"]+\.js)"/g)) {
    staticGraph(new URL(m[1] ?? "", `http://site${entry}`).pathname, seen);
  }
  return seen;
}

describe("the public form's first load", () => {
  const html = read("/index.html");
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1] ?? "");
  const styles = [...html.matchAll(/<link[^>]*\bhref="([^"]+\.css)"/g)].map((m) => m[1] ?? "");
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? "");
  const js = new Map<string, string>();
  for (const s of scripts) staticGraph(s, js);

  it("is at most 35 KB of gzipped JS and CSS, its validation included", () => {
    expect(scripts).toHaveLength(1);
    expect(inline.join("").length).toBeGreaterThan(0); // the page's stylesheet, inlined with its CSP hash
    const files = [...js.values(), ...styles.map(read), ...inline];
    const kb = files.reduce((sum, text) => sum + gzipKB(text), 0);
    expect(kb).toBeLessThanOrEqual(BUDGET_KB);
    // The rules the API runs are part of the page: a reason of each kind is there before any touch.
    const code = [...js.values()].join("");
    for (const reason of [
      "desa.not_in_kecamatan",
      "reporter.preferences.callHours.empty",
      "occurredAt.future",
    ]) {
      expect(code).toContain(reason);
    }
  });

  it("carries no schema library and no English it does not show", () => {
    const code = [...js.values()].join("");
    expect(code).not.toContain("_zod");
    expect(code).not.toContain("This desa is not in the chosen kecamatan."); // core's English messages
    expect(code).toContain("Desa ini tidak berada di kecamatan yang dipilih.");
  });
});
