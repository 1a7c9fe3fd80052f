import * as Aws from "@lapora/core/aws";
import { createTestObjects } from "@lapora/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessLogScrubHandler } from "./access-log-scrub";

/** Two reporters' uploads and evidence-uploaded's read of one, as S3 logs them for the evidence bucket. */
const OWNER = "3f5a0c1e9b7d2468ace13579bdf02468ace13579bdf02468ace13579bdf02468";
const HOST = "prod-lapora-storage-evidence1a2b3c.s3.ap-southeast-3.amazonaws.com";
const PHONE_UA =
  "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const SIGNER =
  "arn:aws:sts::123456789012:assumed-role/prod-lapora-Api-apiPublicRole/prod-lapora-Api-apiPublic";
const LOG = [
  `${OWNER} prod-lapora-storage-evidence1a2b3c [07/Dec/2026:01:30:12 +0000] 182.253.17.94 ${SIGNER} 5DC1F8B2E0A4C713 REST.POST.OBJECT evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/1 "POST / HTTP/1.1" 204 - - 412345 812 41 "https://lapora.example/" "${PHONE_UA}" - Yz3kT9qL0wR8vB2nM5xC7aE1dF4g= SigV4 TLS_AES_128_GCM_SHA256 HtmlForm ${HOST} TLSv1.3 - - ap-southeast-3`,
  `${OWNER} prod-lapora-storage-evidence1a2b3c [07/Dec/2026:01:31:40 +0000] 2001:448a:2061:9a3f:b1c2:d3e4:f5a6:b7c8 ${SIGNER} 9A07B1C2D3E4F506 REST.POST.OBJECT evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/2 "POST / HTTP/1.1" 204 - - 398210 905 38 "https://lapora.example/lapor" "${IPHONE_UA}" - Qw8eR7tY6uI5oP4aS3dF2gH1jK0l= SigV4 TLS_AES_128_GCM_SHA256 HtmlForm ${HOST} TLSv1.3 - - ap-southeast-3`,
  `${OWNER} prod-lapora-storage-evidence1a2b3c [07/Dec/2026:01:30:13 +0000] 10.0.141.27 arn:aws:sts::123456789012:assumed-role/prod-lapora-Evidence-evidenceUploadedRole/prod-lapora-Evidence-evidenceUploaded 0B1C2D3E4F5A6B7C REST.GET.OBJECT evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/1 "GET /evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/1?x-id=GetObject HTTP/1.1" 200 - 412345 412345 57 12 "-" "aws-sdk-js/3.899.0 ua/2.1 os/linux lang/js md/nodejs#22.11.0" 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY Kp9Lm8Nn7Bb6Vv5Cc4Xx3Zz2= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader ${HOST} TLSv1.2 - - ap-southeast-3`,
  "",
].join("\n");
const SECRETS = [
  "182.253.17.94",
  "2001:448a:2061:9a3f",
  "10.0.141.27",
  PHONE_UA,
  IPHONE_UA,
  "lapora.example",
];

const RAW_KEY = "evidence-access-raw/2026-12-07-01-35-12-5C0F8D2B6E3A1947";
const KEPT_KEY = "evidence-access/2026-12-07-01-35-12-5C0F8D2B6E3A1947";

/** An S3 event notification as S3 sends it to Lambda when its log delivery writes a file. */
const deliveryEvent = (bucket: string, key: string) => ({
  Records: [
    {
      eventVersion: "2.1",
      eventSource: "aws:s3",
      awsRegion: "ap-southeast-3",
      eventTime: "2026-12-07T01:35:12.345Z",
      eventName: "ObjectCreated:Put",
      userIdentity: { principalId: "AWS:AROAEXAMPLEID:S3ServerAccessLogs" },
      requestParameters: { sourceIPAddress: "10.20.30.40" },
      responseElements: {
        "x-amz-request-id": "C3D13FE58DE4C810",
        "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
      },
      s3: {
        s3SchemaVersion: "1.0",
        configurationId: "ZDdiMjQ0ZjgtYWVmYy00NjYyLTk3OTQtMzc4ZDRjZDk2OGFm",
        bucket: {
          name: bucket,
          ownerIdentity: { principalId: "A3NL1KOZZKExample" },
          arn: `arn:aws:s3:::${bucket}`,
        },
        object: {
          key: encodeURIComponent(key).replace(/%2F/g, "/"),
          size: LOG.length,
          eTag: "0123456789abcdef0123456789abcdef",
          sequencer: "0A1B2C3D4E5F678901",
        },
      },
    },
  ],
});

