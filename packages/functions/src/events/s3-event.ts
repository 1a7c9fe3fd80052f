import * as z from "zod/mini";

/** The part of an S3 event notification the functions read (AWS and the local s3rver wiring alike). */
export const S3Event = z.object({
  Records: z.array(
    z.object({
      eventName: z.string(),
      s3: z.object({
        bucket: z.object({ name: z.string() }),
        object: z.object({
          key: z.string(),
          size: z.optional(z.number()),
          eTag: z.optional(z.string()),
          versionId: z.optional(z.string()),
        }),
      }),
    }),
  ),
});

/** An object key as S3 writes it in an event: URL-encoded, with "+" for a space. */
export const decodeKey = (key: string) => decodeURIComponent(key.replace(/\+/g, " "));
