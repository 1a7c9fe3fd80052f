import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalSecret, hashReporterSecret, newReporterSecret, SECRET_LENGTH } from "./secret";

describe("the reporter secret", () => {
  it("is 24 Crockford characters (120 bits) in groups of four, new each time", () => {
    const secrets = new Set(Array.from({ length: 200 }, () => newReporterSecret()));
    expect(secrets.size).toBe(200);
    for (const s of secrets) expect(s).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(SECRET_LENGTH * 5).toBeGreaterThanOrEqual(100);
  });

  it("reads as typed: any case, spaces or no dashes, O for 0 and I or L for 1", () => {
    const secret = newReporterSecret(() => new Uint8Array(SECRET_LENGTH).fill(1)); // all "1"
    expect(canonicalSecret(secret)).toBe("1".repeat(24));
    expect(canonicalSecret("iiii llll IIII LLLL 1111 1111")).toBe("1".repeat(24));
    expect(canonicalSecret("oooo-0000-OOOO-0000-0000-0000")).toBe("0".repeat(24));
    expect(hashReporterSecret("iiii-llll-IIII-LLLL-1111-1111")).toBe(hashReporterSecret(secret));
  });

  it("refuses what cannot be a secret", () => {
    for (const bad of ["", "ABCD", "U".repeat(24), `${"A".repeat(24)}B`, "!".repeat(24)])
      expect(canonicalSecret(bad)).toBeUndefined();
  });

  it("hashes every secret to its own value, and any typing of it to the same one", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), (bytes) => {
        const secret = newReporterSecret(() => bytes);
        const hash = hashReporterSecret(secret);
        expect(hash).toMatch(/^[0-9a-f]{64}$/);
        expect(hashReporterSecret(secret.toLowerCase().replaceAll("-", ""))).toBe(hash);
        expect(hash).not.toContain(secret.replaceAll("-", "").toLowerCase());
      }),
    );
  });
});
