import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");

/**
 * Runs the real `npm start` entry point on `port` with its data in `dataDir`, and resolves with its URL
 * once it prints it, and everything it has printed so far (`output`).
 */
export async function startNpmStart(
  port: number,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // Node with tsx's loader, as `npm start` runs it, without the tsx CLI in between: the CLI relays Ctrl-C
  // and SIGKILLs its child when the child's event loop does not answer within 30 ms (a busy test machine).
  const child = spawn(process.execPath, ["--import", "tsx", "packages/local/src/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LAPORA_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL printed:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /Lapora is running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => fail(new Error(`exited with ${code}:\n${out}`)));
  });
  return { child, url, output: () => out };
}
