import metadata from "./metadata-id.json";

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: "invalid" | "not_indonesian" };

// libphonenumber-js's check with "min" metadata, without its parser (about 10 KB gzipped in the public
// form): find the national significant number as its parse() does, then its isValid() only asks whether
// that matches the national number pattern. phone.test.ts checks the two agree.
// Of Indonesia's entry, the check reads the calling code, the IDD prefix, the national number pattern and
// the national prefix (scripts/phone-metadata-source.ts). The parser weighs the entry's possible lengths
// only before dropping a national prefix; they come from the same pattern, so they never change the answer.
const { callingCode: CODE, iddPrefix: IDD, nationalNumber: PATTERN, nationalPrefix: PREFIX } = metadata;
const NATIONAL = new RegExp(`^(?:${PATTERN})$`);
const IDD_PREFIX = new RegExp(`^(?:${IDD})`);
// As the parser finds a number in text: from the first plus sign or digit to the last digit, with only its
// punctuation in between (dashes, slashes, dots, brackets, invisible spaces) but "~", which it may also
// read as an extension mark. So an extension ("… ext 12", "… x12") is refused, where the parser drops it.
const NUMBER_IN_TEXT =
  /^[^+\uff0b\d]*([+\uff0b]?[\d/[\]\u2010-\u2015\u2212\u30fc\uff0d\uff0f\uff0e\u00ad\u200b\u2060\uff08\uff09\uff3b\uff3d]*)[^\d#]*$/;
const INVALID: PhoneCheck = { ok: false, reason: "invalid" };

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
  if (compact.length > 250) return INVALID; // the parser's limit
  // Full-width and Arabic-Indic digits count; a full-width plus sign does not.
  const text = compact.replace(/[\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]/g, (d) =>
    String(d.charCodeAt(0) & 15),
  );
  const digits = NUMBER_IN_TEXT.exec(text)?.[1]?.replace(/[^+\d]/g, "") ?? "";
  const afterIdd = digits.replace(IDD_PREFIX, "");
  if (digits.startsWith("+") || (afterIdd !== digits && /^[1-9]/.test(afterIdd))) {
    // International, after "+" or after the IDD prefix (00[89]) when no 0 follows it: only 62 is known.
    const international = digits.startsWith("+") ? digits.slice(1) : afterIdd;
    return answer(
      international.startsWith(CODE) ? validNational(international.slice(CODE.length)) : undefined,
    );
  }
  // Written without "+", 62… counts as +62… only when it is not a valid national number as it is.
  const shorter =
    digits.startsWith(CODE) && !NATIONAL.test(digits) && validNational(digits.slice(CODE.length));
  return answer(shorter || validNational(digits));
}

function answer(national: string | undefined): PhoneCheck {
  return national ? { ok: true, e164: `+${CODE}${national}` } : INVALID;
}

/** The number if valid, without the national prefix (0) unless only the prefixed form is valid (as the parser). */
function validNational(number: string): string | undefined {
  const rest = number.startsWith(PREFIX) ? number.slice(PREFIX.length) : number;
  return NATIONAL.test(rest) ? rest : NATIONAL.test(number) ? number : undefined;
}
