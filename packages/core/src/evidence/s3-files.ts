import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { uploadConditions, uploadFields } from "./policy";
import { STATE_TAG } from "./rules";
import type { EvidenceFiles } from "./types";

export interface S3EvidenceOptions {
  /** Set locally: s3rver's URL, which is also the origin forms post to. */
  endpoint?: string;
  region?: string;
  /** True where the bucket has Object Lock (AWS): originals get a governance-mode retention. */
  objectLock?: boolean;
}

const isMissing = (err: unknown) => /NoSuchKey|NoSuchVersion|NotFound/.test((err as Error)?.name ?? "");

/**
 * The S3 adapter of EvidenceFiles. Pass a client from Aws.createS3Client: it computes checksums only
 * when an operation requires them, so no presigned URL carries an x-amz-checksum-* parameter.
 */
export function createS3EvidenceFiles(
  s3: S3Client,
  bucket: string,
  options: S3EvidenceOptions = {},
): EvidenceFiles {
  const origin = options.endpoint
    ? new URL(options.endpoint).origin
    : `https://${bucket}.s3.${options.region ?? "ap-southeast-3"}.amazonaws.com`;
  const version = (versionId: string | undefined) => (versionId ? { VersionId: versionId } : {});

  return {
    origin,

    async createUploadForm({ key, contentType, formId, expiresSeconds }) {
      return createPresignedPost(s3, {
        Bucket: bucket,
        Key: key,
        Fields: uploadFields(contentType, formId),
        Conditions: uploadConditions(),
        Expires: expiresSeconds,
      });
    },

    async read(key, versionId, maxBytes) {
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...version(versionId) }));
        const size = res.ContentLength ?? 0;
        if (size > maxBytes || !res.Body) {
          await res.Body?.transformToByteArray().catch(() => undefined);
          return { bytes: undefined, size, metadata: res.Metadata ?? {} };
        }
        const bytes = await res.Body.transformToByteArray();
        return { bytes, size: bytes.length, metadata: res.Metadata ?? {} };
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },

    async remove(key, versionId) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, ...version(versionId) }));
    },

    async putDisplay(key, bytes) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: "image/jpeg",
          CacheControl: "private, max-age=300",
        }),
      );
    },

    async markVerified(key, versionId) {
      await s3.send(
        new PutObjectTaggingCommand({
          Bucket: bucket,
          Key: key,
          ...version(versionId),
          Tagging: { TagSet: [{ Key: STATE_TAG.key, Value: STATE_TAG.verified }] },
        }),
      );
    },

    async retain(key, versionId, until) {
      if (!options.objectLock) return;
      await s3.send(
        new PutObjectRetentionCommand({
          Bucket: bucket,
          Key: key,
          ...version(versionId),
          Retention: { Mode: "GOVERNANCE", RetainUntilDate: until },
        }),
      );
    },

    async viewUrl(key, { versionId, downloadName, expiresSeconds }) {
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...version(versionId),
        ...(downloadName ? { ResponseContentDisposition: `attachment; filename="${downloadName}"` } : {}),
      });
      return getSignedUrl(s3, command, { expiresIn: expiresSeconds });
    },
  };
}
