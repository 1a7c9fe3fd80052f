/**
 * In-memory EvidenceFiles: a versioned bucket, like adapters/aws/s3-evidence-files.ts on AWS, whose
 * upload forms and links are deterministic strings made from their inputs.
 */
import { uploadFields } from "../evidence/policy";
import type { ContentType } from "../evidence/rules";
import type { EvidenceFiles, StoredObject } from "../evidence/types";
import { type Journal, tick } from "./fake-kit";

/** One version of an object (a `null` in an object's list is a delete marker). */
interface Version {
  versionId: string;
  bytes: Uint8Array;
  metadata: Record<string, string>;
  tags: Record<string, string>;
  retainUntil?: Date;
}

/** A versioned bucket in memory. Forms and links are plain strings made from their inputs. */
export class FakeEvidenceFiles implements EvidenceFiles {
  readonly origin = "https://evidence.test";
  readonly objects = new Map<string, (Version | null)[]>();
  private versions = 0;
  constructor(
    private readonly journal: Journal = [],
    private readonly options: { objectLock?: boolean } = {},
  ) {}

  /** What a browser's POST of a form does: a new version of `key`. Returns its version id. */
  upload(key: string, bytes: Uint8Array, metadata: Record<string, string> = {}): string {
    const versionId = `v${++this.versions}`;
    const list = this.objects.get(key) ?? [];
    list.push({ versionId, bytes: bytes.slice(), metadata: { ...metadata }, tags: {} });
    this.objects.set(key, list);
    return versionId;
  }

  private find(key: string, versionId: string | undefined): Version | undefined {
    const list = this.objects.get(key) ?? [];
    if (versionId === undefined) return list.at(-1) ?? undefined;
    return list.find((v) => v?.versionId === versionId) ?? undefined;
  }

  async createUploadForm(input: {
    key: string;
    contentType: ContentType;
    formId: string;
    expiresSeconds: number;
  }) {
    this.journal.push(`files.createUploadForm ${input.key}`);
    await tick();
    const fields = { key: input.key, ...uploadFields(input.contentType, input.formId) };
    return { url: `${this.origin}/`, fields: { ...fields, "x-fake-expires": String(input.expiresSeconds) } };
  }

  async read(
    key: string,
    versionId: string | undefined,
    maxBytes: number,
  ): Promise<StoredObject | undefined> {
    await tick();
    const v = this.find(key, versionId);
    if (!v) return undefined;
    const size = v.bytes.length;
    return { bytes: size > maxBytes ? undefined : v.bytes.slice(), size, metadata: { ...v.metadata } };
  }

  async remove(key: string, versionId: string | undefined) {
    this.journal.push(`files.remove ${key}`);
    await tick();
    const list = this.objects.get(key) ?? [];
    if (versionId === undefined) {
      list.push(null);
    } else {
      const i = list.findIndex((v) => v?.versionId === versionId);
      const locked = list[i]?.retainUntil;
      if (locked && locked > new Date()) throw new Error("AccessDenied: this version is under Object Lock.");
      if (i >= 0) list.splice(i, 1);
    }
    this.objects.set(key, list);
  }

  async putDisplay(key: string, bytes: Uint8Array) {
    this.journal.push(`files.putDisplay ${key}`);
    await tick();
    this.upload(key, bytes, {});
  }

  async markVerified(key: string, versionId: string | undefined) {
    this.journal.push(`files.markVerified ${key}`);
    await tick();
    const v = this.find(key, versionId);
    if (!v) throw new Error(`NoSuchKey: ${key}`);
    v.tags = { ...v.tags, "evidence-state": "verified" };
  }

  async retain(key: string, versionId: string | undefined, until: Date) {
    this.journal.push(`files.retain ${key}`);
    await tick();
    if (!this.options.objectLock) return;
    const v = this.find(key, versionId);
    if (!v) throw new Error(`NoSuchKey: ${key}`);
    v.retainUntil = until;
  }

  async viewUrl(key: string, options: { versionId?: string; downloadName?: string; expiresSeconds: number }) {
    this.journal.push(`files.viewUrl ${key}`);
    await tick();
    // Signing a link reads nothing, as with S3: a link to a missing object is still made.
    const query = new URLSearchParams({ "X-Amz-Expires": String(options.expiresSeconds) });
    if (options.versionId) query.set("versionId", options.versionId);
    if (options.downloadName)
      query.set("response-content-disposition", `attachment; filename="${options.downloadName}"`);
    return `${this.origin}/${key}?${query}`;
  }
}