let objects: Awaited<ReturnType<typeof createTestObjects>>;
let bucket: string;
const logged: Record<string, unknown>[] = [];
let scrub: ReturnType<typeof createAccessLogScrubHandler>;

beforeAll(async () => {
  objects = await createTestObjects();
  bucket = objects.bucket;
  scrub = createAccessLogScrubHandler({
    bucket,
    files: Aws.createS3AccessLogFiles(objects.s3, bucket),
    log: (entry) => logged.push(entry),
  });
});
afterAll(() => objects?.close());

const exists = (key: string) => objects.exists(key);
const text = async (key: string) => (await objects.text(key)) ?? "";

describe("access-log-scrub, with a raw access log file in s3rver", () => {
  it("keeps the file scrubbed under evidence-access/, deletes the raw one, and logs counts only", async () => {
    await objects.put(RAW_KEY, LOG);
    expect(await scrub(deliveryEvent(bucket, RAW_KEY))).toEqual({
      files: 1,
      records: 3,
      dropped: 0,
      gone: 0,
    });

    expect(await exists(RAW_KEY)).toBe(false);
    const kept = await text(KEPT_KEY);
    expect(kept.split("\n")).toHaveLength(4);
    for (const secret of SECRETS) expect(kept).not.toContain(secret);
    expect(kept).toContain(
      " 182.253.17.0 arn:aws:sts::123456789012:assumed-role/prod-lapora-Api-apiPublicRole/",
    );
    expect(kept).toContain(" 2001:448a:2061:: ");
    expect(kept).toContain(' 204 - - 412345 812 41 "-" "-" - Yz3kT9qL0wR8vB2nM5xC7aE1dF4g= SigV4 ');

    expect(logged).toContainEqual(
      expect.objectContaining({
        level: "info",
        message: "access log scrubbed",
        files: 1,
        records: 3,
        dropped: 0,
      }),
    );
    for (const secret of [...SECRETS, "evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6", OWNER])
      expect(JSON.stringify(logged)).not.toContain(secret);
  });

  it("does nothing harmful when S3 retries the same event: the kept file stays as it was", async () => {
    const before = await text(KEPT_KEY);
    expect(await scrub(deliveryEvent(bucket, RAW_KEY))).toEqual({
      files: 0,
      records: 0,
      dropped: 0,
      gone: 1,
    });
    expect(await text(KEPT_KEY)).toBe(before);
    expect(await exists(RAW_KEY)).toBe(false);
  });

  it("counts lines it could not read as dropped, keeps none of them, and says so in a warning", async () => {
    const key = "evidence-access-raw/2026-12-07-02-00-00-ABCDEF";
    const broken = `${OWNER} prod-lapora-storage-evidence1a2b3c [07/Dec/2026:02:00:00 +0000] 182.253.17.94 - "unclosed`;
    await objects.put(key, `${broken}\n${LOG}`);
    expect(await scrub(deliveryEvent(bucket, key))).toEqual({ files: 1, records: 3, dropped: 1, gone: 0 });
    expect(await text("evidence-access/2026-12-07-02-00-00-ABCDEF")).not.toContain("unclosed");
    expect(logged.at(-1)).toMatchObject({ level: "warn", dropped: 1 });
  });

  it("leaves events of another bucket, or of another prefix, alone", async () => {
    const key = "evidence-access-raw/2026-12-07-03-00-00-FEDCBA";
    await objects.put(key, LOG);
    expect(await scrub(deliveryEvent("someone-elses-bucket", key))).toEqual({
      files: 0,
      records: 0,
      dropped: 0,
      gone: 0,
    });
    expect(await scrub(deliveryEvent(bucket, KEPT_KEY))).toEqual({
      files: 0,
      records: 0,
      dropped: 0,
      gone: 0,
    });
    expect(await exists(key)).toBe(true);
    expect(await text(KEPT_KEY)).not.toContain("182.253.17.94");
  });

  it("refuses an event that is not an S3 notification, so Lambda reports the failure", async () => {
    await expect(scrub({ detail: "not s3" })).rejects.toThrow();
  });
});
