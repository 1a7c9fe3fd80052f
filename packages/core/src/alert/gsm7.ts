/**
 * The GSM 03.38 7-bit alphabet an SMS is sent in. A message with any other character falls back to UCS-2,
 * which halves the length of one SMS (70 characters) and doubles the cost of the same text.
 */
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Sent as an escape plus one character: each counts as two of the 160. */
const EXTENDED = "\f^{}\\[~]|€";

const basic = new Set(BASIC);
const extended = new Set(EXTENDED);

// Common look-alikes outside GSM-7, mostly typographic punctuation that phones and word processors insert.
const LOOKALIKE: Record<string, string> = {
  "‘": "'",
  "’": "'",
  "‚": "'",
  "‛": "'",
  "′": "'",
  "`": "'",
  "´": "'",
  "“": '"',
  "”": '"',
  "„": '"',
  "‟": '"',
  "″": '"',
  "«": '"',
  "»": '"',
  "‹": "'",
  "›": "'",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "–": "-",
  "—": "-",
  "―": "-",
  "−": "-",
  "…": "...",
  "•": "*",
  "·": ".",
  "×": "x",
  "÷": "/",
  "°": "o",
  "©": "(c)",
  "®": "(R)",
  "™": "TM",
  "¢": "c",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  ı: "i",
  œ: "oe",
  Œ: "OE",
  þ: "th",
  ð: "d",
};

// Emoji and the invisible characters that join or vary them carry no text: they are dropped.
const DROPPED = /^(\p{Extended_Pictographic}|\p{M}|\p{Cf}|[\u{FE00}-\u{FE0F}\u{1F3FB}-\u{1F3FF}])$/u;
const SPACE = /^(\s|\p{Z}|\p{Cc})$/u;

/** True when every character of `text` can be sent in GSM-7 (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

/** How many of an SMS's 160 septets `text` takes: two for each extension-table character. */
export function septets(text: string): number {
  let n = 0;
  for (const ch of text) n += extended.has(ch) ? 2 : 1;
  return n;
}

function transliterate(ch: string): string {
  if (basic.has(ch) || extended.has(ch)) return ch;
  const mapped = LOOKALIKE[ch];
  if (mapped !== undefined) return mapped;
  if (DROPPED.test(ch)) return "";
  // Accented letters: decompose and keep the base letter (ā -> a, ç -> c); ligatures expand (ﬁ -> fi).
  const stripped = ch.normalize("NFKD").replace(/\p{M}/gu, "");
  if (stripped && stripped !== ch && [...stripped].every((c) => basic.has(c))) return stripped;
  return "?";
}

/**
 * Rewrites `text` into one line of GSM-7: typographic quotes and dashes become their plain forms, accents
 * are removed, emoji are dropped and anything else unknown becomes `?`. Whitespace and control characters
 * become single spaces. The result always satisfies isGsm7.
 */
export function toGsm7(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += SPACE.test(ch) ? " " : transliterate(ch);
  return out.replace(/ {2,}/g, " ").trim();
}

/**
 * The longest prefix of GSM-7 `text` within `max` septets; when it had to be cut, the last character is a
 * `.` so a reader sees it was shortened. Never splits an extension-table pair.
 */
export function truncateSeptets(text: string, max: number): string {
  if (septets(text) <= max) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const cost = extended.has(ch) ? 2 : 1;
    if (used + cost > max - 1) break;
    out += ch;
    used += cost;
  }
  return max >= 1 ? `${out.trimEnd()}.` : "";
}
