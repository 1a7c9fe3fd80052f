/**
 * The import directions of docs/architecture.md ("Boundaries"), checked over every source file:
 *
 *   web -> core (browser entry and contract types only; its build config, vite.config.ts, core/infra)
 *   stacks -> core's pure entries, functions/config
 *   local -> functions, core          functions -> core          core -> nothing of ours
 *   testkit -> local, functions, core; tests of any package may use testkit
 *
 * and inside core, the pure domain never imports an adapter, an SDK, ElectroDB or sharp, so that the
 * browser and the stacks can import it. A forbidden import fails here with the file and the import.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "dist") out.push(...sources(path));
    } else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

interface Import {
  file: string;
  spec: string;
  /** `import type …`: erased when compiled, so it loads nothing. */
  typeOnly: boolean;
  /** Where a relative import lands, from the repository root. */
  target?: string;
}

function importsOf(file: string, text: string): Import[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName: spec }) => ({
    file,
    spec,
    typeOnly: new RegExp(
      `import\\s+type\\s[^;]*?from\\s+"${spec.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`,
    ).test(text),
    ...(spec.startsWith(".") ? { target: relative(ROOT, resolve(ROOT, dirname(file), spec)) } : {}),
  }));
}

const isTest = (file: string) => /\.(int\.)?test\.tsx?$/.test(file) || file.includes("/e2e/");
const ours = (spec: string) => /^@lapora\/(core|functions|local|web|testkit)(\/|$)/.exec(spec)?.[1];
const SDKS = /^(@aws-sdk\/|electrodb$|sharp$|@aws-lambda-powertools\/)/;

/** The package (or top-level folder) a path belongs to. */
function homeOf(path: string): string {
  const m = /^packages\/([^/]+)\//.exec(path);
  return m?.[1] ?? path.split("/")[0] ?? "";
}

/**
 * Inside core: files that may talk to AWS, ElectroDB or sharp (and core's own test support). Everything
 * else is the pure domain.
 */
const CORE_IMPURE =
  /^packages\/core\/src\/(adapters\/|testing\/dynamo-local|db\/(entities\/|service\.ts|memo\.ts)|dynamo\.ts)/;

/** What each home may import of ours, in code that is not a test. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  functions: ["core"],
  local: ["core", "functions"],
  testkit: ["core", "functions", "local"],
  web: ["core"],
  stacks: ["core", "functions"],
  bench: ["core", "functions", "local", "testkit"],
  scripts: ["core", "functions", "local"],
};

/** The only entries of core the browser may use. */
const WEB_CORE = new Set(["@lapora/core/browser", "@lapora/core/contract"]);
/** What the stacks may use: core's pure entries and the functions' config schemas (their env types). */
const STACK_ENTRIES = new Set(["@lapora/core/infra", "@lapora/functions/config"]);

/** Every rule a file's imports break, as "file: import (why)". */
function check(file: string, text: string): string[] {
  const out: string[] = [];
  {
    const home = homeOf(file);
    const test = isTest(file);
    for (const imp of importsOf(file, text)) {
      const pkg = ours(imp.spec);
      const why = (reason: string) => out.push(`${file}: "${imp.spec}" (${reason})`);
      if (pkg && pkg !== home) {
        // Tests may use the test kit, except core's: core's tests need nothing but core and the emulators.
        const allowed =
          test && home !== "core" ? [...(ALLOWED[home] ?? []), "testkit"] : (ALLOWED[home] ?? []);
        if (!allowed.includes(pkg)) why(`${home} may not import ${pkg}`);
      }
      if (imp.target && homeOf(imp.target) !== home && imp.target.startsWith("packages/")) {
        why("reaches into another package by path; import its package entry");
      }
      // The web build's config runs in Node at build time, like the stacks: core's pure entry is allowed there.
      const buildConfig = file === "packages/web/vite.config.ts" && imp.spec === "@lapora/core/infra";
      if (home === "web" && !test && pkg === "core" && !WEB_CORE.has(imp.spec) && !buildConfig) {
        why("browser code uses core only through @lapora/core/browser (and contract types)");
      }
      if (home === "web" && !test && SDKS.test(imp.spec)) why("browser code never imports an SDK or adapter");
      if (home === "stacks" && pkg && !STACK_ENTRIES.has(imp.spec)) {
        why("stacks import only core's pure entries and the functions' config");
      }
      if (file.startsWith("packages/core/src/") && !CORE_IMPURE.test(file) && !test) {
        if (SDKS.test(imp.spec) && !imp.typeOnly)
          why("core's pure domain never imports an SDK, ElectroDB or sharp");
        if (imp.target && (CORE_IMPURE.test(`${imp.target}.ts`) || CORE_IMPURE.test(`${imp.target}/`))) {
          why("core's pure domain never imports an adapter");
        }
      }
    }
  }
  return out;
}

