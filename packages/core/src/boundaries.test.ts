import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The domain (`@lapora/core`) must not load an adapter: ElectroDB, sharp or any AWS SDK package, even
// through a dynamic import. The adapters are `@lapora/core/dynamo`, `/aws` and `/sharp`.
describe("@lapora/core (the domain entry point)", () => {
  it("bundles without ElectroDB, sharp or the AWS SDK", async () => {
    const { metafile } = await build({
      entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      outdir: "out",
      metafile: true,
      external: ["@aws-sdk/*", "sharp"],
      logLevel: "silent",
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((i) => i.endsWith("report/service.ts"))).toBe(true);
    expect(
      inputs.filter((i) => /node_modules\/(electrodb|sharp)\/|\/adapters\/|\/db\/(entities|service)/.test(i)),
    ).toEqual([]);
    const imports = Object.values(metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports.filter((p) => p.startsWith("@aws-sdk/") || p === "sharp")).toEqual([]);
  });
});
