import { messageFor } from "@lapora/core/browser";
import { describe, expect, it } from "vitest";
import { emptyState, type FormState, toBody } from "./form-state";
import { fieldOf, toFieldErrors, validate } from "./validate";

const NOW = new Date();
const complete = (patch: Partial<FormState> = {}): FormState => ({
  ...emptyState(new Date(NOW.getTime() - 60 * 60_000)),
  category: "pencurian",
  happeningNow: "no",
  kecamatan: "16.06.01", // Sekayu
  desa: "16.06.01.1009", // Kayu Ara, in Sekayu
  desaText: "Kayu Ara",
  description: "Motor saya dicuri di depan rumah tadi malam.",
  ...patch,
});

describe("which error slot a field path belongs to", () => {
  it("keeps the reporter's two fields apart and folds the rest onto their top-level field", () => {
    expect(fieldOf("reporter.phone")).toBe("reporter.phone");
    expect(fieldOf("reporter.name")).toBe("reporter.name");
    expect(fieldOf("location.lat")).toBe("location");
    expect(fieldOf("desa")).toBe("desa");
  });

  it("puts anything it does not know on the form as a whole", () => {
    expect(fieldOf("reporter")).toBe("form");
    expect(fieldOf("photos.0")).toBe("form");
    expect(fieldOf("")).toBe("form");
  });

  it("keeps the first problem of each field", () => {
    expect(
      toFieldErrors([
        { field: "description", code: "description.too_short" },
        { field: "description", code: "description.invalid" },
        { field: "location.lon", code: "location.outside" },
        { field: "nonsense", code: "unknown_field" },
      ]),
    ).toEqual({ description: "description.too_short", location: "location.outside", form: "unknown_field" });
  });
});

describe("validating by the rules the server runs", () => {
  it("passes a complete form and names a missing answer", () => {
    expect(validate(toBody(complete()))).toEqual({});
    expect(validate(toBody(complete({ category: "" })))).toEqual({ category: "required" });
  });

  it("names every missing answer of an empty form, with a message in each language", () => {
    const errors = validate(toBody(emptyState()));
    expect(Object.keys(errors).sort()).toEqual([
      "category",
      "desa",
      "description",
      "happeningNow",
      "kecamatan",
    ]);
    expect(messageFor(errors.kecamatan ?? "", "id")).toBe("Wajib diisi.");
    expect(messageFor(errors.kecamatan ?? "", "en")).toBe("This field is required.");
  });

  it("asks to choose a desa from the list when the typed name matches none", () => {
    const errors = validate(toBody(complete({ desa: "", desaText: "Kayu Arra" })));
    expect(errors).toEqual({ desa: "desa.invalid" });
  });

  it("refuses a desa of another kecamatan", () => {
    const errors = validate(toBody(complete({ desa: "16.06.02.2001", desaText: "Danau Cala" })));
    expect(errors).toEqual({ desa: "desa.not_in_kecamatan" });
  });

  it("checks the phone number only when the reporter gives a name and number", () => {
    expect(validate(toBody(complete({ phone: "123" })))).toEqual({});
    const named = complete({ anonymous: false, name: "Budi", phone: "123" });
    expect(Object.keys(validate(toBody(named)))).toEqual(["reporter.phone"]);
    expect(validate(toBody({ ...named, phone: "0812 3456 7890" }))).toEqual({});
  });

  it("refuses a time in the future and a place outside Musi Banyuasin", () => {
    const tomorrow = new Date(NOW.getTime() + 24 * 60 * 60_000);
    const future = complete({ occurredAt: emptyState(tomorrow).occurredAt });
    expect(validate(toBody(future))).toEqual({ occurredAt: "occurredAt.future" });
    const jakarta = complete({ location: { lat: -6.2, lon: 106.8 } });
    expect(validate(toBody(jakarta))).toEqual({ location: "location.outside" });
  });
});
