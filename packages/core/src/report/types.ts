import type { DISCARDED, HoldReason } from "../abuse/form";
import type { Category } from "./category";
import type { ContactPreferences } from "./input";
import type { Priority } from "./priority";
import type { Status } from "./status";

/** One public step in a report's life: shown to the reporter on the tracking page. */
export interface TimelineEntry {
  at: string;
  status: Status;
  note?: string;
}

/** A stored report. `reporter` and `location` are private: see toPublicView. */
export interface Report {
  reportId: string;
  trackingCode: string;
  category: Category;
  description: string;
  kecamatan: string;
  desa: string;
  occurredAt: string;
  happeningNow: boolean;
  location?: { lat: number; lon: number };
  /**
   * `smsUpdates`: the reporter asked to be told by SMS (reporter/updates.ts); needs a phone.
   * `preferences`: how she may be contacted (reporter/contact.ts), shown to officers who see the contact.
   */
  reporter: {
    anonymous: boolean;
    name?: string;
    phone?: string;
    smsUpdates?: boolean;
    preferences?: ContactPreferences;
  };
  /**
   * When the reporter's name, phone, contact preferences and exact location were erased (reporter/retention.ts):
   * some days after the report closed, or earlier at her request. Nothing else of the report changes.
   */
  contactErasedAt?: string;
  priority: Priority;
  status: Status;
  version: number;
  createdAt: string;
  /** The WIB (Asia/Jakarta) calendar day of createdAt, `yyyy-mm-dd`: the time bucket of the day index. */
  createdDay: string;
  updatedAt: string;
  timeline: TimelineEntry[];
  /** NRP of the officer the report is assigned to. */
  assignee?: string;
  /** Tracking code of the report this one duplicates. */
  duplicateOf?: string;
  /** First officer response (leaving `diterima`), and the seconds it took from createdAt. */
  acknowledgedAt?: string;
  secondsToAcknowledge?: number;
  /** Held for SPKT's review (report/quarantine.ts): why, and since when; or discarded by SPKT as spam. */
  heldReason?: HoldReason | typeof DISCARDED;
  heldAt?: string;
  /** When SPKT released it from quarantine: its alerts went then. */
  releasedAt?: string;
  /** A smoke test's report (report/smoke-test.ts): it alerts no one, is in no queue or statistics, and is deleted. */
  test?: true;
  /** The reporter's latest say at closure (reporter/closure.ts). */
  feedback?: ReporterFeedback;
  /** How often the reporter reopened it ("belum tertangani"), and when last. */
  reopenCount?: number;
  reopenedAt?: string;
  /** The service targets promised when it arrived (report/targets.ts); absent on older reports. */
  verifyBy?: string;
  resolveBy?: string;
  /** When it became `selesai`, and the seconds it took from createdAt. */
  resolvedAt?: string;
  secondsToResolve?: number;
}

/** The reporter's answer to "Apakah masalah Anda sudah tertangani?" when the report was resolved. */
export interface ReporterFeedback {
  satisfied: boolean;
  /** 1 to 5. */
  rating: number;
  comment?: string;
  at: string;
}

/**
 * A reopening by the reporter, written with the report's change: its insertion on the table's stream
 * is the alert to the assigned officer (alert/stream.ts), once per round.
 */
export interface ReopenRecord {
  reportId: string;
  round: number;
  trackingCode: string;
  category: Category;
  priority: Priority;
  kecamatan: string;
  desa: string;
  assignee?: string;
  at: string;
}

/** The moments a reporter who asked for SMS updates hears of, and only these. */
export const UPDATE_KINDS = ["diverifikasi", "selesai", "ditolak", "pertanyaan"] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/**
 * An SMS update owed to the reporter (the outbox), written with the change that calls for it; the
 * every-minute job sends it (reporter/updates.ts) and removes it. `dueAt` moves to the next day when the
 * day's one update was already sent or the SMS budget is spent.
 */
export interface ReporterUpdate {
  reportId: string;
  updateId: string;
  kind: UpdateKind;
  at: string;
  dueAt: string;
}

/** What `POST /api/reports` answers, and what an idempotent retry gets again. */
export interface SubmitReceipt {
  id: string;
  trackingCode: string;
  status: Status;
  priority: Priority;
  createdAt: string;
  /**
   * `review`: the report is stored, but its source sent many reports, so SPKT checks it before officers are
   * alerted (the page says so, and to call 110 in an emergency). Absent for every other report, including
   * one caught by a bot trap, which must look accepted.
   */
  notice?: "review";
}

/** A stored idempotency record: the request's hash and the receipt it got. */
export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  reportId: string;
  response: SubmitReceipt;
  createdAt: string;
  /** Epoch seconds; DynamoDB's TTL deletes it some time after, so reads must check it too. */
  expiresAt: number;
}
