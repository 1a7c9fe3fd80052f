/**
 * The evidence bucket's S3 server access log, without the reporters. Reporters' phones upload photos straight
 * to that bucket, so each record S3 writes holds the sender's full address, user agent and referrer, which
 * Lapora promises never to keep. S3 delivers its files to a raw prefix; `access-log-scrub` rewrites each
 * one (this module) into the kept prefix and deletes the raw file. What is kept of a record: everything
 * but the remote address, cut to its network (IPv4 /24, IPv6 /48), and the referrer and user agent, `"-"`.
 *
 * The format is AWS's "Amazon S3 server access log format": one record a line, fields separated by one
 * space, the time in brackets, the request-URI, referrer and user agent in double quotes (a quote inside
 * escaped with a backslash), `-` for a field that does not apply; S3 adds fields at the end over time.
 * A line that does not read as such a record is dropped and counted, never kept as it came.
 */

/** Where S3 delivers the evidence bucket's access log in its log bucket, and where the scrubbed files are kept. */
export const EVIDENCE_ACCESS_LOG = { raw: "evidence-access-raw/", kept: "evidence-access/" } as const;

/** 0-based positions of the fields this module reads or rewrites. */
const FIELD = { time: 2, remoteIp: 3, requestUri: 8, status: 9, referrer: 15, userAgent: 16, signature: 19 };
/** The fields every record has had since the format's first version, up to the version id. */
const MIN_FIELDS = 18;
/** What S3 writes for a referrer or user agent that is absent, and what the kept log holds instead of one. */
const ABSENT = '"-"';
/** A referrer or user agent shorter than this is too common to look for elsewhere in the record. */
const SEARCHED_LENGTH = 8;

/** The text of a scrubbed log file, with its records kept and the lines dropped as unreadable. */
export interface ScrubbedLog {
  text: string;
  records: number;
  dropped: number;
}

