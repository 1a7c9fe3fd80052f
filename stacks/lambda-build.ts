import { resolve } from "node:path";
import type { BuildOptions, Metafile } from "esbuild";
import { functionDefaults } from "./defaults";

/**
 * The esbuild options SST v2 uses to build one of our Lambdas (node_modules/sst/runtime/handlers/node.js
 * with functionDefaults.nodejs): bundled ESM, minified, `@aws-sdk/*` left to the runtime, plus the
 * keepNames, mainFields and createRequire/__dirname banner SST adds to every ESM function. With
 * `splitting` (the api, stacks/Api.ts), import() targets become their own `.mjs` chunks next to the entry.
 *
 * For the bench and for tests that run a built handler outside SST; the stack tests check SST's own build.
 * The target is the runtime's (node22); SST's default esnext gives a bundle within 0.01 % of it.
 */
export function lambdaBuildOptions(options: { splitting?: boolean } = {}): BuildOptions {
  return {
    platform: "node",
    target: "node22",
    format: functionDefaults.nodejs.format,
    bundle: true,
    minify: functionDefaults.nodejs.minify,
    external: [...functionDefaults.nodejs.esbuild.external],
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
    ...(options.splitting ? { splitting: true, outExtension: { ".js": ".mjs" } } : {}),
    logLevel: "warning",
  };
}

/**
 * The output files of a build, from its metafile, split by when Lambda loads them: `atInit`, the entry
 * and the chunks it imports statically (a cold start parses and runs these), and `onFirstUse`, the chunks
 * it loads with import(). Paths are absolute; `root` is the directory esbuild ran in.
 */
export function chunksOf(metafile: Metafile, entry: string, root: string) {
  const outputs = new Map(
    Object.entries(metafile.outputs).map(([path, out]) => [resolve(root, path), out] as const),
  );
  const atInit = new Set<string>();
  const later = new Set<string>();
  const visit = (path: string) => {
    if (atInit.has(path)) return;
    atInit.add(path);
    for (const imp of outputs.get(path)?.imports ?? []) {
      if (imp.external) continue;
      if (imp.kind === "dynamic-import") later.add(resolve(root, imp.path));
      else visit(resolve(root, imp.path));
    }
  };
  visit(resolve(entry));
  const inputsOf = (files: string[]) => files.flatMap((f) => Object.keys(outputs.get(f)?.inputs ?? {}));
  const onFirstUse = [...later].filter((f) => !atInit.has(f));
  return {
    atInit: [...atInit],
    onFirstUse,
    /** Every output file (not source maps). */
    all: [...outputs.keys()].filter((f) => f.endsWith(".mjs") || f.endsWith(".js")),
    /** The source files bundled into each group, as the metafile names them. */
    inputs: { atInit: inputsOf([...atInit]), onFirstUse: inputsOf(onFirstUse) },
  };
}
