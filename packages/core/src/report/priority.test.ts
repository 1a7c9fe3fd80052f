import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "./category";
import { derivePriority, PRIORITIES } from "./priority";

const rank = (p: string) => PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);

describe("priority", () => {
  it("makes a theft or assault in progress darurat", () => {
    expect(derivePriority("pencurian", true)).toBe("darurat");
    expect(derivePriority("penganiayaan", true)).toBe("darurat");
    expect(derivePriority("karhutla", true)).toBe("darurat");
  });

  it("ranks harm above property above nuisance when it is over", () => {
    expect(derivePriority("kdrt", false)).toBe("tinggi");
    expect(derivePriority("pencurian", false)).toBe("sedang");
    expect(derivePriority("perjudian", false)).toBe("rendah");
  });

  it("is never lowered by happening now, and never darurat for a past incident", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATEGORIES), (c) => {
        expect(rank(derivePriority(c, true))).toBeLessThanOrEqual(rank(derivePriority(c, false)));
        expect(derivePriority(c, false)).not.toBe("darurat");
      }),
    );
  });
});
