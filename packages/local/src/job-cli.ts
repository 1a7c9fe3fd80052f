import type { LocalConfig } from "./config";
import { type Runtime, runtimeOptionsOf, startRuntime } from "./runtime";

/**
 * How `npm run stats` and `npm run retention` run their job: through the running `npm start`, which owns
 * the data folder (a `/dev/…/run` route), or, when none runs, in emulators started on the same folder
 * for the job and stopped after it. Prints the job's answer.
 */
export async function runJob(
  config: LocalConfig,
  devPath: string,
  run: (runtime: Runtime) => Promise<unknown>,
): Promise<void> {
  try {
    const res = await fetch(`http://localhost:${config.port}${devPath}`, { method: "POST" });
    console.log(await res.text());
    if (res.ok) return;
  } catch {
    // No `npm start` on this port: start the emulators here.
  }
  const runtime = await startRuntime(runtimeOptionsOf(config));
  try {
    console.log(JSON.stringify(await run(runtime)));
  } finally {
    await runtime.stop();
  }
}
