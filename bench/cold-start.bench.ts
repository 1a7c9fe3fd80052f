/**
 * Handler cold start: the `api` Lambda bundled as it is deployed, against two floors built the same way:
 *   api        packages/functions/src/api/handler.ts
 *   hono-floor an empty Hono app behind hono/aws-lambda
 *   sdk-floor  only @aws-sdk/client-dynamodb + @aws-sdk/lib-dynamodb, constructing a DynamoDBDocumentClient
 * It reports bundle size (raw and gzip -9) and module initialisation time, measured in fresh `node`
 * processes (lib/import-timer.mjs) with all variants interleaved. The api is built with code splitting,
 * as stacks/Api.ts deploys it: its size is every chunk together, and the chunks it loads with import()
 * on first use (ElectroDB and the DynamoDB adapters) are then imported in the same process and timed
 * apart, so what a cold start defers is measured too, not hidden. Targets in the issue: api init
 * ≤ 1.3 × sdk-floor init, api bundle ≤ 500 KB. When one is missed it prints what fills the bundle.
 *
 * The bundles are written to bench/.out/ (inside the repo, so the external `@aws-sdk/*` imports resolve
 * from node_modules as they resolve from the Lambda runtime) and deleted afterwards.
 *
 * Diagnostic variants show where the api's extra init time goes: every `@aws-sdk/*` package the api
 * bundle imports (found from its metafile), and the SDK floor plus one other dependency each. They are
 * interleaved with the rest and go under `details` in the JSON. 1 KB = 1024 bytes throughout.
 *
 * Env: BENCH_COLD_RUNS (20, samples per variant; the issue asks for ≥ 15).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { chunksOf, lambdaBuildOptions } from "../stacks/lambda-build";
import { envNumber, quantile, round } from "./lib/stats";
import { formatTable } from "./lib/table";

const repoRoot = resolve(import.meta.dirname, "..");
const outDir = join(import.meta.dirname, ".out");
const INIT_TARGET = 1.3;
const SIZE_TARGET_KB = 500;

/** `splitting`: built as stacks/Api.ts builds the api (code splitting, so import() targets are chunks). */
type Source = { entry: string; splitting?: boolean } | { contents: string; resolveDir?: string };

interface Variant {
  name: string;
  label: string;
  source: Source;
  /** Not one of the three the issue asks for: a single dependency of the api bundle, to see its share. */
  diagnostic?: boolean;
}

const coreDir = join(repoRoot, "packages/core");
const functionsDir = join(repoRoot, "packages/functions");

/** The SDK-only floor: the two DynamoDB packages and a document client, as packages/core/src/adapters/aws/dynamodb.ts builds it. */
const SDK_FLOOR = [
  `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";`,
  `import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";`,
  `const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }), {`,
  `  marshallOptions: { removeUndefinedValues: true },`,
  `});`,
];

/** The SDK floor plus one more dependency of the api bundle, imported as packages/core imports it. */
function sdkFloorPlus(name: string, label: string, imports: string, use: string, from = coreDir): Variant {
  return {
    name,
    label,
    diagnostic: true,
    source: {
      contents: [...SDK_FLOOR, imports, `export const handler = async () => [client, ${use}];`].join("\n"),
      // Resolved from the package that imports it, so it is the same copy and version the api bundle gets.
      resolveDir: from,
    },
  };
}

