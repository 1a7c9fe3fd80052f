import { OPEN_STATUSES, PRIORITIES, STATUSES } from "@lapora/core/browser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activeCount, apiQuery, type Filters, parseFilters, toSearch } from "./filters";

const day = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const code = fc.constantFrom("16.06.01", "16.06.15", "16.06.01.2001");

const filters: fc.Arbitrary<Filters> = fc
  .record(
    {
      sort: fc.constantFrom("newest" as const, "urgent" as const),
      status: fc.constantFrom(...STATUSES),
      priority: fc.constantFrom(...PRIORITIES),
      kecamatan: code,
      desa: code,
      from: day,
      to: day,
    },
    { requiredKeys: ["sort"] },
  )
  // The "most urgent" order lists open reports only, so a closed status cannot go with it.
  .filter((f) => f.sort === "newest" || !f.status || OPEN_STATUSES.includes(f.status));

describe("the queue's filters in the address", () => {
  it("defaults to the newest reports, unfiltered", () => {
    expect(parseFilters("")).toEqual({ sort: "newest" });
    expect(toSearch({ sort: "newest" })).toBe("");
  });

  it("reads what it writes, in one fixed order, so back and reload keep the same list", () => {
    fc.assert(
      fc.property(filters, (f) => {
        expect(parseFilters(toSearch(f))).toEqual(f);
        expect(toSearch(parseFilters(toSearch(f)))).toBe(toSearch(f));
      }),
    );
    expect(toSearch({ sort: "urgent", to: "2026-11-30", status: "diterima", kecamatan: "16.06.01" })).toBe(
      "?sort=urgent&status=diterima&kecamatan=16.06.01&to=2026-11-30",
    );
  });

  it("drops what it does not know rather than send it to the API", () => {
    expect(
      parseFilters(
        "?sort=oldest&status=hilang&priority=urgent&kecamatan=Sekayu&desa=1;drop&from=30-11-2026&x=1",
      ),
    ).toEqual({ sort: "newest" });
  });

  it("keeps a closed status only with the newest-first order", () => {
    expect(parseFilters("?status=selesai")).toEqual({ sort: "newest", status: "selesai" });
    expect(parseFilters("?sort=urgent&status=selesai")).toEqual({ sort: "urgent" });
    expect(parseFilters("?sort=urgent&status=ditangani")).toEqual({ sort: "urgent", status: "ditangani" });
  });

  it("counts the filters that narrow the list; the order is not one", () => {
    expect(activeCount({ sort: "urgent" })).toBe(0);
    expect(
      activeCount({ sort: "newest", status: "diterima", desa: "16.06.01.2001", from: "2026-11-01" }),
    ).toBe(3);
  });
});

describe("the API query of one page of the queue", () => {
  it("always names the order and a page of 20, and the cursor for the next page", () => {
    expect(apiQuery({ sort: "newest" })).toBe("/api/officer/reports?sort=newest&limit=20");
    expect(apiQuery({ sort: "urgent", priority: "darurat" }, "abc+/=")).toBe(
      "/api/officer/reports?sort=urgent&priority=darurat&limit=20&cursor=abc%2B%2F%3D",
    );
  });
});

describe("the overdue filter", () => {
  it("is kept in the address, counted, and sent to the API", () => {
    const f = parseFilters("?overdue=true&sort=urgent");
    expect(f).toEqual({ sort: "urgent", overdue: "true" });
    expect(toSearch(f)).toBe("?sort=urgent&overdue=true");
    expect(activeCount(f)).toBe(1);
    expect(apiQuery(f)).toContain("overdue=true");
    expect(parseFilters("?overdue=1")).toEqual({ sort: "newest" });
  });
});
