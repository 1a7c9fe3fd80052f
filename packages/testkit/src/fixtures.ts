import { Region } from "@lapora/core";

/**
 * A valid report body, as the web app sends it (with the form's honeypot left empty and the seconds it was
 * open); override any field. The desa is Soak Baru in Sekayu.
 */
export function validReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const kecamatan = Region.listKecamatan()[0];
  return {
    category: "pencurian",
    happeningNow: false,
    kecamatan: kecamatan?.code,
    desa: "16.06.01.1011",
    occurredAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    description: "Sepeda motor Honda Beat hilang dari depan rumah tadi malam.",
    reporter: { anonymous: true },
    form: { website: "", fillSeconds: 45 },
    ...overrides,
  };
}

/** A response body as loosely typed JSON, for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely and assert their shape.
export const readJson = (res: Response): Promise<any> => res.json();

/** The report's own fields of validReport, without what the form adds: what Report.parseReportInput takes. */
export function reportFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { form: _form, ...fields } = validReport(overrides);
  return fields;
}
