import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { heifDimensions, sniffImageType } from "./magic";
import { parseOriginalKey } from "./rules";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("the real type of an upload, by its first bytes", () => {
  it("knows JPEG, PNG, WebP and HEIC", () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffImageType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0]))).toBe("image/heic");
  });

  it("refuses text named .jpg, SVG, GIF, PDF and truncated headers", () => {
    expect(sniffImageType(new TextEncoder().encode("Ini bukan foto, hanya teks.\n"))).toBeUndefined();
    expect(
      sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBeUndefined();
    expect(sniffImageType(bytes("GIF89a"))).toBeUndefined();
    expect(sniffImageType(bytes("%PDF-1.7"))).toBeUndefined();
    expect(sniffImageType(bytes([0xff, 0xd8]))).toBeUndefined();
    expect(sniffImageType(bytes([0, 0, 0, 0x18], "ftypavif"))).toBeUndefined();
  });

  it("never calls arbitrary bytes an image unless they start like one", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const type = sniffImageType(b);
        if (type === "image/jpeg") expect([...b.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        if (type === "image/png") expect(b[0]).toBe(0x89);
      }),
    );
  });

  it("reads a HEIC's size from its largest ispe box", () => {
    const ispe = (w: number, h: number) => {
      const b = new Uint8Array(20);
      const v = new DataView(b.buffer);
      v.setUint32(0, 20);
      b.set(bytes("ispe"), 4);
      v.setUint32(12, w);
      v.setUint32(16, h);
      return [...b];
    };
    const heic = bytes(
      [0, 0, 0, 0x18],
      "ftypheic",
      [0, 0, 0, 0],
      ispe(512, 512),
      ispe(4032, 3024),
      [0, 0, 0, 0],
    );
    expect(heifDimensions(heic)).toEqual({ width: 4032, height: 3024 });
    expect(heifDimensions(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
  });
});

describe("keys of originals", () => {
  it("are evidence/{uuid}/{1..5} and nothing else", () => {
    const id = "0b6c7a8e-5f5d-4a55-9b62-6b5f1f0e3c11";
    expect(parseOriginalKey(`evidence/${id}/1`)).toEqual({ reportId: id, slot: 1 });
    expect(parseOriginalKey(`evidence/${id}/5`)).toEqual({ reportId: id, slot: 5 });
    for (const bad of [
      `evidence/${id}/6`,
      `evidence/${id}/0`,
      `evidence/${id}/1.jpg`,
      `display/${id}/1`,
      `evidence/../1`,
      `evidence/${id}/1/x`,
    ]) {
      expect(parseOriginalKey(bad), bad).toBeUndefined();
    }
  });
});
