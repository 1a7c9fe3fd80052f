#!/usr/bin/env node
// Checks what `npm start`, `npm test` and `npm run bench` need before they run, and says what is
// missing in one sentence instead of a stack trace. Plain JavaScript so it runs before `npm install`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const problems = [];

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  problems.push(
    `Lapora needs Node.js 20.19 or newer (this is ${process.versions.node}): install it from https://nodejs.org and try again.`,
  );
}
if (!existsSync(`${root}/node_modules/.bin/tsx`)) {
  problems.push("Dependencies are not installed: run `npm install` in the project folder first.");
}
const java = spawnSync("java", ["-version"], { encoding: "utf8" });
const version = /version "(\d+)(?:\.(\d+))?/.exec(`${java.stderr ?? ""}${java.stdout ?? ""}`);
const javaMajor = version ? (Number(version[1]) === 1 ? Number(version[2]) : Number(version[1])) : 0;
if (java.error || javaMajor < 17) {
  problems.push(
    "DynamoDB Local needs Java 17 or newer: install it (on Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless) and try again.",
  );
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