const violations = (files: readonly string[]) =>
  files.flatMap((f) => check(f, readFileSync(join(ROOT, f), "utf8")));

const ALL = [...sources("packages"), ...sources("stacks"), ...sources("bench"), ...sources("scripts")];

describe("import boundaries (docs/architecture.md)", () => {
  it("holds for every source file in the repository", () => {
    expect(ALL.length).toBeGreaterThan(200);
    expect(violations(ALL)).toEqual([]);
  });

  it("refuses each kind of forbidden import", () => {
    // Checked on the text alone: nothing is written to the tree.
    const probe = (file: string, line: string) => check(file, line);
    expect(probe("packages/core/src/report/x.ts", 'import "@lapora/functions/deps";')).not.toEqual([]);
    expect(
      probe("packages/core/src/report/x.ts", 'import { S3Client } from "@aws-sdk/client-s3";'),
    ).not.toEqual([]);
    expect(
      probe("packages/core/src/report/x.ts", 'import { x } from "../adapters/dynamo/report-store";'),
    ).not.toEqual([]);
    expect(probe("packages/web/src/x.ts", 'import * as Dynamo from "@lapora/core/dynamo";')).not.toEqual([]);
    expect(
      probe("packages/web/src/x.ts", 'import type { Report } from "@lapora/core/report/types";'),
    ).not.toEqual([]);
    expect(
      probe("packages/functions/src/x.ts", 'import { startRuntime } from "@lapora/local/runtime";'),
    ).not.toEqual([]);
    expect(probe("packages/functions/src/x.ts", 'import { h } from "../../local/test/harness";')).not.toEqual(
      [],
    );
    expect(probe("stacks/X.ts", 'import * as Aws from "@lapora/core/aws";')).not.toEqual([]);
    expect(
      probe("packages/core/src/report/x.test.ts", 'import { createTestDeps } from "@lapora/testkit";'),
    ).not.toEqual([]);
    // And what is allowed stays allowed.
    expect(probe("packages/local/src/x.ts", 'import { apiDeps } from "@lapora/functions/deps";')).toEqual([]);
    expect(probe("packages/web/src/x.ts", 'import { CATEGORIES } from "@lapora/core/browser";')).toEqual([]);
    expect(probe("packages/web/vite.config.ts", 'import { TABLE } from "@lapora/core/infra";')).toEqual([]);
    expect(probe("packages/web/src/x.ts", 'import { TABLE } from "@lapora/core/infra";')).not.toEqual([]);
    expect(
      probe("packages/functions/src/x.test.ts", 'import { createTestDeps } from "@lapora/testkit";'),
    ).toEqual([]);
  });

  it("keeps rules out of the routes: no role name, regular expression or built storage key", () => {
    const routeFiles = ALL.filter((f) => f.startsWith("packages/functions/src/api/routes/"));
    expect(routeFiles.length).toBeGreaterThan(3);
    const found: string[] = [];
    for (const file of routeFiles) {
      const code = readFileSync(join(ROOT, file), "utf8").replace(/^\s*(\/\/|\*|\/\*).*$/gm, "");
      for (const role of ["spkt", "bhabinkamtibmas", "kapolsek", "pimpinan", "admin"]) {
        if (new RegExp(`["'\`]${role}["'\`]`).test(code)) found.push(`${file}: role "${role}"`);
      }
      if (/(^|[=(,:\s])\/[^/*\s][^/\n]*\/[gimsuy]*\.(test|exec)\(|new RegExp\(/m.test(code))
        found.push(`${file}: a regular expression`);
      if (/`[a-z-]+[:/]\$\{/.test(code)) found.push(`${file}: a storage key built from a string`);
    }
    expect(found).toEqual([]);
  });
});
