/**
 * `@lapora/testkit`: what the tests of functions, local, web and the benches share. The real emulators
 * (global-setup.ts), a fresh table, bucket and app per test file (harness.ts), the alert and evidence test
 * beds, report fixtures, and the contract check every API answer in the tests goes through.
 *
 * It sits above every package (testkit -> local -> functions -> core), so no package's own code depends
 * on it and core's tests need none of it: the test cycle core -> local -> functions -> core is gone.
 */

// What tests of other packages need of the local runtime, so they depend on the test kit alone.
export { createLocalSmsQueues, createLocalSqsClient } from "@lapora/local/alerts/sms-queues";
export { totpCode } from "@lapora/local/auth/totp";
export { LOCAL_AUDIENCE } from "@lapora/local/runtime";
export { DEMO_OFFICERS, DEMO_PASSWORD, DEMO_TOTP_SECRETS } from "@lapora/local/seed";
export { createLocalStatsDeps } from "@lapora/local/stats";
export * from "./alerts-harness";
export * from "./contract";
export * from "./evidence-harness";
export * from "./fixtures";
export * from "./harness";
export * from "./s3-objects";
export * from "./stats-seed";
export * from "./switchable-proxy";
