import { defineConfig } from "vitest/config";

// One run, four kinds of test. Unit tests need nothing but Node. The emulators (DynamoDB Local in memory,
// s3rver, fauxqs) start once, in the global setup of the projects that talk to them, and each test file
// makes its own table so files never see each other's data.
const EMULATORS = ["packages/testkit/src/global-setup.ts"];

export default defineConfig({
  test: {
    env: { SST_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "packages/core/src/**/*.test.ts",
            "packages/web/src/**/*.test.ts",
            "packages/testkit/src/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          globalSetup: EMULATORS,
          include: [
            "packages/core/src/**/*.int.test.ts",
            "packages/functions/src/**/*.test.ts",
            "packages/local/src/**/*.test.ts",
            "packages/local/test/**/*.test.ts",
            "packages/testkit/src/**/*.int.test.ts",
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "stacks",
          include: ["stacks/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          globalSetup: EMULATORS,
          include: ["packages/web/e2e/**/*.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
