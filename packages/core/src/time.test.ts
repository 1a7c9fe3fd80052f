import { describe, expect, it } from "vitest";
import { wibDay } from "./time";

describe("WIB day", () => {
  it("turns over at midnight in Jakarta, 17:00 UTC", () => {
    expect(wibDay("2026-11-29T16:59:59.999Z")).toBe("2026-11-29");
    expect(wibDay("2026-11-29T17:00:00.000Z")).toBe("2026-11-30");
  });
});
