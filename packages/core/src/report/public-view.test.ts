import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPublicView } from "./public-view";
import { create } from "./service";

describe("public view of a report", () => {
  it("never carries the reporter's name, phone, coordinates or description", () => {
    const name = fc.string({ minLength: 2, maxLength: 40 }).filter((s) => s.trim().length >= 2);
    fc.assert(
      fc.property(
        name,
        fc.double({ min: -3.3, max: -1.3, noNaN: true }),
        fc.double({ min: 103, max: 104.8, noNaN: true }),
        (n, lat, lon) => {
          const phone = "+6281234567890";
          const report = create(
            {
              category: "penganiayaan",
              happeningNow: true,
              kecamatan: "16.06.01",
              desa: "16.06.01.1011",
              occurredAt: "2026-11-28T00:00:00.000Z",
              description: "Ada keributan di pasar, satu orang terluka.",
              location: { lat, lon },
              reporter: { anonymous: false, name: n, phone },
            },
            new Date("2026-11-28T01:00:00Z"),
            "id-1",
            "LPR-0000-0000-0000-0",
          );
          const view = toPublicView(report);
          const json = JSON.stringify(view);
          expect(json).not.toContain(phone);
          expect(json).not.toContain(String(lat));
          expect(json).not.toContain(String(lon));
          expect(Object.keys(view)).not.toContain("reporter");
          expect(Object.keys(view)).not.toContain("location");
          // What happened is the reporter's own (code plus secret), never the code alone's.
          expect(json).not.toContain("keributan");
          expect(view.desa).toEqual({ code: "16.06.01.1011", name: "Soak baru" });
        },
      ),
    );
  });
});
