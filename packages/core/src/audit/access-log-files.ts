import { EVIDENCE_ACCESS_LOG, scrubAccessLog } from "./access-log";

/** The log bucket's files, by key (S3 in AWS: adapters/aws/s3-access-logs.ts). */
export interface AccessLogFiles {
  /** The file's text, or undefined when there is no such file (an earlier try scrubbed and deleted it). */
  read(key: string): Promise<string | undefined>;
  write(key: string, text: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** What became of one raw file: counts only, never a record's content. */
export type ScrubFileOutcome =
  | { outcome: "scrubbed"; key: string; records: number; dropped: number }
  /** Already scrubbed and deleted: a retry, or a second notification of the same file. */
  | { outcome: "gone"; key: string }
  /** Not a raw access log file (another prefix): left alone. */
  | { outcome: "ignored"; key: string };

/** The key a raw file's scrubbed copy is kept under: the same name, under the kept prefix. */
export function keptKeyOf(rawKey: string): string | undefined {
  const name = rawKey.slice(EVIDENCE_ACCESS_LOG.raw.length);
  if (!rawKey.startsWith(EVIDENCE_ACCESS_LOG.raw) || name === "") return undefined;
  return `${EVIDENCE_ACCESS_LOG.kept}${name}`;
}

/**
 * Scrubs one raw access log file into the kept prefix (scrubAccessLog), then deletes the raw file. Safe to
 * repeat at any step: scrubbing is deterministic, so a retry after the write writes the same text again,
 * and a retry after the delete finds nothing to do. A file whose every line was dropped leaves nothing.
 */
export async function scrubAccessLogFile(files: AccessLogFiles, rawKey: string): Promise<ScrubFileOutcome> {
  const keptKey = keptKeyOf(rawKey);
  if (!keptKey) return { outcome: "ignored", key: rawKey };
  const raw = await files.read(rawKey);
  if (raw === undefined) return { outcome: "gone", key: rawKey };
  const { text, records, dropped } = scrubAccessLog(raw);
  if (records > 0) await files.write(keptKey, text);
  await files.remove(rawKey);
  return { outcome: "scrubbed", key: rawKey, records, dropped };
}
