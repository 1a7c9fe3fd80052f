/**
 * Docs that cannot drift: the README's tables (and the core and web READMEs' folder tables) against the
 * code they describe. Each check takes the markdown and returns what is wrong, so the last test can show
 * that every check fails on a README with a row removed or changed.
 *
 * Tables are read simply: lines starting with `|`, split on `|`, names taken from backticks.
 */
import { describe, expect, it } from "vitest";
import { CHECKS, CORE_README, README, WEB_README } from "./docs/checks";

const DOCS: Record<string, string> = { core: CORE_README, web: WEB_README };
const docOf = (check: string) => DOCS[check.split(" README")[0] ?? ""] ?? README;

describe("the READMEs against the code", () => {
  it.each(Object.keys(CHECKS))("%s", (check) => {
    expect(CHECKS[check]?.(docOf(check))).toEqual([]);
  });
});

/** The markdown with the line that starts with `start` removed (or replaced); the line must be there. */
function edit(md: string, start: string, replacement?: string): string {
  const lines = md.split("\n");
  const at = lines.findIndex((l) => l.startsWith(start));
  if (at < 0) throw new Error(`no line starts with ${start}`);
  lines.splice(at, 1, ...(replacement === undefined ? [] : [replacement]));
  return lines.join("\n");
}

const MUTATIONS: [string, (md: string) => string][] = [
  [
    "sections in the order of CONVENTIONS.md, and the two commands",
    (md) => edit(md, "npm install && npm start"),
  ],
  ["every stack sst.config.ts composes, with what it holds", (md) => edit(md, "| `Alerts`")],
  ["every Lambda, with its stack, entry and config schema", (md) => edit(md, "| `escalation`")],
  [
    "each Lambda's variables: exactly its schema's, and who sets each",
    (md) => edit(md, "| `SUMMARY_TOPIC_ARN`"),
  ],
  [
    "each Lambda's variables: exactly its schema's, and who sets each",
    (md) => edit(md, "| `AWS_REGION`", "| `AWS_REGION` | stack | ✓ | ✓ | ✓ | ✓ | ✓ | the region |"),
  ],
  ["the deploy-time variables and their defaults", (md) => edit(md, "| `LAPORA_CONSOLE_URL`")],
  [
    "the deploy-time variables and their defaults",
    (md) => edit(md, "| `LAPORA_ESCALATION_MINUTES`", "| `LAPORA_ESCALATION_MINUTES` | `10` | minutes |"),
  ],
  ["the local runtime's variables and their defaults", (md) => edit(md, "| `HOST`")],
  [
    "every route of the contract once, under its heading",
    (md) => edit(md, "| `GET /api/officer/reports/{id}/assignees`"),
  ],
  [
    "every route of the contract once, under its heading",
    (md) =>
      edit(
        md,
        "| `GET /api/stats/weeks`",
        "| `GET /api/stats/weeks` | weeks |\n| `GET /api/admin/officers` | roster |",
      ),
  ],
  ["the one error body, every status, and API Gateway's own answers", (md) => edit(md, "| `503`")],
  ["the one error body, every status, and API Gateway's own answers", (md) => md.replace("64 KB", "1 MB")],
  [
    "the one error body, every status, and API Gateway's own answers",
    (md) => md.replace("throttle's `429`", "throttle"),
  ],
  ["every npm script, with what it does", (md) => edit(md, "| `npm run seed:admin`")],
  [
    "every folder in the Folders table exists, and every package is there",
    (md) => edit(md, "| `packages/testkit`"),
  ],
  [
    "every folder in the Folders table exists, and every package is there",
    (md) => md.replace("`src/testing/`", "`src/tests/`"),
  ],
  ["every benchmark", (md) => edit(md, "| `stats`")],
  [
    "the demo officers npm start seeds, and their password",
    (md) => md.replace("Aipda Maya Sari", "Aipda Maya"),
  ],
  ["core README: every folder of packages/core/src, and each file it names", (md) => edit(md, "| `access/`")],
  [
    "core README: every folder of packages/core/src, and each file it names",
    (md) => md.replace("`gsm7.ts`", "`gsm.ts`"),
  ],
  ["core README: every entry of @lapora/core's exports", (md) => edit(md, "| `@lapora/core/sharp`")],
  ["web README: every folder of packages/web/src, and each file it names", (md) => edit(md, "| `src/i18n/`")],
];

describe("each check fails when its README drifts", () => {
  it.each(MUTATIONS.map(([check, mutate], i) => [`${i + 1}. ${check}`, check, mutate] as const))(
    "%s",
    (_, check, mutate) => {
      expect(CHECKS[check]?.(mutate(docOf(check))).length).toBeGreaterThan(0);
    },
  );
});
