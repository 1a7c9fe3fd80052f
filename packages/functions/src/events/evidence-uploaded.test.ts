import { createHash } from "node:crypto";
import type { Evidence } from "@lapora/core";
import { createSharpImages } from "@lapora/core/sharp";
import { postWithForm, readJson, startEvidenceHarness, validReport } from "@lapora/testkit";
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvidenceUploadedHandler } from "./evidence-uploaded";

let h: Awaited<ReturnType<typeof startEvidenceHarness>>;
beforeAll(async () => {
  h = await startEvidenceHarness();
});
afterAll(() => h?.close());

interface Submitted {
  id: string;
  trackingCode: string;
  uploads: { token: string; forms: Evidence.UploadForm[]; maxPhotos: number };
}

async function submit(
  photos: string[],
  key?: string,
  body = validReport({ photos }),
): Promise<Submitted & { replayed: boolean }> {
  const res = await h.api.request("/api/reports", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(key ? { "Idempotency-Key": key } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return { ...(await readJson(res)), replayed: res.headers.get("Idempotent-Replayed") === "true" };
}

const askForms = (id: string, token: string, photos: { contentType: string; slot?: number }[]) =>
  h.api.request(`/api/reports/${id}/evidence`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ photos }),
  });

const jpeg = (width = 640, height = 480) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 110, b: 70 } } })
    .jpeg()
    .toBuffer();

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const exists = (key: string) => h.exists(key);

async function upload(
  form: Evidence.UploadForm,
  bytes: Uint8Array,
  options?: Parameters<typeof postWithForm>[2],
) {
  const res = await postWithForm(form, bytes, options);
  expect(res.status).toBe(204);
  await h.uploads.idle();
}

const photosOf = async (code: string) =>
  (await readJson(await h.api.request(`/api/reports/track/${code}`))).photos as number;

