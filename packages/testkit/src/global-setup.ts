import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DynamoLocal, startDynamoLocal } from "@lapora/local/emulators/dynamodb";
import { type S3Local, startS3Local } from "@lapora/local/emulators/s3";
import { type SnsLocal, startSnsLocal } from "@lapora/local/emulators/sns";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
    snsEndpoint: string;
    topicArn: string;
    bucketName: string;
  }
}

export const TEST_BUCKET = "lapora-evidence-test";

/** Starts the real emulators once per `npm test`: DynamoDB Local (-inMemory), s3rver and fauxqs. */
export default async function setup(project: TestProject) {
  const s3Dir = mkdtempSync(join(tmpdir(), "lapora-s3-"));
  let dynamo: DynamoLocal | undefined;
  let s3: S3Local | undefined;
  let sns: SnsLocal | undefined;
  try {
    [dynamo, s3, sns] = await Promise.all([
      startDynamoLocal(),
      startS3Local({ directory: s3Dir, buckets: [TEST_BUCKET] }),
      startSnsLocal({ topicName: "lapora-alerts-test" }),
    ]);
  } catch (err) {
    await Promise.allSettled([dynamo?.stop(), s3?.stop(), sns?.stop()]);
    throw err;
  }
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("snsEndpoint", sns.endpoint);
  project.provide("topicArn", sns.topicArn);
  project.provide("bucketName", TEST_BUCKET);
  return async () => {
    await Promise.allSettled([dynamo?.stop(), s3?.stop(), sns?.stop()]);
    rmSync(s3Dir, { recursive: true, force: true });
  };
}
