import type { FunctionProps } from "sst/constructs";

/**
 * Props every Lambda in the app starts from (applied in sst.config.ts with `app.setDefaultFunctionProps`).
 * A function overrides a value by setting it itself.
 */
export const functionDefaults = {
  // nodejs20.x is deprecated in Lambda; the local toolchain stays on Node 20, the bundle targets esnext.
  runtime: "nodejs22.x",
  architecture: "arm_64",
  memorySize: "512 MB",
  // API Gateway gives up after 30 s; a handler that needs more than 10 s is a bug, not a slow request.
  timeout: "10 seconds",
  logRetention: "one_month",
  nodejs: {
    format: "esm",
    minify: true,
    // The nodejs22.x runtime ships AWS SDK v3; bundling it would add cold-start time for nothing.
    esbuild: { external: ["@aws-sdk/*"] },
  },
} as const satisfies FunctionProps;
