/**
 * The API's answers as zod schemas (zod/mini: they load with the api Lambda). The OpenAPI document is
 * generated from them, the integration tests check every answer against them, and the web app takes its
 * types from them. Each is checked against the domain's own type below, so neither can drift.
 */
import * as z from "zod/mini";
import { DISCARDED, HOLD_REASONS } from "../abuse/form";
import type { Permissions, TriageAction } from "../access/policy";
import { TRIAGE_ACTIONS } from "../access/policy";
import { ACK_VIA, type Acknowledgement } from "../alert/ack";
import type { PushDeviceView } from "../alert/push";
import type { AuditEntry } from "../audit/types";
import { CONTENT_TYPES } from "../evidence/rules";
import type { UploadGrant } from "../evidence/uploads";
import type { EvidenceView } from "../evidence/viewing";
import { ROLES } from "../officer/roles";
import type { Officer } from "../officer/types";
import { CATEGORIES } from "../report/category";
import { PRIORITIES } from "../report/priority";
import type { PublicReportView } from "../report/public-view";
import type { HeldReport } from "../report/quarantine";
import { STATUSES } from "../report/status";
import type { ReportSummary } from "../report/triage-service";
import type { Report, SubmitReceipt } from "../report/types";
import type { ThreadMessage } from "../reporter/types";
import type { ReporterReportView } from "../reporter/view";
import type { WeeklyStats } from "../stats/aggregate";
import type { PublicWeeklyStats } from "../stats/publish";

const str = z.string();
const int = z.int();
const num = z.number();
const category = z.enum(CATEGORIES);
const priority = z.enum(PRIORITIES);
const status = z.enum(STATUSES);
const role = z.enum(ROLES);
const nameOf = z.object({ code: str, name: str });

/** The one error body: `message` is safe to show; `details` names each bad field. */
export const ErrorBody = z.object({
  error: str,
  message: str,
  details: z.array(z.object({ field: str, code: str, message: str })),
});

export const Health = z.object({ status: z.literal("ok") });

export const Regions = z.object({
  regency: nameOf,
  kecamatan: z.array(z.object({ code: str, name: str, desa: z.array(nameOf) })),
});

const TimelineEntry = z.object({ at: str, status, note: z.optional(str) });

export const UploadForm = z.object({
  slot: int,
  url: str,
  fields: z.record(str, str),
  contentType: z.enum(CONTENT_TYPES),
  maxBytes: int,
  expiresAt: str,
});

const UploadGrantSchema = z.object({ token: str, forms: z.array(UploadForm), maxPhotos: int });

const receiptFields = {
  id: str,
  trackingCode: str,
  status,
  priority,
  createdAt: str,
  notice: z.optional(z.literal("review")),
};
export const SubmitReceiptSchema = z.object(receiptFields);
/** `POST /api/reports` → 201: the receipt and the upload capability (shown only here). */
export const IntakeReceipt = z.object({ ...receiptFields, reporterSecret: str, uploads: UploadGrantSchema });

export const PublicReport = z.object({
  trackingCode: str,
  status,
  priority,
  category,
  kecamatan: nameOf,
  desa: nameOf,
  createdAt: str,
  updatedAt: str,
  timeline: z.array(TimelineEntry),
  photos: int,
  targets: z.optional(
    z.object({
      verifyBy: str,
      verifiedAt: z.optional(str),
      verifyMet: z.optional(z.boolean()),
      resolveBy: str,
      resolvedAt: z.optional(str),
      resolveMet: z.optional(z.boolean()),
    }),
  ),
});

const ReporterThreadMessageSchema = z.object({ at: str, from: z.enum(["officer", "reporter"]), text: str });
const FeedbackSchema = z.object({
  satisfied: z.boolean(),
  rating: int,
  comment: z.optional(str),
  at: str,
});
/** The reporter's own view (code plus secret): the public view, the thread, photos still allowed, their say. */
export const ReporterReport = z.object({
  ...PublicReport.shape,
  description: str,
  thread: z.array(ReporterThreadMessageSchema),
  photosRemaining: int,
  say: z.object({ asked: z.boolean(), given: z.optional(FeedbackSchema) }),
  contact: z.object({ held: z.boolean(), erasedAt: z.optional(str) }),
});

