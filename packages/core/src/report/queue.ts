import * as z from "zod/mini";
import { PRIORITIES, type Priority } from "./priority";
import { STATUSES, type Status } from "./status";

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "A WIB date, yyyy-mm-dd."));

/** Query string of `GET /api/officer/reports`. Dates are WIB days, inclusive. */
export const QueueParams = z.strictObject({
  status: z.optional(z.enum(STATUSES)),
  priority: z.optional(z.enum(PRIORITIES)),
  kecamatan: z.optional(z.string()),
  desa: z.optional(z.string()),
  from: z.optional(day),
  to: z.optional(day),
  sort: z._default(z.enum(["newest", "urgent"]), "newest"),
  /** `true`: only open reports past a service target they have not met (report/targets.ts). */
  overdue: z.optional(z.enum(["true"])),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(4000))),
});
export type QueueParams = z.output<typeof QueueParams>;

/** What the store is asked for, after the officer's scope has been applied. */
export interface QueueQuery {
  /** area: one kecamatan's partition; all: every report by time; urgent: open reports by priority. */
  index: "area" | "all" | "urgent";
  kecamatan?: string;
  status?: Status;
  priority?: Priority;
  desa?: string;
  /** A Bhabinkamtibmas sees reports in their desa or assigned to them. */
  within?: { desa: readonly string[]; assignee: string };
  /** ISO instants, from inclusive, to exclusive. */
  fromIso?: string;
  toIso?: string;
  /** Only open reports past an unmet target at this instant: diterima past verifyBy, or checked and past resolveBy. */
  overdueAt?: string;
  limit: number;
  cursor?: string;
}
