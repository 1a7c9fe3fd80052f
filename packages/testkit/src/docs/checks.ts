/** Each check takes a README's markdown and returns what in it does not match the code. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ErrorBody } from "@lapora/core/contract";
import { DEMO_OFFICERS } from "@lapora/core/demo-officers";
import { DEMO_PASSWORD } from "@lapora/local/seed";
import {
  composedStacks,
  deployDefault,
  deployVariables,
  documentedRoutes,
  envKeys,
  localVariables,
  ROUTE_HEADINGS,
  ROUTES,
  routeName,
  schemas,
  stackLambdas,
} from "./code-facts";
import {
  diff,
  dirsIn,
  flat,
  header,
  name,
  pathProblems,
  ROOT,
  read,
  rows,
  section,
  ticked,
} from "./markdown";

export const README = read("README.md");
export const CORE_README = read("packages/core/README.md");
export const WEB_README = read("packages/web/README.md");

// ---------- the checks

export const CHECKS: Record<string, (md: string) => string[]> = {
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
      // An optional variable (no default) is documented with words, not a value.
      const documented = ticked(row[1])[0] ?? "";
      if (value !== undefined && documented !== value)
        out.push(`${name(row)} defaults to ${value || "nothing"}`);
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
    // Every officer signs in with a TOTP code too: the demo officers' current codes are on /dev/totp.
    if (!flat(section(md, "Quick start")).includes("the code from <http://localhost:3000/dev/totp>"))
      out.push("the demo officers' codes are on /dev/totp");
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