const ThreadMessageSchema = z.object({
  reportId: str,
  messageId: str,
  at: str,
  from: z.enum(["officer", "reporter"]),
  nrp: z.optional(str),
  role: z.optional(role),
  text: str,
});
/** A report's thread as officers see it, oldest first. */
export const Thread = z.object({ items: z.array(ThreadMessageSchema) });

export const PhotoForms = z.object({ forms: z.array(UploadForm), remaining: int });

const Cell = z.union([int, z.literal("<3")]);
const PublicDurations = z.union([
  z.object({ enoughData: z.literal(true), n: int, medianSeconds: num, p90Seconds: num }),
  z.object({ enoughData: z.literal(false), n: Cell }),
]);
const PublicSatisfaction = z.union([
  z.object({ enoughData: z.literal(true), n: int, satisfiedShare: num, medianRating: num }),
  z.object({ enoughData: z.literal(false), n: Cell }),
]);
const PublicShare = z.union([
  z.object({ enoughData: z.literal(true), n: int, share: num }),
  z.object({ enoughData: z.literal(false), n: Cell }),
]);
export const PublicWeekly = z.object({
  week: str,
  start: str,
  end: str,
  generatedAt: str,
  total: Cell,
  byCategory: z.record(category, Cell),
  byPriority: z.record(priority, Cell),
  byStatus: z.record(status, Cell),
  byKecamatan: z.array(z.object({ code: str, name: str, count: Cell })),
  responseTimes: z.object({ verify: PublicDurations, resolve: PublicDurations }),
  change: z.nullable(z.object({ previousWeek: str, previousTotal: Cell, delta: z.nullable(int) })),
  satisfaction: z.optional(
    z.object({
      all: PublicSatisfaction,
      byKecamatan: z.array(z.intersection(z.object({ code: str, name: str }), PublicSatisfaction)),
    }),
  ),
  withinTarget: z.optional(z.object({ verify: PublicShare, resolve: PublicShare })),
});

export const Weeks = z.object({ weeks: z.array(str) });

const Durations = z.object({ n: int, medianSeconds: z.nullable(num), p90Seconds: z.nullable(num) });
const SatisfactionSchema = z.object({
  n: int,
  satisfiedShare: z.nullable(num),
  medianRating: z.nullable(num),
});
const TargetShareSchema = z.object({ n: int, share: z.nullable(num) });
export const FullWeekly = z.object({
  week: str,
  start: str,
  end: str,
  generatedAt: str,
  total: int,
  byCategory: z.record(category, int),
  byPriority: z.record(priority, int),
  byStatus: z.record(status, int),
  byKecamatan: z.array(z.object({ code: str, name: str, count: int })),
  byDesa: z.array(z.object({ code: str, name: str, kecamatan: str, count: int })),
  responseTimes: z.object({ verify: Durations, resolve: Durations }),
  previous: z.nullable(z.object({ week: str, total: int, byCategory: z.record(category, int) })),
  satisfaction: z.optional(
    z.object({
      all: SatisfactionSchema,
      byKecamatan: z.array(z.object({ code: str, name: str, ...SatisfactionSchema.shape })),
    }),
  ),
  withinTarget: z.optional(z.object({ verify: TargetShareSchema, resolve: TargetShareSchema })),
});

/**
 * `POST /api/auth/login`, `/new-password` and `/totp`: a token, or the next step. Officers have TOTP MFA,
 * so a right password leads to `totp` (the code from the authenticator app) or, before the app is
 * enrolled, `totp_setup` (its secret, also as an `otpauth://` URI for the QR code, then the first code).
 */
