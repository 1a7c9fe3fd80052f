import type { S3Client } from "@aws-sdk/client-s3";
import { uploadConditions, uploadFields } from "../../evidence/policy";
import { STATE_TAG } from "../../evidence/rules";
import type { EvidenceFiles } from "../../evidence/types";
import { type Lazy, lazy, s3Sdk } from "./lazy";

export interface S3EvidenceOptions {
  /** Set locally: s3rver's URL, which is also the origin forms post to. */
  endpoint?: string;
  region?: string;
  /** True where the bucket has Object Lock (AWS): originals get a governance-mode retention. */
  objectLock?: boolean;
}

// The presigners are only needed when a form or a link is made: loaded then, once.
const presignedPost = lazy(() => import("@aws-sdk/s3-presigned-post"));
const requestPresigner = lazy(() => import("@aws-sdk/s3-request-presigner"));

const isMissing = (err: unknown) => /NoSuchKey|NoSuchVersion|NotFound/.test((err as Error)?.name ?? "");

/**
 * The S3 adapter of EvidenceFiles. Pass a client from createS3Client (./s3.ts): it computes checksums only
 * when an operation requires them, so no presigned URL carries an x-amz-checksum-* parameter.
 */
export function createS3EvidenceFiles(
  s3: Lazy<S3Client>,
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
      const { createPresignedPost } = await presignedPost();
      return createPresignedPost(await s3(), {
        Bucket: bucket,
        Key: key,
        Fields: uploadFields(contentType, formId),
        Conditions: uploadConditions(),
        Expires: expiresSeconds,
      });
    },

    async read(key, versionId, maxBytes) {
      try {
        const res = await (await s3()).send(
          new (await s3Sdk()).GetObjectCommand({ Bucket: bucket, Key: key, ...version(versionId) }),
        );
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
      await (await s3()).send(
        new (await s3Sdk()).DeleteObjectCommand({ Bucket: bucket, Key: key, ...version(versionId) }),
      );
    },

    async putDisplay(key, bytes) {
      await (await s3()).send(
        new (await s3Sdk()).PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: "image/jpeg",
          CacheControl: "private, max-age=300",
        }),
      );
    },

    async markVerified(key, versionId) {
      await (await s3()).send(
        new (await s3Sdk()).PutObjectTaggingCommand({
          Bucket: bucket,
          Key: key,
          ...version(versionId),
          Tagging: { TagSet: [{ Key: STATE_TAG.key, Value: STATE_TAG.verified }] },
        }),
      );
    },

    async retain(key, versionId, until) {
      if (!options.objectLock) return;
      await (await s3()).send(
        new (await s3Sdk()).PutObjectRetentionCommand({
          Bucket: bucket,
          Key: key,
          ...version(versionId),
          Retention: { Mode: "GOVERNANCE", RetainUntilDate: until },
        }),
      );
    },

    async viewUrl(key, { versionId, downloadName, expiresSeconds }) {
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([s3Sdk(), requestPresigner()]);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...version(versionId),
        ...(downloadName ? { ResponseContentDisposition: `attachment; filename="${downloadName}"` } : {}),
      });
      return getSignedUrl(await s3(), command, { expiresIn: expiresSeconds });
    },
  };
}
