import { join } from "node:path";
import { Db, Report } from "@lapora/core";
import type { ApiDeps } from "@lapora/functions/api/app";
import { type DynamoLocal, startDynamoLocal } from "./emulators/dynamodb";
import { type S3Local, startS3Local } from "./emulators/s3";
import { type SnsLocal, startSnsLocal } from "./emulators/sns";
import { ensureTable } from "./resources";

export interface Runtime {
  dynamo: DynamoLocal;
  s3: S3Local;
  sns: SnsLocal;
  deps: ApiDeps;
  stop(): Promise<void>;
}

/**
 * Starts the emulators and creates what the app needs in them. With `dataDir` the data survives a
 * restart; without it DynamoDB runs in memory (tests).
 */
export async function startRuntime(options: {
  dataDir?: string;
  s3Directory: string;
  tableName: string;
  bucketName: string;
  topicName: string;
}): Promise<Runtime> {
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.reverse().map((s) => s.stop()));
  };
  try {
    const dynamo = await startDynamoLocal(
      options.dataDir ? { dbPath: join(options.dataDir, "dynamodb") } : {},
    );
    started.push(dynamo);
    const [s3, sns] = await Promise.all([
      startS3Local({ directory: options.s3Directory, buckets: [options.bucketName] }),
      startSnsLocal({ topicName: options.topicName }),
    ]);
    started.push(s3, sns);
    await ensureTable(dynamo.endpoint, options.tableName);
    const client = Db.createDocumentClient({ endpoint: dynamo.endpoint });
    return {
      dynamo,
      s3,
      sns,
      deps: { reports: Report.createDynamoReportStore(client, options.tableName) },
      async stop() {
        client.destroy();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