const VARIANTS: Variant[] = [
  {
    name: "api",
    label: "api handler",
    source: { entry: join(repoRoot, "packages/functions/src/api/handler.ts"), splitting: true },
  },
  {
    name: "hono-floor",
    label: "floor: empty Hono",
    source: {
      contents: [
        `import { Hono } from "hono";`,
        `import { handle } from "hono/aws-lambda";`,
        `export const handler = handle(new Hono());`,
      ].join("\n"),
    },
  },
  {
    name: "sdk-floor",
    label: "floor: DynamoDB SDK only",
    source: { contents: [...SDK_FLOOR, `export const handler = async () => client;`].join("\n") },
  },
  // Diagnostics: what each other dependency of the api bundle adds on top of the SDK floor. ElectroDB
  // require()s @aws-sdk/lib-dynamodb and @aws-sdk/util-dynamodb itself, so alone it would count the SDK.
  sdkFloorPlus(
    "sdk-plus-electrodb",
    "SDK floor + electrodb",
    `import { Entity, Service } from "electrodb";`,
    "Entity, Service",
  ),
  sdkFloorPlus(
    "sdk-plus-entities",
    "SDK floor + Lapora's ElectroDB entities, constructed",
    `import { createService } from "./src/db/service";\nconst db = createService(client, "bench");`,
    "db",
  ),
  sdkFloorPlus(
    "sdk-plus-phone",
    "SDK floor + core's phone check (libphonenumber's Indonesia metadata, no parser)",
    `import { parseIndonesianPhone } from "./src/phone/phone";`,
    "parseIndonesianPhone",
  ),
  sdkFloorPlus(
    "sdk-plus-cognito",
    "SDK floor + Cognito client, constructed",
    [
      `import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";`,
      `const cognito = new CognitoIdentityProviderClient({ region: process.env.AWS_REGION });`,
    ].join("\n"),
    "cognito",
    functionsDir,
  ),
  sdkFloorPlus(
    "sdk-plus-s3",
    "SDK floor + S3 client, constructed",
    [
      `import { S3Client } from "@aws-sdk/client-s3";`,
      `const s3 = new S3Client({ region: process.env.AWS_REGION });`,
    ].join("\n"),
    "s3",
  ),
  sdkFloorPlus(
    "sdk-plus-jose",
    "SDK floor + jose",
    `import { createRemoteJWKSet, jwtVerify } from "jose";`,
    "createRemoteJWKSet, jwtVerify",
    functionsDir,
  ),
  sdkFloorPlus(
    "sdk-plus-zod-mini",
    "SDK floor + zod/mini",
    `import * as z from "zod/mini";\nconst schema = z.object({ a: z.string(), b: z.optional(z.url()) });`,
    "schema",
  ),
];

interface Bundle {
  /** The entry file Lambda imports. */
  file: string;
  /** Every output file together: what is deployed. */
  bytes: number;
  gzipBytes: number;
  /** The entry and the chunks it imports statically: what a cold start parses and runs. */
  initBytes: number;
  /** Chunks loaded with import() on first use (none without code splitting). */
  lazyFiles: string[];
  lazyBytes: number;
  metafile: Metafile;
}

/**
 * Builds a variant as SST builds our functions (stacks/lambda-build.ts). Source maps are left out: SST
 * writes them to a separate .map file that Node does not load.
 */
async function bundle(name: string, source: Source): Promise<Bundle> {
  const splitting = "entry" in source && source.splitting === true;
  // SST names a split build's files *.mjs in the handler's folder (node_modules/sst/runtime/handlers/node.js).
  const dir = splitting ? join(outDir, name) : outDir;
  const file = join(dir, splitting ? "handler.mjs" : `${name}.mjs`);
  const result = await build({
    ...lambdaBuildOptions({ splitting }),
    ...("entry" in source
      ? { entryPoints: [source.entry] }
      : {
          stdin: {
            contents: source.contents,
            resolveDir: source.resolveDir ?? repoRoot,
            sourcefile: `${name}.ts`,
            loader: "ts" as const,
          },
        }),
    ...(splitting ? { outdir: dir, entryNames: "[name]" } : { outfile: file }),
    metafile: true,
  });
  const { atInit, onFirstUse: lazyFiles, all } = chunksOf(result.metafile, file, repoRoot);
  const sizeOf = (files: string[]) => files.reduce((n, f) => n + readFileSync(f).length, 0);
  return {
    file,
    bytes: sizeOf(all),
    gzipBytes: all.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0),
    initBytes: sizeOf(atInit),
    lazyFiles,
    lazyBytes: sizeOf(lazyFiles),
    metafile: result.metafile,
  };
}

/** The packages a bundle leaves to the runtime (`@aws-sdk/*`), i.e. what it loads from outside at init. */
function externals(meta: Metafile): string[] {
  const names = Object.values(meta.inputs).flatMap((i) =>
    i.imports.filter((x) => x.external).map((x) => x.path),
  );
  return [...new Set(names.filter((n) => n.startsWith("@aws-sdk/")))].sort();
}

