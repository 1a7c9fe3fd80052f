import type { S3Client } from "@aws-sdk/client-s3";
import type { SNSClient } from "@aws-sdk/client-sns";
import { type Lazy, s3Sdk, snsSdk } from "../aws/lazy";

/** The open-data files, `stats/{week}.json` and `stats/{week}.csv`. */
export interface OpenDataStore {
  put(key: string, body: string, contentType: string): Promise<void>;
  get(key: string): Promise<string | undefined>;
}

export function createS3OpenDataStore(s3: Lazy<S3Client>, bucket: string): OpenDataStore {
  return {
    async put(key, body, contentType) {
      const { PutObjectCommand } = await s3Sdk();
      await (await s3()).send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      );
    },
    async get(key) {
      const { GetObjectCommand } = await s3Sdk();
      try {
        const res = await (await s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await res.Body?.transformToString("utf-8");
      } catch (err) {
        if ((err as Error).name === "NoSuchKey") return undefined;
        throw err;
      }
    },
  };
}

/** Sends the leadership (pimpinan) the week's summary. */
export interface SummaryPublisher {
  publish(subject: string, text: string): Promise<void>;
}

export function createSnsSummaryPublisher(sns: Lazy<SNSClient>, topicArn: string): SummaryPublisher {
  return {
    async publish(subject, text) {
      const { PublishCommand } = await snsSdk();
      await (await sns()).send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: text }));
    },
  };
}
