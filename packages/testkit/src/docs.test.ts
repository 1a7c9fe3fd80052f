/**
 * Docs that cannot drift: the README's tables (and the core and web READMEs' folder tables) against the
 * code they describe. Each check takes the markdown and returns what is wrong, so the last test can show
 * that every check fails on a README with a row removed or changed.
 *
 * Tables are read simply: lines starting with `|`, split on `|`, names taken from backticks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ErrorBody, type RouteSpec, routes } from "@lapora/core/contract";
import { DEMO_OFFICERS } from "@lapora/core/demo-officers";
import * as Config from "@lapora/functions/config";
import { DEMO_PASSWORD } from "@lapora/local/seed";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { smsSettings } from "../../../stacks/sms-settings";

const ROOT = resolve(import.meta.dirname, "../../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const README = read("README.md");
const CORE_README = read("packages/core/README.md");
const WEB_README = read("packages/web/README.md");

// ---------- markdown

/** The text under a `##` or `###` heading, up to the next heading of the same or a higher level. */
function section(md: string, title: string): string {
  const lines = md.split("\n");
  const level = (line: string) => /^(#{1,6}) /.exec(line)?.[1]?.length ?? 0;
  const at = lines.findIndex((l) => level(l) > 0 && l.replace(/^#+ /, "") === title);
  if (at < 0) return "";
  const end = lines.findIndex((l, i) => i > at && level(l) > 0 && level(l) <= level(lines[at] ?? ""));
  return lines.slice(at + 1, end < 0 ? undefined : end).join("\n");
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** The rows of every table in `text` whose first header is `first`. */
function rows(text: string, first: string): string[][] {
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

const header = (text: string, first: string) =>
  cells(text.split("\n").find((l) => l.startsWith("|") && cells(l)[0] === first) ?? "");
const ticked = (cell = "") => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
const flat = (text: string) => text.replace(/\s+/g, " ");
const name = (row: string[]) => ticked(row[0])[0] ?? row[0] ?? "";

/** What is missing, extra or repeated in `documented`, against `actual`. */
function diff(what: string, documented: readonly string[], actual: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of new Set(actual)) if (!documented.includes(a)) out.push(`${what}: ${a} is missing`);
  for (const d of new Set(documented)) {
    if (!actual.includes(d)) out.push(`${what}: ${d} is not in the code`);
    else if (documented.filter((x) => x === d).length > 1) out.push(`${what}: ${d} is listed twice`);
  }
  return out;
}

// ---------- files

const isPathLike = (t: string) =>
  /^[\w.][\w.\-/*]*$/.test(t) && (t.includes("/") || /\.[a-z]+$/i.test(t)) && !/^\d/.test(t);

/** Whether `token` (a path, or a glob in its last part) exists under one of `bases`. */
function exists(token: string, bases: readonly string[]): boolean {
  return bases.some((base) => {
    if (!token.includes("*")) return existsSync(join(ROOT, base, token));
    const dir = join(ROOT, base, dirname(token));
    const pattern = new RegExp(`^${basename(token).replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
    return existsSync(dir) && readdirSync(dir).some((f) => pattern.test(f));
  });
}

const dirsIn = (path: string) =>
  readdirSync(join(ROOT, path), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "node_modules" && e.name !== "dist")
    .map((e) => e.name);

/** Every row's path exists under `base`, and every path its description names beside it (or at the root). */
function pathProblems(table: string[][], base: string): string[] {
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

// ---------- code

const parse = (path: string) => ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}
const propName = (p: ts.ObjectLiteralElementLike) => (p.name && ts.isIdentifier(p.name) ? p.name.text : "");

/** The stacks `sst.config.ts` composes, in `app.stack(...)` order, each checked to be its file's export. */
function composedStacks(): string[] {
  const found: { name: string; at: number }[] = [];
  const imports = new Map<string, string>();
  walk(parse("sst.config.ts"), (n) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const bindings = n.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const e of bindings.elements) imports.set(e.name.text, n.moduleSpecifier.text);
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const arg = n.arguments[0];
      if (n.expression.name.text === "stack" && arg && ts.isIdentifier(arg))
        found.push({ name: arg.text, at: arg.getStart() });
    }
  });
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ name }) => {
      const file = `${imports.get(name) ?? ""}.ts`;
      if (!read(file).includes(`export function ${name}(`))
        throw new Error(`${file} does not export ${name}`);
      return name;
    });
}

interface StackLambda {
  name: string;
  stack: string;
  entry: string;
  schema: string;
  /** The variables the stack's `environment` sets. */
  sets: string[];
}

/** Every function the stacks define with an `environment` typed `satisfies <Schema>ironment`. */
function stackLambdas(): StackLambda[] {
  const out: StackLambda[] = [];
  for (const file of readdirSync(join(ROOT, "stacks")).filter((f) => /^[A-Z]\w*\.ts$/.test(f))) {
    walk(parse(`stacks/${file}`), (n) => {
      if (!ts.isObjectLiteralExpression(n)) return;
      const prop = (key: string) =>
        n.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propName(p) === key,
        );
      const handler = prop("handler")?.initializer;
      const env = prop("environment")?.initializer;
      if (!handler || !ts.isStringLiteral(handler) || !env || !ts.isSatisfiesExpression(env)) return;
      if (!ts.isObjectLiteralExpression(env.expression)) return;
      const entry = handler.text.replace(/\.\w+$/, ".ts");
      const base = basename(entry, ".ts");
      out.push({
        name: base === "handler" ? basename(dirname(entry)) : base,
        stack: basename(file, ".ts"),
        entry,
        schema: env.type.getText().replace(/ironment$/, ""),
        sets: env.expression.properties.map(propName),
      });
    });
  }
  return out;
}

const schemas = Config as unknown as Record<string, { shape?: Record<string, unknown> }>;
const envKeys = (schema: string) => Object.keys(schemas[schema]?.shape ?? {});

/** The local runtime's variables and their defaults, from the schema in packages/local/src/config.ts. */
function localVariables(): Map<string, string> {
  const out = new Map<string, string>();
  walk(parse("packages/local/src/config.ts"), (n) => {
    if (!ts.isCallExpression(n) || n.expression.getText() !== "z.object") return;
    const shape = n.arguments[0];
    if (!shape || !ts.isObjectLiteralExpression(shape)) return;
    for (const p of shape.properties) {
      const init = ts.isPropertyAssignment(p) ? p.initializer : undefined;
      const fallback =
        init && ts.isCallExpression(init) && init.expression.getText() === "z._default"
          ? init.arguments[1]
          : undefined;
      out.set(
        propName(p),
        fallback && ts.isStringLiteral(fallback) ? fallback.text : (fallback?.getText() ?? ""),
      );
    }
  });
  return out;
}

/** The variables a deploy reads from the shell: what smsSettings reads, and any `process.env.X` in stacks. */
function deployVariables(): string[] {
  const seen = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get: (_, key) => {
      if (typeof key === "string") seen.add(key);
      return undefined;
    },
  });
  smsSettings("prod", env);
  for (const file of ["sst.config.ts", ...readdirSync(join(ROOT, "stacks")).map((f) => `stacks/${f}`)]) {
    if (!/\.test\.ts$|test-app\.ts$/.test(file))
      for (const m of read(file).matchAll(/process\.env\.(\w+)/g)) seen.add(m[1] ?? "");
  }
  return [...seen];
}

/** A deploy-time variable's default in a stage: the setting that changes when the variable is set. */
function deployDefault(variable: string, stage: string): string | undefined {
  const base = smsSettings(stage, {}) as unknown as Record<string, string | undefined>;
  for (const probe of ["7", "A7", "https://x.example"]) {
    try {
      const set = smsSettings(stage, { [variable]: probe }) as unknown as Record<string, string | undefined>;
      const field = Object.keys(set).find((k) => set[k] !== base[k]);
      if (field) return base[field];
    } catch {
      // The probe is not a valid value for this variable: try the next.
    }
  }
  return undefined;
}

const routeName = (spec: RouteSpec) => `${spec.method.toUpperCase()} ${spec.path}`;
const ROUTES = Object.values(routes as Record<string, RouteSpec>);
const ROUTE_HEADINGS: Record<RouteSpec["tag"], string> = {
  meta: "Public",
  public: "Public",
  auth: "Sign-in",
  officer: "Officers",
  admin: "Admin",
};
const documentedRoutes = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map((l) => ticked(cells(l)[0])[0] ?? "")
    .filter((t) => /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(t));

// ---------- the checks

const CHECKS: Record<string, (md: string) => string[]> = {
  "sections in the order of CONVENTIONS.md, and the two commands": (md) => {
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    const order = ["Quick start", "Folders", "Deploying to AWS", "Configuration", "Testing and benchmarking"];
    const at = order.map((t) => headings.indexOf(`## ${t}`));
    const out = at.some((i, k) => i < 0 || (k > 0 && i < (at[k - 1] ?? 0))) ? [`sections: ${headings}`] : [];
    const quick = section(md, "Quick start");
    for (const cmd of ["npm install && npm start", "npm test"])
      if (!quick.includes(`\`\`\`sh\n${cmd}\n\`\`\``)) out.push(`quick start lacks \`${cmd}\``);
    return out;
  },

  "every stack sst.config.ts composes, with what it holds": (md) => {
    const table = rows(section(md, "Deploying to AWS"), "stack");
    const empty = table.filter((r) => !r[1]).map((r) => `stack ${name(r)} says nothing`);
    return [...diff("stacks", table.map(name), composedStacks()), ...empty];
  },

  "every Lambda, with its stack, entry and config schema": (md) => {
    const table = rows(section(md, "Lambdas"), "Lambda").map((r) => r.map((c) => ticked(c)[0]).join(" "));
    const actual = stackLambdas().map((l) => [l.name, l.stack, l.entry, l.schema].join(" "));
    const unused = Object.keys(schemas)
      .filter((k) => schemas[k]?.shape && !stackLambdas().some((l) => l.schema === k))
      .map((k) => `config schema ${k} is read by no Lambda a stack defines`);
    return [...diff("Lambdas", table, actual), ...unused];
  },

  "each Lambda's variables: exactly its schema's, and who sets each": (md) => {
    const text = section(md, "Lambdas");
    const columns = header(text, "variable").map((c) => ticked(c)[0]);
    const table = rows(text, "variable").filter((r) => r.length === columns.length);
    const out: string[] = [];
    const lambdas = stackLambdas();
    for (const lambda of lambdas) {
      const col = columns.indexOf(lambda.name);
      if (col < 0) out.push(`no column for ${lambda.name}`);
      const documented = table.filter((r) => col >= 0 && r[col]).map(name);
      out.push(...diff(`${lambda.name} variables`, documented, envKeys(lambda.schema)));
    }
    for (const row of table) {
      const readers = lambdas.filter((l) => envKeys(l.schema).includes(name(row)));
      const expected = readers.every((l) => l.sets.includes(name(row)))
        ? "stack"
        : ({ AWS_REGION: "Lambda", DYNAMODB_ENDPOINT: "local only" }[name(row)] ?? "nobody");
      if (row[1] !== expected) out.push(`${name(row)} is set by ${expected}, not "${row[1]}"`);
    }
    return out;
  },

  "the deploy-time variables and their defaults": (md) => {
    const table = rows(section(md, "At deploy time"), "variable");
    const out = diff("deploy-time variables", table.map(name), deployVariables());
    for (const row of table) {
      for (const stage of ["prod", "uji"]) {
        const value = deployDefault(name(row), stage);
        if (value !== undefined && !ticked(row[1]).includes(value))
          out.push(`${name(row)} defaults to ${value} in ${stage}, not "${row[1]}"`);
      }
    }
    return out;
  },

  "the local runtime's variables and their defaults": (md) => {
    const table = rows(section(md, "Local runtime"), "variable");
    const actual = localVariables();
    const out = diff("local variables", table.map(name), [...actual.keys()]);
    for (const row of table) {
      const value = actual.get(name(row));
      if (value !== undefined && ticked(row[1])[0] !== value) out.push(`${name(row)} defaults to ${value}`);
    }
    return out;
  },

  "every route of the contract once, under its heading": (md) => {
    const out = diff("routes", documentedRoutes(section(md, "The API")), ROUTES.map(routeName));
    for (const heading of new Set(Object.values(ROUTE_HEADINGS))) {
      const expected = ROUTES.filter((r) => ROUTE_HEADINGS[r.tag] === heading).map(routeName);
      out.push(...diff(`routes under "${heading}"`, documentedRoutes(section(md, heading)), expected));
    }
    if (!flat(section(md, "The API")).includes("`GET /api/openapi.json` serves the OpenAPI 3.1 document"))
      out.push("the API section does not say what /api/openapi.json serves");
    return out;
  },

  "the one error body, every status, and API Gateway's own answers": (md) => {
    const text = section(md, "Errors");
    const quote = (keys: string[]) => keys.map((k) => `"${k}"`).join(", ");
    const detail = ErrorBody.shape.details as unknown as { _zod: { def: { element: { shape: object } } } };
    const shape = Object.keys(ErrorBody.shape)
      .map((k) =>
        k === "details" ? `"details": [{ ${quote(Object.keys(detail._zod.def.element.shape))} }]` : `"${k}"`,
      )
      .join(", ");
    const out = flat(text).includes(`Every error the app answers has one shape, \`{ ${shape} }\``)
      ? []
      : [`the error shape is not { ${shape} }`];
    const statuses = [...new Set([...ROUTES.flatMap((r) => r.errors), 404, 500])].map(String);
    const table = rows(text, "status");
    out.push(...diff("error statuses", table.map(name), statuses));
    const tooLarge = table.find((r) => name(r) === "413")?.[1] ?? "";
    for (const r of ROUTES.filter((r) => r.maxBodyBytes))
      if (!tooLarge.includes(`${(r.maxBodyBytes ?? 0) / 1024} KB`))
        out.push(`${routeName(r)}: 413 above its limit`);
    const gateway = text
      .split("\n\n")
      .map(flat)
      .find((p) => p.includes("API Gateway itself"));
    for (const must of ["`401`", "`429`", '`{ "message": "..." }`', "/api/officer/*", "/api/admin/*"])
      if (!gateway?.includes(must)) out.push(`the API Gateway paragraph does not mention ${must}`);
    return out;
  },

  "every npm script, with what it does": (md) => {
    const table = rows(section(md, "Quick start"), "script");
    const scripts = Object.keys(JSON.parse(read("package.json")).scripts as Record<string, string>);
    const empty = table.filter((r) => !r[1]).map((r) => `${name(r)} says nothing`);
    return [
      ...diff(
        "npm scripts",
        table.map((r) => name(r).replace(/^npm (run )?/, "")),
        scripts,
      ),
      ...empty,
    ];
  },

  "every folder in the Folders table exists, and every package is there": (md) => {
    const table = rows(section(md, "Folders"), "path");
    const packages = dirsIn("packages").map((p) => `packages/${p}`);
    const missing = packages.filter((p) => !table.some((r) => name(r) === p)).map((p) => `${p} is missing`);
    return [...pathProblems(table, "."), ...missing];
  },

  "every benchmark": (md) => {
    const table = rows(section(md, "Testing and benchmarking"), "bench");
    const benches = readdirSync(join(ROOT, "bench"))
      .filter((f) => f.endsWith(".bench.ts"))
      .map((f) => f.replace(/\.bench\.ts$/, ""));
    return diff("benches", table.map(name), benches);
  },

  "the demo officers npm start seeds, and their password": (md) => {
    const table = rows(section(md, "Quick start"), "NRP").map((r) => `${r[0]} ${r[1]} ${ticked(r[2])[0]}`);
    const out = diff(
      "demo officers",
      table,
      DEMO_OFFICERS.map((o) => `${o.nrp} ${o.name} ${o.role}`),
    );
    if (!md.includes(`password \`${DEMO_PASSWORD}\``)) out.push(`the password is ${DEMO_PASSWORD}`);
    return out;
  },

  "core README: every folder of packages/core/src, and each file it names": (md) => {
    const table = rows(md, "folder");
    const base = "packages/core/src";
    const missing = dirsIn(base)
      .filter((d) => !table.some((r) => name(r).startsWith(`${d}/`)))
      .map((d) => `core folder ${d}/ is missing`);
    return [...pathProblems(table, base), ...missing];
  },

  "core README: every entry of @lapora/core's exports": (md) => {
    const exports = Object.keys(JSON.parse(read("packages/core/package.json")).exports as object);
    return diff(
      "core entries",
      rows(md, "import").map(name),
      exports.map((e) => `@lapora/core${e.slice(1)}`),
    );
  },

  "web README: every folder of packages/web/src, and each file it names": (md) => {
    const table = rows(section(md, "Folders"), "path");
    const missing = dirsIn("packages/web/src")
      .filter((d) => !table.some((r) => name(r) === `src/${d}/`))
      .map((d) => `web folder src/${d}/ is missing`);
    return [...pathProblems(table, "packages/web"), ...missing];
  },
};

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
