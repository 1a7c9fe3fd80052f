/**
 * Handler cold start: the `api` Lambda bundled as it is deployed, against two floors built the same way:
 *   api        packages/functions/src/api/handler.ts
 *   hono-floor an empty Hono app behind hono/aws-lambda
 *   sdk-floor  only @aws-sdk/client-dynamodb + @aws-sdk/lib-dynamodb, constructing a DynamoDBDocumentClient
 * It reports bundle size (raw and gzip -9) and module initialisation time, measured in fresh `node`
 * processes (lib/import-timer.mjs) with the three variants interleaved. Targets in the issue: api init
 * ≤ 1.3 × sdk-floor init, api bundle ≤ 500 KB. When one is missed it prints what fills the bundle.
 *
 * The bundles are written to bench/.out/ (inside the repo, so the external `@aws-sdk/*` imports resolve
 * from node_modules as they resolve from the Lambda runtime) and deleted afterwards.
 *
 * Diagnostic variants (the SDK floor plus one dependency of the api bundle) show where the api's extra
 * init time goes; they go under `details` in the JSON.
 *
 * Env: BENCH_COLD_RUNS (20, samples per variant; the issue asks for ≥ 15).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build, type Metafile } from "esbuild";
import { envNumber, quantile, round } from "./lib/stats";
import { formatTable } from "./lib/table";

const repoRoot = resolve(import.meta.dirname, "..");
const outDir = join(import.meta.dirname, ".out");
const INIT_TARGET = 1.3;
const SIZE_TARGET_KB = 500;

/**
 * The Lambda build. Keep in step with stacks/defaults.ts, which sets for every function
 * `nodejs: { format: "esm", minify: true, esbuild: { target: "node22", external: ["@aws-sdk/*"] } }`
 * (bundle and platform node are SST's own). SST v2 also adds, for every ESM function, keepNames,
 * mainFields and the createRequire/__dirname banner below (node_modules/sst/runtime/handlers/node.js).
 * Source maps are left out: SST writes them to a separate .map file that Node does not load.
 */
const LAMBDA_BUILD: BuildOptions = {
  platform: "node",
  target: "node22",
  format: "esm",
  bundle: true,
  minify: true,
  external: ["@aws-sdk/*"],
  keepNames: true,
  mainFields: ["module", "main"],
  banner: {
    js: [
      `import { createRequire as topLevelCreateRequire } from 'module';`,
      `const require = topLevelCreateRequire(import.meta.url);`,
      `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
      `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
    ].join("\n"),
  },
  logLevel: "warning",
};

type Source = { entry: string } | { contents: string; resolveDir?: string };

interface Variant {
  name: string;
  label: string;
  source: Source;
  /** Not one of the three the issue asks for: a single dependency of the api bundle, to see its share. */
  diagnostic?: boolean;
}

const coreDir = join(repoRoot, "packages/core");
const functionsDir = join(repoRoot, "packages/functions");

/** The SDK-only floor: the two DynamoDB packages and a document client, as packages/core/src/db builds it. */
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
    source: { entry: join(repoRoot, "packages/functions/src/api/handler.ts") },
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
    `import { createEntities } from "./src/report/entities";\nconst db = createEntities(client, "bench");`,
    "db",
  ),
  sdkFloorPlus(
    "sdk-plus-libphonenumber",
    "SDK floor + libphonenumber-js/min",
    `import { parsePhoneNumberFromString } from "libphonenumber-js/min";`,
    "parsePhoneNumberFromString",
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
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

async function bundle(name: string, source: Source): Promise<Bundle> {
  const file = join(outDir, `${name}.mjs`);
  const result = await build({
    ...LAMBDA_BUILD,
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
    outfile: file,
    metafile: true,
  });
  const code = readFileSync(file);
  return {
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

/** Bytes in the output per input file, and per package (node_modules) or source folder (repo). */
function composition(meta: Metafile, file: string) {
  const output = Object.entries(meta.outputs).find(([path]) => resolve(repoRoot, path) === file)?.[1];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
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
 * The Lambda's environment, with placeholder values: the handler parses it at init
 * (packages/functions/src/config.ts) but contacts nothing until a request comes.
 */
const RUNNER_ENV = {
  PATH: process.env.PATH ?? "",
  TABLE_NAME: "bench",
  AWS_REGION: "ap-southeast-3",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AUTH_ISSUER: "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_bench",
  AUTH_AUDIENCE: "bench",
  USER_POOL_ID: "ap-southeast-3_bench",
};

function sample(file: string): { importMs: number; readyMs: number } {
  const runner = join(import.meta.dirname, "lib", "import-timer.mjs");
  // A clean environment: no NODE_OPTIONS or loader flags inherited from tsx.
  const out = spawnSync(process.execPath, [runner, file], { env: RUNNER_ENV, encoding: "utf8" });
  if (out.status !== 0) {
    // The last lines carry the error; the first would be a line of minified bundle.
    const tail = out.stderr.trim().split("\n").slice(-8).join("\n").slice(-2000);
    throw new Error(`${file} failed to initialise (a new required env variable? see RUNNER_ENV):\n${tail}`);
  }
  return JSON.parse(out.stdout.trim().split("\n").pop() ?? "");
}

const kb = (bytes: number) => round(bytes / 1024, 1);

interface VariantResult {
  bytes: number;
  kb: number;
  gzipBytes: number;
  gzipKb: number;
  initMs: { median: number; p90: number; min: number };
  processReadyMs: { median: number; p90: number };
  runs: number;
}

function summarise(b: Bundle, s: { importMs: number; readyMs: number }[]): VariantResult {
  const imports = s.map((x) => x.importMs);
  const ready = s.map((x) => x.readyMs);
  return {
    bytes: b.bytes,
    kb: kb(b.bytes),
    gzipBytes: b.gzipBytes,
    gzipKb: kb(b.gzipBytes),
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
    ["variant", "bytes", "KiB", "gzip KiB", "init p50 ms", "init p90 ms", "process ready p50 ms"],
    variants.map((v) => {
      const r = results[v.name] as VariantResult;
      return [v.label, r.bytes, r.kb, r.gzipKb, r.initMs.median, r.initMs.p90, r.processReadyMs.median];
    }),
    [undefined, 0, 1, 1, 1, 1, 1],
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
    const variants = VARIANTS.filter((v) => bundles.has(v.name));
    const fileOf = (name: string) => (bundles.get(name) as Bundle).file;

    // One discarded round warms the file cache; then the variants take turns, starting one later each round.
    const samples = new Map(variants.map((v) => [v.name, [] as { importMs: number; readyMs: number }[]]));
    for (const v of variants) sample(fileOf(v.name));
    console.log(
      `init: ${runs} fresh node processes per variant, ${variants.length} variants interleaved (node ${process.versions.node})`,
    );
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < variants.length; i++) {
        const v = variants[(r + i) % variants.length] as Variant;
        samples.get(v.name)?.push(sample(fileOf(v.name)));
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
    console.log(
      "\nDiagnostic: the SDK floor plus one other dependency of the api bundle, built the same way:",
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
    const { packages, inputs } = composition(apiBundle.metafile, apiBundle.file);
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
                initP50Ms: r.initMs.median,
                initP90Ms: r.initMs.p90,
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
      },
      config: {
        runs,
        node: process.versions.node,
        build: "esm, node22, minify, bundle, external @aws-sdk/*",
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
      },
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
