import { type MetadataJson, parsePhoneNumberFromString } from "libphonenumber-js/core";
import metadata from "./metadata-id.json";

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: "invalid" | "not_indonesian" };

/**
 * Reads an Indonesian phone number as people write it (0812-3456-7890, +62 812…, 62812…) and returns it
 * in E.164 (+62…). A number with another country's calling code is `not_indonesian`; anything that is not
 * a possible Indonesian number is `invalid`. Uses Indonesia's metadata only (see metadata-id.json).
 */
export function parseIndonesianPhone(raw: string): PhoneCheck {
  // "00" is how many people write "+" (it is not Indonesia's international prefix, so the parser would
  // read 0062… as a national number).
  const compact = raw.replace(/[\s().-]/g, "").replace(/^00/, "+");
  if (/^\+(?!62)\d/.test(compact)) return { ok: false, reason: "not_indonesian" };
  const parsed = parsePhoneNumberFromString(compact, "ID", metadata as MetadataJson);
  if (!parsed?.isValid()) return { ok: false, reason: "invalid" };
  return { ok: true, e164: parsed.number };
}