export const SignInAnswer = z.union([
  z.object({ idToken: str, expiresIn: int }),
  z.object({ challenge: z.literal("new_password_required"), session: str }),
  z.object({ challenge: z.literal("totp"), session: str }),
  z.object({ challenge: z.literal("totp_setup"), session: str, secret: str, otpauthUri: str }),
]);

export const OfficerSchema = z.object({
  nrp: str,
  name: str,
  role,
  kecamatan: z.optional(str),
  desa: z.optional(z.array(str)),
  phone: str,
  alertPriorities: z.optional(z.array(priority)),
  active: z.boolean(),
  version: int,
  createdAt: str,
  updatedAt: str,
});

const PermissionsSchema = z.object({
  actions: z.readonly(z.array(z.enum(TRIAGE_ACTIONS))),
  manageRoster: z.boolean(),
  readFullStats: z.boolean(),
  downloadOriginal: z.boolean(),
  reviewQuarantine: z.boolean(),
  askReporter: z.boolean(),
});

/** `GET /api/officer/me`: the officer, and what the server will let them do (for the console's buttons). */
export const Me = z.object({
  officer: OfficerSchema,
  actions: z.readonly(z.array(z.enum(TRIAGE_ACTIONS))),
  permissions: PermissionsSchema,
});

const reportFields = {
  reportId: str,
  trackingCode: str,
  category,
  kecamatan: str,
  desa: str,
  occurredAt: str,
  happeningNow: z.boolean(),
  priority,
  status,
  version: int,
  createdAt: str,
  createdDay: str,
  updatedAt: str,
  assignee: z.optional(str),
  duplicateOf: z.optional(str),
  acknowledgedAt: z.optional(str),
  secondsToAcknowledge: z.optional(num),
  resolvedAt: z.optional(str),
  secondsToResolve: z.optional(num),
  heldReason: z.optional(z.enum([...HOLD_REASONS, DISCARDED])),
  heldAt: z.optional(str),
  releasedAt: z.optional(str),
  verifyBy: z.optional(str),
  resolveBy: z.optional(str),
  reopenCount: z.optional(int),
  reopenedAt: z.optional(str),
  contactErasedAt: z.optional(str),
  /** A smoke test's report (`npm run smoke`), deleted by the test itself. */
  test: z.optional(z.literal(true)),
};

/** A report as an officer sees it; `reporter` has the contact only for roles that call back. */
export const OfficerReport = z.object({
  ...reportFields,
  description: str,
  location: z.optional(z.object({ lat: num, lon: num })),
  reporter: z.object({
    anonymous: z.boolean(),
    name: z.optional(str),
    phone: z.optional(str),
    smsUpdates: z.optional(z.boolean()),
    preferences: z.optional(
      z.object({
        sms: z.boolean(),
        calls: z.boolean(),
        callFrom: z.optional(str),
        callTo: z.optional(str),
        noHomeVisit: z.optional(z.boolean()),
        safePhone: z.optional(str),
      }),
    ),
  }),
  timeline: z.array(TimelineEntry),
  feedback: z.optional(z.object({ satisfied: z.boolean(), rating: int, comment: z.optional(str), at: str })),
});

const ReportSummarySchema = z.object({ ...reportFields, excerpt: str });
export const QueuePage = z.object({ items: z.array(ReportSummarySchema), cursor: z.nullable(str) });

const EvidenceViewSchema = z.object({
  slot: int,
  contentType: str,
  bytes: int,
  width: z.optional(int),
  height: z.optional(int),
  sha256: str,
  attachedAt: str,
  display: z.nullable(z.object({ url: str, expiresAt: str })),
});
export const EvidenceList = z.object({
  items: z.array(EvidenceViewSchema),
  canDownloadOriginal: z.boolean(),
});
export const OriginalLink = z.object({ url: str, sha256: str, expiresAt: str });

