import type { AuditEntry } from "../audit/types";
import type { Role } from "../officer/roles";
import type { ReporterUpdate } from "../report/types";

/** Who wrote a message of a report's thread: an officer asks, the reporter answers (or adds something). */
export type ThreadAuthor = "officer" | "reporter";

/**
 * One message of the anonymous two-way thread between officers and a report's reporter. Distinct from the
 * officers' internal notes and from the public notes on the timeline: only officers who may read the
 * report and the holder of its code and secret see it. Its text never goes into an SMS, a push or a log.
 */
export interface ThreadMessage {
  reportId: string;
  /** Sortable: `{ISO time}#{random}`. */
  messageId: string;
  at: string;
  from: ThreadAuthor;
  /** The officer who wrote it; absent for the reporter, of whom nothing is kept but the text. */
  nrp?: string;
  role?: Role;
  text: string;
}

/** The port the reporter's use cases need from storage. */
export interface ReporterStore {
  /** Adds the hash of a secret handed out for the report (the first receipt, or an idempotent replay). */
  grant(reportId: string, secretHash: string, at: string): Promise<void>;
  /** The hashes of the report's live secrets (at most a few: a full set is replaced by the newest). */
  secretHashes(reportId: string): Promise<readonly string[]>;
  /** The report's thread, oldest first. */
  messages(reportId: string): Promise<ThreadMessage[]>;
  /** Writes a message and its audit entry (and the SMS update it owes the reporter) in one transaction. */
  addMessage(message: ThreadMessage, audit: AuditEntry, update?: ReporterUpdate): Promise<void>;
}

/** Secrets a report keeps at once: the first and a few idempotent replays of its submission. */
export const MAX_LIVE_REPORTER_SECRETS = 10;
/** Messages in one thread: a conversation about one incident, not a chat room. */
export const MAX_THREAD_MESSAGES = 100;
