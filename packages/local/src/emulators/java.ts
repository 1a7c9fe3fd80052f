import { spawnSync } from "node:child_process";

export const JAVA_HELP =
  "DynamoDB Local needs Java 17 or newer: install it (on Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless) and try again.";

/** The major version of the `java` on PATH, or undefined when there is none. */
export function javaMajorVersion(): number | undefined {
  const out = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (out.error || out.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major; // "1.8.0" is Java 8
}

/** Throws one clear sentence when Java 17+ is missing. */
export function assertJava(): void {
  const major = javaMajorVersion();
  if (major === undefined || major < 17) throw new Error(JAVA_HELP);
}
