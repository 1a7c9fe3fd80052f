import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "../errors";
import { FakeAuditStore, FakeEvidenceFiles, FakeEvidenceStore } from "../testing/fakes";
import { FORM_META, FORM_TTL_SECONDS, MAX_BYTES, UPLOAD_WINDOW_SECONDS } from "./rules";
import type { EvidenceSlot, UploadForm } from "./types";
import { hashSecret, openUploads, requestForms } from "./uploads";

const REPORT = { id: "0b6c7a8e-5f5d-4a55-9b62-6b5f1f0e3c11", createdAt: "2026-11-28T01:00:00.000Z" };
const AT = new Date(REPORT.createdAt);
const later = (seconds: number) => new Date(AT.getTime() + seconds * 1000);

function setup() {
  const store = new FakeEvidenceStore(new FakeAuditStore());
  const files = new FakeEvidenceFiles();
  return { store, files, deps: { store, files } };
}

const formIdOf = (form: UploadForm) => form.fields[`x-amz-meta-${FORM_META}`];

/** What evidence-uploaded does for a valid image: the slot is filled under the form id it carried. */
async function fill(store: FakeEvidenceStore, slot: EvidenceSlot) {
  const at = AT.toISOString();
  const item = {
    ...slot,
    status: "attached" as const,
    detectedType: slot.contentType,
    bytes: 1,
    sha256: "ab",
  };
  const audit = { subject: `report:${slot.reportId}`, auditId: `${at}#${slot.slot}`, at };
  const attached = await store.attach(item, {
    ...audit,
    actorNrp: "evidence-uploaded",
    actorRole: "system",
    action: "evidence_received",
  });
  expect(attached).toBe(true);
}