describe("evidence-uploaded, with real files through s3rver", () => {
  it("a valid JPEG becomes evidence with the SHA-256 of the original, and the public view counts it", async () => {
    const r = await submit(["image/jpeg"]);
    expect(r.uploads.forms.map((f) => f.slot)).toEqual([1]);
    expect(r.uploads.token).not.toContain(r.trackingCode);
    const photo = await jpeg();
    await upload(r.uploads.forms[0] as Evidence.UploadForm, photo);
    const slot = await h.deps.evidence.store.getSlot(r.id, 1);
    expect(slot).toMatchObject({ status: "attached", detectedType: "image/jpeg", bytes: photo.length });
    expect(slot?.sha256).toBe(sha256(photo));
    expect(await photosOf(r.trackingCode)).toBe(1);
    expect(await h.tags(`evidence/${r.id}/1`)).toEqual([{ Key: "evidence-state", Value: "verified" }]);
    const trail = await h.deps.audit.list(`report:${r.id}`);
    expect(trail.filter((e) => e.action === "evidence_received")).toHaveLength(1);
    expect(trail[0]?.note).toContain(sha256(photo));
  });

  it("a text file renamed .jpg is deleted and never attached", async () => {
    const r = await submit(["image/jpeg"]);
    const text = new TextEncoder().encode("Ini bukan foto. Hanya teks yang namanya diganti jadi .jpg\n");
    await upload(r.uploads.forms[0] as Evidence.UploadForm, text, {
      filename: "bukti.jpg",
      type: "image/jpeg",
    });
    expect(await exists(`evidence/${r.id}/1`)).toBe(false);
    expect(await h.deps.evidence.store.getSlot(r.id, 1)).toMatchObject({
      status: "rejected",
      rejectReason: "type",
    });
    expect(await photosOf(r.trackingCode)).toBe(0);
  });

  it("a JPEG with GPS in its EXIF gets a display copy with no EXIF at all; the original keeps its bytes", async () => {
    const r = await submit(["image/jpeg"]);
    const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#3a6" } })
      .withExif({
        IFD0: { Make: "LaporaTestPhone", Model: "X1" },
        IFD3: {
          GPSLatitudeRef: "S",
          GPSLatitude: "2/1 52/1 5736/100",
          GPSLongitudeRef: "E",
          GPSLongitude: "103/1 50/1 3516/100",
        },
      })
      .jpeg()
      .toBuffer();
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(-2.8826, 3) });
    await upload(r.uploads.forms[0] as Evidence.UploadForm, photo);

    const spkt = await h.deps.issuer.sign("80010001");
    const res = await h.api.request(`/api/officer/reports/${r.id}/evidence`, {
      headers: { Authorization: `Bearer ${spkt}` },
    });
    expect(res.status).toBe(200);
    const { items } = await readJson(res);
    expect(items).toHaveLength(1);
    const display = new Uint8Array(await (await fetch(items[0].display.url)).arrayBuffer());
    expect((await sharp(display).metadata()).width).toBe(1600);
    expect(await exifr.parse(display, true)).toBeUndefined();
    expect(await exifr.gps(display)).toBeUndefined();
    expect(items[0].sha256).toBe(sha256(photo));
  });

  it("a sixth photo is refused, by the API and by the processor", async () => {
    const r = await submit(["image/jpeg", "image/jpeg", "image/png", "image/jpeg", "image/webp"]);
    expect(r.uploads.forms.map((f) => f.slot)).toEqual([1, 2, 3, 4, 5]);
    const res = await askForms(r.id, r.uploads.token, [{ contentType: "image/jpeg" }]);
    expect(res.status).toBe(409);
    expect((await readJson(res)).message).toContain("at most 5");
    // An object put under the report's prefix at a key no form names (S3 would refuse it; s3rver does not).
    for (const key of [`evidence/${r.id}/6`, `evidence/${r.id}/foto-keenam.jpg`]) {
      await h.put(key, await jpeg(), "image/jpeg");
      await h.uploads.idle();
      expect(await exists(key)).toBe(false);
    }
    expect(await photosOf(r.trackingCode)).toBe(0);
  });

  it("a form used for another report is refused: wrong capability, and wrong key", async () => {
    const a = await submit(["image/jpeg"]);
    const b = await submit(["image/jpeg"]);
    const forbidden = await askForms(b.id, a.uploads.token, [{ contentType: "image/jpeg" }]);
    expect(forbidden.status).toBe(403);
    // The tracking code is not a capability either.
    expect(
      (await askForms(b.id, b.trackingCode.replace(/-/g, ""), [{ contentType: "image/jpeg" }])).status,
    ).toBe(403);
    // A's form, pointed at B's key (S3 refuses a changed key; the processor refuses A's form id).
    const formA = a.uploads.forms[0] as Evidence.UploadForm;
    await upload(formA, await jpeg(), { fields: { key: `evidence/${b.id}/1` } });
    expect(await exists(`evidence/${b.id}/1`)).toBe(false);
    expect(await h.deps.evidence.store.getSlot(b.id, 1)).toMatchObject({ status: "issued" });
    // B's own form still works.
    await upload(b.uploads.forms[0] as Evidence.UploadForm, await jpeg());
    expect(await photosOf(b.trackingCode)).toBe(1);
    expect(await photosOf(a.trackingCode)).toBe(0);
  });

  it("a replayed submission gets a new capability and the same slots, never more than five", async () => {
    const key = `photos-${crypto.randomUUID()}`;
    const body = validReport({ photos: ["image/jpeg", "image/jpeg", "image/jpeg"] });
    const first = await submit([], key, body);
    await upload(first.uploads.forms[0] as Evidence.UploadForm, await jpeg());
    const again = await submit([], key, body);
    expect(again.replayed).toBe(true);
    expect(again.id).toBe(first.id);
    expect(again.uploads.token).not.toBe(first.uploads.token);
    // Slot 1 is filled: the replay re-signs only 2 and 3.
    expect(again.uploads.forms.map((f) => f.slot)).toEqual([2, 3]);
    expect((await h.deps.evidence.store.listSlots(first.id)).map((s) => s.slot)).toEqual([1, 2, 3]);
    // Both capabilities work; together they still reach only five slots.
    const more = await askForms(first.id, first.uploads.token, [
      { contentType: "image/jpeg" },
      { contentType: "image/jpeg" },
      { contentType: "image/jpeg" },
    ]);
    expect(more.status).toBe(200);
    expect((await readJson(more)).forms.map((f: Evidence.UploadForm) => f.slot)).toEqual([4, 5]);
    expect((await askForms(first.id, again.uploads.token, [{ contentType: "image/png" }])).status).toBe(409);
  });

  it("a failed photo is retried with a fresh form for its slot; the old form's upload is refused", async () => {
    const r = await submit(["image/jpeg"]);
    const old = r.uploads.forms[0] as Evidence.UploadForm;
    const res = await askForms(r.id, r.uploads.token, [{ contentType: "image/jpeg", slot: 1 }]);
    expect(res.status).toBe(200);
    const [fresh] = (await readJson(res)).forms as Evidence.UploadForm[];
    expect(fresh?.slot).toBe(1);
    await upload(old, await jpeg());
    expect(await exists(`evidence/${r.id}/1`)).toBe(false);
    await upload(fresh as Evidence.UploadForm, await jpeg());
    expect(await photosOf(r.trackingCode)).toBe(1);
    const filled = await askForms(r.id, r.uploads.token, [{ contentType: "image/jpeg", slot: 1 }]);
    expect(filled.status).toBe(409);
  });

  it("is idempotent: S3 delivering the same event twice attaches once", async () => {
    const r = await submit(["image/jpeg"]);
    const photo = await jpeg();
    await upload(r.uploads.forms[0] as Evidence.UploadForm, photo);
    const eTag = createHash("md5").update(photo).digest("hex");
    const handler = createEvidenceUploadedHandler({
      bucket: h.bucket,
      ...h.deps.evidence,
      images: createSharpImages(),
      retentionDays: 0,
      log: () => {},
    });
    const event = {
      Records: [
        {
          eventName: "ObjectCreated:Post",
          s3: { bucket: { name: h.bucket }, object: { key: `evidence/${r.id}/1`, size: photo.length, eTag } },
        },
      ],
    };
    expect(await handler(event)).toEqual([{ outcome: "duplicate" }]);
    const trail = await h.deps.audit.list(`report:${r.id}`);
    expect(trail.filter((e) => e.action === "evidence_received")).toHaveLength(1);
  });
});