const AuditEntrySchema = z.object({
  subject: str,
  auditId: str,
  at: str,
  actorNrp: str,
  actorRole: z.union([role, z.literal("system"), z.literal("reporter")]),
  action: str,
  from: z.optional(str),
  to: z.optional(str),
  note: z.optional(str),
});
export const AuditList = z.object({ items: z.array(AuditEntrySchema) });

export const Assignees = z.object({ items: z.array(z.object({ nrp: str, name: str, role })) });
export const OfficerList = z.object({ items: z.array(OfficerSchema) });
export const OfficerAdded = z.object({ officer: OfficerSchema, temporaryPassword: z.optional(str) });

const HeldReportSchema = z.object({
  reportId: str,
  trackingCode: str,
  category,
  priority,
  kecamatan: str,
  desa: str,
  createdAt: str,
  reason: z.enum(HOLD_REASONS),
});
/** SPKT's quarantine list, oldest first. */
export const HeldList = z.object({ items: z.array(HeldReportSchema), cursor: z.nullable(str) });
export const Released = z.object({ id: str, released: z.literal(true) });
export const Discarded = z.object({ id: str, discarded: z.literal(true) });

/** A push device as its officer and admins see it: never its keys. */
export const PushDeviceSchema = z.object({
  deviceId: str,
  label: str,
  createdAt: str,
  lastOkAt: z.optional(str),
  failingSince: z.optional(str),
  service: str,
});
export const PushKey = z.object({ publicKey: str });
export const PushDevices = z.object({ devices: z.array(PushDeviceSchema) });
export const PushDeviceAdded = z.object({ device: PushDeviceSchema, created: z.boolean() });
export const PushDeviceRemoved = z.object({ removed: str });
export const AcknowledgementSchema = z.object({
  reportId: str,
  nrp: str,
  at: str,
  via: z.enum(ACK_VIA),
});
export const Acknowledged = z.object({ acknowledgement: AcknowledgementSchema, first: z.boolean() });

/** The OpenAPI document itself (`GET /api/openapi.json`). */
export const OpenApiDocument = z.looseObject({ openapi: z.literal("3.1.0") });

// Each schema against the domain type it describes, both ways: a field added to one and not the other
// fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Out<S extends z.ZodMiniType> = z.output<S>;
type Holds<T extends true> = T;
/** Compile-time only. */
export type ContractMatchesDomain = [
  Holds<Same<Out<typeof SubmitReceiptSchema>, SubmitReceipt>>,
  Holds<Same<Out<typeof UploadGrantSchema>, UploadGrant>>,
  Holds<Same<Out<typeof PublicReport>, PublicReportView>>,
  Holds<Same<Out<typeof PublicWeekly>, PublicWeeklyStats>>,
  Holds<Same<Out<typeof FullWeekly>, WeeklyStats>>,
  Holds<Same<Out<typeof OfficerSchema>, Officer>>,
  Holds<Same<Out<typeof PermissionsSchema>, Permissions>>,
  Holds<Same<Out<typeof OfficerReport>, Report>>,
  Holds<Same<Out<typeof ReportSummarySchema>, ReportSummary>>,
  Holds<Same<Out<typeof EvidenceViewSchema>, EvidenceView>>,
  Holds<Same<Out<typeof AuditEntrySchema>, AuditEntry>>,
  Holds<Same<Out<typeof HeldReportSchema>, HeldReport>>,
  Holds<Same<Out<typeof Me>["actions"][number], TriageAction>>,
  Holds<Same<Out<typeof PushDeviceSchema>, PushDeviceView>>,
  Holds<Same<Out<typeof AcknowledgementSchema>, Acknowledgement>>,
  Holds<Same<Out<typeof ReporterReport>, ReporterReportView>>,
  Holds<Same<Out<typeof ThreadMessageSchema>, ThreadMessage>>,
];

/** One bad field of an error body, e.g. `{ field: "reporter.phone", code: "reporter.phone.invalid" }`. */
export type FieldDetail = z.output<typeof ErrorBody>["details"][number];
