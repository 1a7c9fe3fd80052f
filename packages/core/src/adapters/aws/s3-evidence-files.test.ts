import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decodePolicy, UNVERIFIED_TAGGING } from "../../evidence/policy";
import { CONTENT_TYPES, FORM_TTL_SECONDS, MAX_BYTES, originalKey } from "../../evidence/rules";
import { createS3Client } from "./s3";
import { createS3EvidenceFiles } from "./s3-evidence-files";

// No emulator enforces a POST policy (s3rver ignores it), so what S3 will enforce is read here, from the
// policy document itself. Signing is local computation: no request leaves the test.
const BUCKET = "prod-lapora-evidence";

beforeAll(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE00");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "example-secret-example-secret-example-0");
  vi.stubEnv("AWS_SESSION_TOKEN", "example-session-token");
});
afterAll(() => vi.unstubAllEnvs());

const files = () => createS3EvidenceFiles(createS3Client({ region: "ap-southeast-3" }), BUCKET);

async function form(contentType: (typeof CONTENT_TYPES)[number] = "image/jpeg") {
  const reportId = randomUUID();
  const formId = randomUUID();
  const before = Date.now();
  const f = await files().createUploadForm({
    key: originalKey(reportId, 3),
    contentType,
    formId,
    expiresSeconds: FORM_TTL_SECONDS,
  });
  return { ...f, reportId, formId, before, policy: decodePolicy(f.fields) };
}

const has = (conditions: unknown[], c: unknown) =>
  conditions.some((x) => JSON.stringify(x) === JSON.stringify(c));

describe("upload form policy (what S3 enforces on a presigned POST)", () => {
  it("fixes the key the server chose, under evidence/{reportId}/, with no wildcard", async () => {
    const f = await form();
    expect(f.fields.key).toBe(`evidence/${f.reportId}/3`);
    expect(has(f.policy.conditions, { key: `evidence/${f.reportId}/3` })).toBe(true);
    expect(has(f.policy.conditions, { bucket: BUCKET })).toBe(true);
    const text = JSON.stringify(f.policy.conditions);
    expect(text).not.toContain("starts-with");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the SDK's literal placeholder for a client-chosen name.
    expect(text).not.toContain("${filename}");
  });

  it("allows 1 byte to 10 MB", async () => {
    const f = await form();
    const ranges = f.policy.conditions.filter((c) => Array.isArray(c) && c[0] === "content-length-range");
    expect(ranges).toEqual([["content-length-range", 1, 10 * 1024 * 1024]]);
    expect(MAX_BYTES).toBe(10_485_760);
  });

  it("binds the Content-Type to one image type, for each type allowed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CONTENT_TYPES), async (type) => {
        const f = await form(type);
        expect(f.fields["Content-Type"]).toBe(type);
        expect(has(f.policy.conditions, { "Content-Type": type })).toBe(true);
        expect(type).toMatch(/^image\/(jpeg|png|webp|heic)$/);
      }),
      { numRuns: 8 },
    );
  });

  it("carries the form id and the unverified tag, as exact conditions", async () => {
    const f = await form();
    expect(has(f.policy.conditions, { "x-amz-meta-form": f.formId })).toBe(true);
    expect(has(f.policy.conditions, { tagging: UNVERIFIED_TAGGING })).toBe(true);
  });

  it("expires after ten minutes", async () => {
    const f = await form();
    const expires = Date.parse(f.policy.expiration);
    expect(expires - f.before).toBeGreaterThan((FORM_TTL_SECONDS - 5) * 1000);
    expect(expires - f.before).toBeLessThanOrEqual((FORM_TTL_SECONDS + 1) * 1000);
    expect(FORM_TTL_SECONDS).toBeLessThanOrEqual(15 * 60);
  });

  it("covers every field the browser sends, so S3 does not refuse the form for an unlisted field", async () => {
    const f = await form();
    for (const [name, value] of Object.entries(f.fields)) {
      if (name === "Policy" || name === "X-Amz-Signature") continue;
      expect(has(f.policy.conditions, { [name]: value }), name).toBe(true);
    }
  });

  it("carries no checksum field or condition (the trap of presigned uploads)", async () => {
    const f = await form();
    expect(JSON.stringify(f.fields).toLowerCase()).not.toContain("checksum");
    expect(JSON.stringify(f.policy).toLowerCase()).not.toContain("checksum");
  });

  it("posts to the bucket's regional endpoint, the origin the CSP allows", async () => {
    const f = await form();
    const origin = files().origin;
    expect(origin).toBe(`https://${BUCKET}.s3.ap-southeast-3.amazonaws.com`);
    expect(new URL(f.url).origin).toBe(origin);
  });
});

describe("presigned GET links", () => {
  it("carry no x-amz-checksum parameter and expire in five minutes", async () => {
    for (const options of [
      { expiresSeconds: 300 },
      { expiresSeconds: 300, versionId: "v1", downloadName: "LPR-1-foto-1.jpg" },
    ]) {
      const url = new URL(await files().viewUrl("display/r/1.jpg", options));
      const names = [...url.searchParams.keys()].map((k) => k.toLowerCase());
      expect(names.filter((n) => n.includes("checksum"))).toEqual([]);
      expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    }
  });
});