describe("viewing evidence", () => {
  let r: Submitted;
  beforeAll(async () => {
    r = await submit(["image/jpeg"]);
    await upload(r.uploads.forms[0] as Evidence.UploadForm, await jpeg());
  });
  const as = async (nrp: string, path: string, method = "GET") =>
    h.api.request(`/api/officer/reports/${r.id}/evidence${path}`, {
      method,
      headers: { Authorization: `Bearer ${await h.deps.issuer.sign(nrp)}` },
    });

  it("officers who may read the report get display links; others get 403", async () => {
    expect((await as("80010004", "")).status).toBe(200); // kapolsek of Sekayu
    expect((await as("80010002", "")).status).toBe(200); // Bhabinkamtibmas of Soak Baru
    expect((await as("80010003", "")).status).toBe(403); // Bhabinkamtibmas in Bayung Lencir
    const body = await readJson(await as("80010005", "")); // pimpinan reads all
    expect(body.canDownloadOriginal).toBe(false);
    expect(body.items[0].display.url).toContain("/display/");
    expect(body.items[0].display.url).not.toContain("/evidence/");
  });

  it("originals only for SPKT and admin, each download in the audit trail", async () => {
    expect((await as("80010004", "/1/original", "POST")).status).toBe(403);
    expect((await as("80010005", "/1/original", "POST")).status).toBe(403);
    const res = await as("80010001", "/1/original", "POST");
    expect(res.status).toBe(200);
    const { url, sha256: hash } = await readJson(res);
    const original = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(sha256(original)).toBe(hash);
    expect((await as("80010006", "/1/original", "POST")).status).toBe(200);
    const downloads = (await h.deps.audit.list(`report:${r.id}`)).filter(
      (e) => e.action === "download_original",
    );
    expect(downloads.map((e) => e.actorNrp)).toEqual(["80010001", "80010006"]);
    expect((await as("80010001", "/2/original", "POST")).status).toBe(404);
  });
});