describe("opening uploads with a new report", () => {
  it("stores the capability only as its hash, and hands out one form per photo", async () => {
    const { store, deps } = setup();
    const grant = await openUploads(deps, REPORT, ["image/jpeg", "image/heic"], AT);
    expect(JSON.stringify([...store.access.values()])).not.toContain(grant.token);
    expect(store.access.get(REPORT.id)).toEqual({
      secretHashes: [hashSecret(grant.token)],
      openUntil: AT.getTime() / 1000 + UPLOAD_WINDOW_SECONDS,
      updatedAt: AT.toISOString(),
    });
    expect(grant.maxPhotos).toBe(5);
    expect(grant.forms.map((f) => [f.slot, f.contentType, f.fields.key])).toEqual([
      [1, "image/jpeg", `evidence/${REPORT.id}/1`],
      [2, "image/heic", `evidence/${REPORT.id}/2`],
    ]);
    const slots = await store.listSlots(REPORT.id);
    expect(grant.forms.map(formIdOf)).toEqual(slots.map((s) => s.formId));
    expect(grant.forms[0]).toMatchObject({
      maxBytes: MAX_BYTES,
      expiresAt: later(FORM_TTL_SECONDS).toISOString(),
      fields: { "Content-Type": "image/jpeg", "x-fake-expires": String(FORM_TTL_SECONDS) },
    });
  });

  it("makes no slot beyond the fifth", async () => {
    const { store, deps } = setup();
    const grant = await openUploads(deps, REPORT, Array(7).fill("image/png"), AT);
    expect(grant.forms.map((f) => f.slot)).toEqual([1, 2, 3, 4, 5]);
    expect(await store.listSlots(REPORT.id)).toHaveLength(5);
  });

  it("on a replay re-signs the same slots with new form ids, and every capability keeps working", async () => {
    const { store, deps } = setup();
    const first = await openUploads(deps, REPORT, ["image/jpeg", "image/png"], AT);
    const replay = await openUploads(deps, REPORT, ["image/jpeg", "image/png"], later(5));
    expect(replay.forms.map((f) => f.slot)).toEqual([1, 2]);
    expect(replay.token).not.toBe(first.token);
    expect(replay.forms.map(formIdOf)).not.toContain(formIdOf(first.forms[0] as UploadForm));
    expect((await store.listSlots(REPORT.id)).map((s) => s.formId)).toEqual(replay.forms.map(formIdOf));
    for (const token of [first.token, replay.token]) {
      const { forms } = await requestForms(
        deps,
        REPORT.id,
        token,
        { photos: [{ contentType: "image/webp" }] },
        later(10),
      );
      expect(forms).toHaveLength(1);
    }
  });

  it("gives a filled slot no form on a replay", async () => {
    const { store, deps } = setup();
    await openUploads(deps, REPORT, ["image/jpeg", "image/jpeg"], AT);
    await fill(store, (await store.getSlot(REPORT.id, 1)) as EvidenceSlot);
    const replay = await openUploads(deps, REPORT, ["image/jpeg", "image/jpeg"], later(5));
    expect(replay.forms.map((f) => f.slot)).toEqual([2]);
    expect((await store.getSlot(REPORT.id, 1))?.status).toBe("attached");
  });

  it("never mints more slots than the largest request asked for, nor more than 5, however often replayed", async () => {
    const photos = fc.array(fc.constantFrom("image/jpeg" as const, "image/heic" as const), { maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(fc.array(photos, { minLength: 1, maxLength: 6 }), async (replays) => {
        const { store, deps } = setup();
        for (const p of replays) await openUploads(deps, REPORT, p, AT);
        const most = Math.min(5, Math.max(...replays.map((p) => p.length)));
        expect((await store.listSlots(REPORT.id)).map((s) => s.slot)).toEqual(
          Array.from({ length: most }, (_, i) => i + 1),
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe("asking for more forms with the capability", () => {
  async function opened(photos = 2) {
    const s = setup();
    const grant = await openUploads(s.deps, REPORT, Array(photos).fill("image/jpeg"), AT);
    return { ...s, grant };
  }
  const jpegs = (n: number) => ({
    photos: Array.from({ length: n }, () => ({ contentType: "image/jpeg" as const })),
  });
  const one = jpegs(1);

  it("is Forbidden with a wrong, empty, other report's or expired token", async () => {
    const { deps, grant } = await opened();
    const other = "7c1e4a38-0000-4000-8000-000000000000";
    await expect(requestForms(deps, REPORT.id, "not-the-token", one, AT)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(requestForms(deps, REPORT.id, "", one, AT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestForms(deps, other, grant.token, one, AT)).rejects.toBeInstanceOf(ForbiddenError);
    const end = UPLOAD_WINDOW_SECONDS;
    expect((await requestForms(deps, REPORT.id, grant.token, one, later(end - 1))).forms).toHaveLength(1);
    await expect(requestForms(deps, REPORT.id, grant.token, one, later(end))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("retries a named slot with a fresh form id, so the old form's upload is refused", async () => {
    const { store, deps, grant } = await opened();
    const before = formIdOf(grant.forms[1] as UploadForm);
    const request = { photos: [{ contentType: "image/png" as const, slot: 2 }] };
    const { forms, remaining } = await requestForms(deps, REPORT.id, grant.token, request, later(60));
    expect(forms.map((f) => [f.slot, f.contentType])).toEqual([[2, "image/png"]]);
    expect(formIdOf(forms[0] as UploadForm)).not.toBe(before);
    expect((await store.getSlot(REPORT.id, 2))?.formId).toBe(formIdOf(forms[0] as UploadForm));
    expect(remaining).toBe(3);
  });

  it("refuses a named slot that is filled or was never started", async () => {
    const { store, deps, grant } = await opened();
    await fill(store, (await store.getSlot(REPORT.id, 1)) as EvidenceSlot);
    for (const slot of [1, 4]) {
      const request = { photos: [{ contentType: "image/jpeg" as const, slot }] };
      await expect(requestForms(deps, REPORT.id, grant.token, request, AT)).rejects.toBeInstanceOf(
        ConflictError,
      );
    }
  });

  it("takes the next free slots, counts what is left, and refuses once all 5 are taken", async () => {
    const { store, deps, grant } = await opened(2);
    const first = await requestForms(deps, REPORT.id, grant.token, jpegs(2), AT);
    expect([first.forms.map((f) => f.slot), first.remaining]).toEqual([[3, 4], 1]);
    const second = await requestForms(deps, REPORT.id, grant.token, jpegs(3), AT);
    expect([second.forms.map((f) => f.slot), second.remaining]).toEqual([[5], 0]);
    await expect(requestForms(deps, REPORT.id, grant.token, one, AT)).rejects.toBeInstanceOf(ConflictError);
    expect(await store.listSlots(REPORT.id)).toHaveLength(5);
  });
});
