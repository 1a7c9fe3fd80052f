import type { S3Client } from "@aws-sdk/client-s3";
import type { OpenDataStore } from "../../stats/publishing";
import { type Lazy, s3Sdk } from "./lazy";

/** The S3 adapter of OpenDataStore: the weekly JSON and CSV files in the (private) open-data bucket. */
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
