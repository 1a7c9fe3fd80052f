import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AssetHashType, DockerImage } from "aws-cdk-lib";
import { Architecture, Code, LayerVersion, Runtime } from "aws-cdk-lib/aws-lambda";
import type { Construct } from "constructs";

/** The sharp version the functions package installed, so Lambda runs what the tests ran. */
export const SHARP_VERSION: string = JSON.parse(
  readFileSync(join(process.cwd(), "node_modules/sharp/package.json"), "utf8"),
).version;

/**
 * sharp for Lambda on arm64, as a layer (`/opt/nodejs/node_modules/sharp`). sharp ships its native code
 * as npm packages per platform (`@img/sharp-linux-arm64`, `@img/sharp-libvips-linux-arm64`), so the layer
 * is an `npm install` for linux/arm64/glibc on the deploying machine, whatever that machine is; no Docker.
 * The function marks `sharp` external: SST v2 would otherwise install its own pinned sharp 0.32, which
 * downloads libvips at install time. Stack tests skip this bundling (stacks/test-app.ts).
 */
export function sharpLayer(scope: Construct, id: string): LayerVersion {
  return new LayerVersion(scope, id, {
    description: `sharp ${SHARP_VERSION} for linux-arm64`,
    compatibleArchitectures: [Architecture.ARM_64],
    compatibleRuntimes: [Runtime.NODEJS_22_X],
    code: Code.fromAsset(join(process.cwd(), "stacks"), {
      assetHashType: AssetHashType.CUSTOM,
      assetHash: `sharp-${SHARP_VERSION}-linux-arm64-glibc`,
      bundling: {
        // Only used if the local install below fails.
        image: DockerImage.fromRegistry("public.ecr.aws/sam/build-nodejs22.x"),
        command: [
          "bash",
          "-c",
          `cd /asset-output && mkdir -p nodejs && cd nodejs && npm install sharp@${SHARP_VERSION}`,
        ],
        local: {
          tryBundle(outputDir) {
            const dir = join(outputDir, "nodejs");
            mkdirSync(dir, { recursive: true });
            writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
            execFileSync(
              "npm",
              [
                "install",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
                "--omit=dev",
                "--os=linux",
                "--cpu=arm64",
                "--libc=glibc",
                `sharp@${SHARP_VERSION}`,
              ],
              { cwd: dir, stdio: "inherit" },
            );
            return true;
          },
        },
      },
    }),
  });
}
