import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";

/** The open-data files, `stats/{week}.json` and `stats/{week}.csv`. */
export interface OpenDataStore {
  put(key: string, body: string, contentType: string): Promise<void>;
  get(key: string): Promise<string | undefined>;
}

export function createS3OpenDataStore(s3: S3Client, bucket: string): OpenDataStore {
  return {
    async put(key, body, contentType) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },
    async get(key) {
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await res.Body?.transformToString("utf-8");
      } catch (err) {
        if (err instanceof NoSuchKey || (err as Error).name === "NoSuchKey") return undefined;
        throw err;
      }
    },
  };
}

/** Sends the leadership (pimpinan) the week's summary. */
export interface SummaryPublisher {
  publish(subject: string, text: string): Promise<void>;
}

export function createSnsSummaryPublisher(sns: SNSClient, topicArn: string): SummaryPublisher {
  return {
    async publish(subject, text) {
      await sns.send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: text }));
    },
  };
}