/** Bytes in the output files per input file, and per package (node_modules) or source folder (repo). */
function composition(meta: Metafile) {
  const totals = new Map<string, number>();
  for (const [path, out] of Object.entries(meta.outputs)) {
    if (!path.endsWith(".mjs")) continue;
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      totals.set(input, (totals.get(input) ?? 0) + bytesInOutput);
    }
  }
  const inputs = [...totals.entries()]
    .map(([path, bytes]) => ({ path, bytes }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const groups = new Map<string, number>();
  for (const { path, bytes } of inputs) {
    const nm = path.lastIndexOf("node_modules/");
    let group: string;
    if (nm >= 0) {
      const parts = path.slice(nm + "node_modules/".length).split("/");
      group = parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
    } else {
      group = path.split("/").slice(0, 4).join("/");
    }
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const packages = [...groups.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  return { packages, inputs };
}

/**
 * The Lambda's environment. The handler parses it at init (packages/functions/src/config.ts) but
 * contacts nothing until a request comes, so any variable it requires beyond these gets a placeholder:
 * see lambdaEnv().
 */
const BASE_ENV: Record<string, string> = {
  PATH: process.env.PATH ?? "",
  TABLE_NAME: "bench",
  AWS_REGION: "ap-southeast-3",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

const RUNNER = join(import.meta.dirname, "lib", "import-timer.mjs");

function spawnRunner(file: string, env: Record<string, string>, lazyFiles: string[] = []) {
  // A clean environment: no NODE_OPTIONS or loader flags inherited from tsx.
  return spawnSync(process.execPath, [RUNNER, file, ...lazyFiles], { env, encoding: "utf8" });
}

/** The error of a failed run, without the line of minified bundle Node prints above it. */
function errorOf(stderr: string): string {
  return stderr
    .split("\n")
    .filter((l) => l.length < 300)
    .join("\n")
    .trim()
    .slice(-2000);
}

/**
 * BASE_ENV plus a placeholder for each variable the handler's config still reports missing
 * ("Lapora configuration is missing or invalid: A, B"). A URL-shaped value passes both its
 * `z.url()` and its non-empty-string checks. The names filled in are returned, to be reported.
 */
function lambdaEnv(file: string): { env: Record<string, string>; placeholders: string[] } {
  const env = { ...BASE_ENV };
  const placeholders: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const out = spawnRunner(file, env);
    if (out.status === 0) return { env, placeholders };
    const missing = /configuration is missing or invalid: ([A-Z0-9_, ]+)/.exec(out.stderr)?.[1];
    const names = (missing ?? "").split(/,\s*/).filter((n) => n && env[n] === undefined);
    if (names.length === 0) throw new Error(`${file} failed to initialise:\n${errorOf(out.stderr)}`);
    for (const name of names) env[name] = `https://bench.invalid/${name.toLowerCase()}`;
    placeholders.push(...names);
  }
  throw new Error(`${file}: could not satisfy its configuration (${placeholders.join(", ")})`);
}

interface Sample {
  importMs: number;
  readyMs: number;
  lazyMs: number;
}

function sample(b: Bundle, env: Record<string, string>): Sample {
  const out = spawnRunner(b.file, env, b.lazyFiles);
  if (out.status !== 0) throw new Error(`${b.file} failed to initialise:\n${errorOf(out.stderr)}`);
  return JSON.parse(out.stdout.trim().split("\n").pop() ?? "");
}

const kb = (bytes: number) => round(bytes / 1024, 1);

interface VariantResult {
  bytes: number;
  kb: number;
  gzipBytes: number;
  gzipKb: number;
  /** What a cold start loads: the entry and its static chunks (all of it without code splitting). */
  initKb: number;
  /** What loads with import() on first use, and how long that takes once the entry is loaded. */
  lazyKb: number;
  lazyMs: { median: number; p90: number };
  /** Init plus the lazy chunks, per process: a cold start whose first request needs all of it. */
  initPlusLazyMs: { median: number };
  initMs: { median: number; p90: number; min: number };
  processReadyMs: { median: number; p90: number };
  runs: number;
}

function summarise(b: Bundle, s: Sample[]): VariantResult {
  const imports = s.map((x) => x.importMs);
  const ready = s.map((x) => x.readyMs);
  const lazy = s.map((x) => x.lazyMs);
  return {
    bytes: b.bytes,
    kb: kb(b.bytes),
    gzipBytes: b.gzipBytes,
    gzipKb: kb(b.gzipBytes),
    initKb: kb(b.initBytes),
    lazyKb: kb(b.lazyBytes),
    lazyMs: { median: round(quantile(lazy, 0.5)), p90: round(quantile(lazy, 0.9)) },
    initPlusLazyMs: {
      median: round(
        quantile(
          s.map((x) => x.importMs + x.lazyMs),
          0.5,
        ),
      ),
    },
    initMs: {
      median: round(quantile(imports, 0.5)),
      p90: round(quantile(imports, 0.9)),
      min: round(Math.min(...imports)),
    },
    processReadyMs: { median: round(quantile(ready, 0.5)), p90: round(quantile(ready, 0.9)) },
    runs: s.length,
  };
}

function variantTable(variants: Variant[], results: Record<string, VariantResult>): string {
  return formatTable(
    [
      "variant",
      "bytes",
      "KiB",
      "gzip KiB",
      "KiB at init",
      "init p50 ms",
      "init p90 ms",
      "process ready p50 ms",
      "lazy KiB",
      "lazy load p50 ms",
    ],
    variants.map((v) => {
      const r = results[v.name] as VariantResult;
      return [
        v.label,
        r.bytes,
        r.kb,
        r.gzipKb,
        r.initKb,
        r.initMs.median,
        r.initMs.p90,
        r.processReadyMs.median,
        r.lazyKb,
        r.lazyMs.median,
      ];
    }),
    [undefined, 0, 1, 1, 1, 1, 1, 1, 1, 1],
  );
}

export async function run(): Promise<Record<string, unknown>> {
  const runs = Math.round(envNumber("BENCH_COLD_RUNS", 20));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  try {
    // A diagnostic whose dependency the code no longer has is skipped, not fatal.
    const bundles = new Map<string, Bundle>();
    const skipped: string[] = [];
    for (const v of VARIANTS) {
      try {
        bundles.set(v.name, await bundle(v.name, v.source));
      } catch (err) {
        if (!v.diagnostic) throw err;
        skipped.push(v.name);
        console.warn(`skipping diagnostic ${v.name}: ${String(err).split("\n")[0]}`);
      }
    }
    // One more diagnostic, made from what the api bundle turned out to import: every @aws-sdk package it
    // leaves to the runtime, loaded and nothing else. The api's init minus this is its own code's share.
    const apiExternals = externals((bundles.get("api") as Bundle).metafile);
    const allSdk: Variant = {
      name: "all-sdk-of-api",
      label: "every @aws-sdk package the api imports",
      diagnostic: true,
      source: {
        contents: [
          ...apiExternals.map((p, i) => `import * as sdk${i} from "${p}";`),
          `export const handler = async () => [${apiExternals.map((_, i) => `sdk${i}`).join(", ")}];`,
        ].join("\n"),
      },
    };
    bundles.set(allSdk.name, await bundle(allSdk.name, allSdk.source));
    const variants = [...VARIANTS.slice(0, 3), allSdk, ...VARIANTS.slice(3)].filter((v) =>
      bundles.has(v.name),
    );
    const bundleOf = (name: string) => bundles.get(name) as Bundle;

    // One discarded round warms the file cache; then the variants take turns, starting one later each round.
    const { env, placeholders } = lambdaEnv(bundleOf("api").file);
    if (placeholders.length > 0) console.log(`placeholder env for the handler: ${placeholders.join(", ")}`);
    const samples = new Map(variants.map((v) => [v.name, [] as Sample[]]));
    for (const v of variants) sample(bundleOf(v.name), env);
    console.log(
      `init: ${runs} fresh node processes per variant, ${variants.length} variants interleaved (node ${process.versions.node})`,
    );
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < variants.length; i++) {
        const v = variants[(r + i) % variants.length] as Variant;
        samples.get(v.name)?.push(sample(bundleOf(v.name), env));
      }
    }
    const results: Record<string, VariantResult> = Object.fromEntries(
      variants.map((v) => [v.name, summarise(bundles.get(v.name) as Bundle, samples.get(v.name) ?? [])]),
    );

    const api = results.api as VariantResult;
    const sdk = results["sdk-floor"] as VariantResult;
    const hono = results["hono-floor"] as VariantResult;
    const initRatio = round(api.initMs.median / sdk.initMs.median, 3);
    // The same ratio taken within each round (the variants ran back to back), so drifting load on the
    // machine cancels out: if it is far from initRatio, the run was noisy.
    const apiSamples = samples.get("api") ?? [];
    const sdkSamples = samples.get("sdk-floor") ?? [];
    const pairedRatio = round(
      quantile(
        apiSamples.map((a, i) => a.importMs / (sdkSamples[i]?.importMs ?? Number.NaN)),
        0.5,
      ),
      3,
    );
    const honoRatio = round(api.initMs.median / hono.initMs.median, 1);
    const initMet = initRatio <= INIT_TARGET;
    const sizeMet = api.kb <= SIZE_TARGET_KB;
    // Not a target, said next to it: a cold start whose first request reads or writes the table also
    // loads the lazy chunk (ElectroDB and the adapters) before answering.
    const firstUseRatio = round(api.initPlusLazyMs.median / sdk.initMs.median, 3);

    console.log(
      `\n${variantTable(
        variants.filter((v) => !v.diagnostic),
        results,
      )}`,
    );
    console.log(
      `\napi/sdk-floor init = ${initRatio} (target ≤ ${INIT_TARGET}: ${initMet ? "met" : "MISSED"}; ` +
        `median of per-round ratios ${pairedRatio}) · ` +
        `api/hono-floor init = ${honoRatio} · ` +
        `api bundle = ${api.kb} KiB (target ≤ ${SIZE_TARGET_KB} KB: ${sizeMet ? "met" : "MISSED"})`,
    );
    if (api.lazyKb > 0) {
      console.log(
        `The api loads ${api.lazyKb} KiB on first use in ${api.lazyMs.median} ms (p90 ${api.lazyMs.p90}): ` +
          `init + that = ${api.initPlusLazyMs.median} ms, ${firstUseRatio}× the SDK floor, ` +
          "for a cold start whose first request touches the table.",
      );
    }
    console.log(`\nThe api bundle loads from the runtime: ${apiExternals.join(", ")}`);
    console.log(
      "\nDiagnostic: where the api's init time goes (all built the same way; the last column is the share):",
    );
    console.log(
      formatTable(
        ["variant", "KiB", "init p50 ms", "init p90 ms", "p50 − SDK floor ms"],
        variants
          .filter((v) => v.diagnostic || v.name === "sdk-floor" || v.name === "api")
          .map((v) => {
            const r = results[v.name] as VariantResult;
            return [v.label, r.kb, r.initMs.median, r.initMs.p90, r.initMs.median - sdk.initMs.median];
          }),
        [undefined, 1, 1, 1, 1],
      ),
    );

    const apiBundle = bundles.get("api") as Bundle;
    const { packages, inputs } = composition(apiBundle.metafile);
    const topPackages = packages.slice(0, 12).map((p) => ({ ...p, kb: kb(p.bytes) }));
    const topInputs = inputs.slice(0, 15).map((i) => ({ ...i, kb: kb(i.bytes) }));
    if (!initMet || !sizeMet) {
      console.log(`\nWhat fills the api bundle (${api.kb} KiB, minified), by package or source folder:`);
      console.log(
        formatTable(
          ["package / folder", "KiB", "share %"],
          topPackages.map((p) => [p.name, p.kb, round((100 * p.bytes) / api.bytes, 1)]),
          [undefined, 1, 1],
        ),
      );
      console.log("\nLargest input files:");
      console.log(
        formatTable(
          ["input", "KiB"],
          topInputs.map((i) => [i.path, i.kb]),
          [undefined, 1],
        ),
      );
    }

    return {
      variants: Object.fromEntries(
        variants
          .filter((v) => !v.diagnostic)
          .map((v) => {
            const r = results[v.name] as VariantResult;
            return [
              v.name,
              {
                bytes: r.bytes,
                kb: r.kb,
                gzipKb: r.gzipKb,
                initKb: r.initKb,
                initP50Ms: r.initMs.median,
                initP90Ms: r.initMs.p90,
                lazyKb: r.lazyKb,
                lazyLoadP50Ms: r.lazyMs.median,
              },
            ];
          }),
      ),
      targets: {
        apiOverSdkFloorInit: initRatio,
        apiOverSdkFloorInitPerRoundMedian: pairedRatio,
        apiOverHonoFloorInit: honoRatio,
        initTarget: INIT_TARGET,
        initMet,
        apiKb: api.kb,
        sizeTargetKb: SIZE_TARGET_KB,
        sizeMet,
        apiInitPlusLazyOverSdkFloor: firstUseRatio,
      },
      config: {
        runs,
        node: process.versions.node,
        build: "esm, node22, minify, bundle, external @aws-sdk/*; the api with code splitting",
      },
      details: {
        variants: Object.fromEntries(
          variants.map((v) => [
            v.name,
            {
              ...results[v.name],
              initMsOverSdkFloor: round((results[v.name] as VariantResult).initMs.median - sdk.initMs.median),
              ...(v.diagnostic ? { diagnostic: true } : {}),
            },
          ]),
        ),
        apiBundleTopPackages: topPackages,
        apiBundleTopInputs: topInputs,
        skippedDiagnostics: skipped,
        placeholderEnv: placeholders,
        apiExternals,
      },
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
