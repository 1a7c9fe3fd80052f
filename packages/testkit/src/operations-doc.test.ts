/**
 * docs/operations.md against what it documents: every alarm the stacks create has its runbook section under
 * the anchor its description links to (stacks/alarms.ts), every link inside the document lands, and every
 * `npm run ops` command exists and is in the tools' table. Each check returns what is wrong, so the last
 * test can show that they fail on a document with a section or a row removed.
 */
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../scripts/ops/args";
import { ALARMS, kebab } from "../../../stacks/alarms";
import { read, section } from "./docs/markdown";

const DOC = read("docs/operations.md");

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

function anchors(md: string): Set<string> {
  const out = new Set<string>();
  for (const line of md.split("\n")) {
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (heading?.[1]) out.add(slug(heading[1]));
    for (const m of line.matchAll(/<a id="([^"]+)"><\/a>/g)) if (m[1]) out.add(m[1]);
  }
  return out;
}

/** The names issue 17's brief gave the runbooks before the alarms had theirs: kept as anchors too. */
const BRIEF_ANCHORS = [
  "lambda-errors",
  "dynamodb-throttles",
  "dynamodb-system-errors",
  "escalation-not-running",
  "weekly-stats-failed",
  "contact-retention-failed",
  "report-events-failure-queue",
  "evidence-failure-queue",
  "alerts-delayed",
  "sms-budget-crossed",
];

const CHECKS: Record<string, (md: string) => string[]> = {
  "every alarm has a runbook section under its anchor": (md) => {
    const have = anchors(md);
    return [...Object.keys(ALARMS).map(kebab), ...BRIEF_ANCHORS]
      .filter((a) => !have.has(a))
      .map((a) => `no section #${a}`);
  },
  "every alarm's section says what it means and what to do": (md) => {
    const lines = md.split("\n");
    return Object.keys(ALARMS)
      .map(kebab)
      .filter((anchor) => {
        // From the anchor (a heading, or an <a id> just below one) to the next heading.
        const at = lines.findIndex(
          (l) =>
            (/^#{1,6} /.test(l) && slug(l.replace(/^#+ /, "")) === anchor) || l.includes(`id="${anchor}"`),
        );
        if (at < 0) return false;
        const rest = lines.slice(at + 1);
        const end = rest.findIndex((l) => /^#{1,6} /.test(l));
        const text = rest.slice(0, end < 0 ? undefined : end).join("\n");
        return !text.includes("**Means.**") || !/\*\*Do\b/.test(text);
      })
      .map((a) => `#${a} lacks **Means.** or **Do.**`);
  },
  "every link inside the document lands": (md) => {
    const have = anchors(md);
    return [...md.matchAll(/\]\(#([^)]+)\)/g)]
      .map((m) => m[1] ?? "")
      .filter((a) => !have.has(a))
      .map((a) => `link to #${a} lands nowhere`);
  },
  "every npm run ops command exists, and each is in the tools' table": (md) => {
    const used = [...md.matchAll(/npm run ops -- ([a-z-]+)/g)].map((m) => m[1] ?? "");
    const table = section(md, "The tools: `npm run ops`");
    return [
      ...used.filter((c) => !COMMANDS.includes(c as never)).map((c) => `no command ${c}`),
      ...COMMANDS.filter((c) => !table.includes(`npm run ops -- ${c}`)).map(
        (c) => `${c} is not in the table`,
      ),
    ];
  },
};

describe("docs/operations.md", () => {
  it.each(Object.keys(CHECKS))("%s", (check) => {
    expect(CHECKS[check]?.(DOC)).toEqual([]);
  });

  it("each check fails on a document with a section, a row or a command wrong", () => {
    const without = (start: string) => {
      const lines = DOC.split("\n");
      const at = lines.findIndex((l) => l.startsWith(start));
      if (at < 0) throw new Error(`no line starts with ${start}`);
      lines.splice(at, 1);
      return lines.join("\n");
    };
    expect(
      CHECKS["every alarm has a runbook section under its anchor"]?.(without("### sms-budget-crossed")),
    ).toContain("no section #sms-budget-crossed");
    expect(
      CHECKS["every alarm's section says what it means and what to do"]?.(
        DOC.replace("**Means.** Today's (WIB) SMS budget", "Today's (WIB) SMS budget"),
      ),
    ).toEqual(["#sms-budget-crossed lacks **Means.** or **Do.**"]);
    expect(CHECKS["every link inside the document lands"]?.(`${DOC}\n[x](#nowhere)\n`)).toEqual([
      "link to #nowhere lands nowhere",
    ]);
    expect(
      CHECKS["every npm run ops command exists, and each is in the tools' table"]?.(
        `${without("| `npm run ops -- copy-table")}\nnpm run ops -- replay-everything\n`,
      ),
    ).toEqual(["no command replay-everything", "copy-table is not in the table"]);
  });
});