/** The address with its host part cut: IPv4 to its /24 (`192.0.2.0`), IPv6 to its /48 (`2001:db8:1::`). */
export function truncateAddress(address: string): string | undefined {
  const v4 = ipv4(address);
  if (v4) return `${v4[0]}.${v4[1]}.${v4[2]}.0`;
  const v6 = ipv6(address);
  if (!v6) return undefined;
  // An IPv4 address written as IPv6 (::ffff:a.b.c.d) keeps its /24, not a /48 of zeros.
  if (v6.slice(0, 5).every((w) => w === 0) && v6[5] === 0xffff) {
    const [hi = 0, lo = 0] = [v6[6], v6[7]];
    return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.0`;
  }
  const kept = v6.slice(0, 3);
  while (kept.length > 0 && kept.at(-1) === 0) kept.pop();
  return `${kept.map((w) => w.toString(16)).join(":")}::`;
}

/**
 * Scrubs an S3 server access log file: on every record the remote address is cut to its network and the
 * referrer and user agent become `"-"`; every other field, and the order of records, is kept. A line that
 * cannot be read as a record, or that would still hold the address, referrer or user agent after scrubbing
 * (a field S3 might add one day), is dropped and counted in `dropped`. Empty lines are skipped.
 */
export function scrubAccessLog(text: string): ScrubbedLog {
  const kept: string[] = [];
  let dropped = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line === "") continue;
    const scrubbed = scrubRecord(line);
    if (scrubbed === undefined) dropped++;
    else kept.push(scrubbed);
  }
  return { text: kept.map((l) => `${l}\n`).join(""), records: kept.length, dropped };
}

function scrubRecord(line: string): string | undefined {
  const fields = splitFields(line);
  if (!fields || !isRecord(fields)) return undefined;
  const address = fields[FIELD.remoteIp] as string;
  const cut = address === "-" ? "-" : truncateAddress(address);
  if (cut === undefined) return undefined;
  const texts = [fields[FIELD.referrer], fields[FIELD.userAgent]]
    .flatMap((f) => [(f as string).slice(1, -1), unquote(f as string)])
    .filter((text) => text.length >= SEARCHED_LENGTH);
  fields[FIELD.remoteIp] = cut;
  fields[FIELD.referrer] = ABSENT;
  fields[FIELD.userAgent] = ABSENT;
  const out = fields.join(" ");
  const leaks = (address !== cut && holdsAddress(out, address)) || texts.some((text) => out.includes(text));
  return leaks ? undefined : out;
}

/** True when `text` holds `address` as a whole address, not inside a longer one or a name (`sts::1234…`). */
export function holdsAddress(text: string, address: string): boolean {
  const edge = /[0-9A-Za-z:.]/;
  for (let at = text.indexOf(address); at >= 0; at = text.indexOf(address, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + address.length] ?? " ";
    if (!edge.test(before) && !edge.test(after)) return true;
  }
  return false;
}

/** The shape checks that tell a record from a line whose fields moved (or from anything else). */
function isRecord(fields: string[]): boolean {
  const at = (i: number) => fields[i] ?? "";
  const quotedOrDash = (i: number) => at(i) === "-" || isQuoted(at(i));
  return (
    fields.length >= MIN_FIELDS &&
    /^\[[^\]]+\]$/.test(at(FIELD.time)) &&
    /^(-|\d{3})$/.test(at(FIELD.status)) &&
    quotedOrDash(FIELD.requestUri) &&
    quotedOrDash(FIELD.referrer) &&
    quotedOrDash(FIELD.userAgent) &&
    (fields.length <= FIELD.signature || /^(-|SigV\w+)$/.test(at(FIELD.signature)))
  );
}

/**
 * The fields of one line: a bracketed time, a double-quoted string (a backslash escapes the next
 * character) or a run of other characters, each followed by one space or the end of the line. Undefined
 * when the line is not made of such fields (an unclosed quote, two spaces, a quote that runs into text).
 */
function splitFields(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  while (i < line.length) {
    let end: number;
    if (line[i] === '"') end = closingQuote(line, i + 1);
    else if (line[i] === "[") end = line.indexOf("]", i) + 1;
    else {
      end = line.indexOf(" ", i);
      if (end < 0) end = line.length;
    }
    if (end <= i) return undefined;
    fields.push(line.slice(i, end));
    if (end === line.length) return fields;
    if (line[end] !== " ") return undefined;
    i = end + 1;
  }
  // The line ended with a space: an empty last field, which S3 never writes.
  return undefined;
}

/** The index just after the quote that closes a string opened before `from`, or -1. */
function closingQuote(line: string, from: number): number {
  for (let j = from; j < line.length; j++) {
    if (line[j] === "\\") j++;
    else if (line[j] === '"') return j + 1;
  }
  return -1;
}

const isQuoted = (field: string) => field.length >= 2 && field.startsWith('"') && field.endsWith('"');
const unquote = (field: string) => (isQuoted(field) ? field.slice(1, -1).replace(/\\(.)/g, "$1") : field);

function ipv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** The eight 16-bit words of an IPv6 address in any of its textual forms (RFC 4291 2.2), or undefined. */
function ipv6(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const words = (part: string): string[] => (part === "" ? [] : part.split(":"));
  const head = words(halves[0] ?? "");
  const tail = halves.length === 2 ? words(halves[1] ?? "") : [];
  const last = halves.length === 2 ? tail : head;
  const dotted = last.at(-1)?.includes(".") ? ipv4(last.pop() as string) : [];
  if (!dotted) return undefined;
  if (dotted.length === 4)
    last.push(hex((dotted[0] ?? 0) * 256 + (dotted[1] ?? 0)), hex((dotted[2] ?? 0) * 256 + (dotted[3] ?? 0)));
  if (![...head, ...tail].every((w) => /^[0-9a-fA-F]{1,4}$/.test(w))) return undefined;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  return [...head, ...Array<string>(8 - count).fill("0"), ...tail].map((w) => Number.parseInt(w, 16));
}

const hex = (n: number) => n.toString(16);
