/**
 * The API contract: every route the app serves, with its request and answer schemas. The Hono app
 * registers its routes from this table (packages/functions/src/api/app.ts), the OpenAPI document at
 * `GET /api/openapi.json` is generated from it, and the integration tests check every answer against it.
 */
import * as z from "zod/mini";
import { FormMeta } from "../abuse/form-meta";
import { AckBody } from "../alert/ack";
import { PushDeviceInput } from "../alert/push";
import { PhotoRequest, ReportPhotos } from "../evidence/schema";
import {
  NewPasswordBody,
  OfficerInput,
  OfficerUpdate,
  SignInBody,
  TotpBody,
  VersionBody,
} from "../officer/schema";
import { QueueParams } from "../report/queue";
import { ReportBodyShape } from "../report/schema";
import { TriageCommand } from "../report/triage";
import { ClosureInput } from "../reporter/closure";
import { REPORTER_SECRET_HEADER } from "../reporter/secret";
import { ThreadMessageInput } from "../reporter/thread";
import * as S from "./schemas";

export type Method = "get" | "post" | "patch" | "delete";

export interface Answer {
  description: string;
  /** The JSON body; absent for a non-JSON answer (see `contentTypes`). */
  schema?: z.ZodMiniType;
  /** Non-JSON answers, e.g. the CSV open-data file. */
  contentTypes?: readonly string[];
}

export interface RouteSpec {
  method: Method;
  /** OpenAPI form: `/api/reports/track/{code}`. */
  path: string;
  summary: string;
  tag: "public" | "auth" | "officer" | "admin" | "meta";
  /** `officer`: an officer's ID token; `upload`: the report's upload capability, both as Bearer tokens. */
  auth?: "officer" | "upload";
  params?: Readonly<Record<string, string>>;
  query?: z.ZodMiniType;
  /** Request headers the route reads, with what they mean. */
  headers?: Readonly<Record<string, { required: boolean; description: string }>>;
  body?: z.ZodMiniType;
  /** Bodies over this get 413 before anything is read. */
  maxBodyBytes?: number;
  responses: Readonly<Record<number, Answer>>;
  /** The error statuses this route may answer with the one error body. */
  errors: readonly number[];
}

const ok = <S extends z.ZodMiniType>(schema: S, description = "OK") => ({ description, schema });

/** The body of `POST /api/reports`: the report's fields, and the type of each photo to upload. */
export const ReportSubmission = z.extend(ReportBodyShape, {
  photos: ReportPhotos,
  form: z.optional(FormMeta),
});

const REPORT_BODY_BYTES = 64 * 1024;
const THREAD_BODY_BYTES = 8 * 1024;
/** The reporter's own routes: a tracking code in the path, its secret in a header. */
const reporter = {
  tag: "public",
  params: { code: "The report's tracking code." },
  headers: {
    [REPORTER_SECRET_HEADER]: {
      required: true,
      description:
        "The reporter secret of the 201 receipt (XXXX-XXXX-XXXX-XXXX-XXXX-XXXX): never sent in a URL.",
    },
  },
} as const;
const PHOTO_BODY_BYTES = 4 * 1024;
const officer = { auth: "officer", tag: "officer" } as const;
const admin = { auth: "officer", tag: "admin" } as const;
const id = { id: "The report's id (or, for reading, its tracking code)." } as const;
const nrp = { nrp: "The officer's NRP." } as const;

export const routes = {
  health: {
    method: "get",
    path: "/api/health",
    summary: "Liveness.",
    tag: "meta",
    responses: { 200: ok(S.Health) },
    errors: [],
  },
  openapi: {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document (OpenAPI 3.1).",
    tag: "meta",
    responses: { 200: ok(S.OpenApiDocument) },
    errors: [],
  },
  regions: {
    method: "get",
    path: "/api/regions",
    summary: "The 15 kecamatan of Musi Banyuasin with their 242 desa (Kemendagri codes).",
    tag: "public",
    responses: { 200: ok(S.Regions) },
    errors: [],
  },
  submitReport: {
    method: "post",
    path: "/api/reports",
    summary: "Submits a report; the answer carries the tracking code and a presigned upload form per photo.",
    tag: "public",
    headers: {
      "Idempotency-Key": {
        required: false,
        description:
          "8-128 of A-Za-z0-9._:- (a UUID made once per report): a retry never makes a second report.",
      },
      "Accept-Language": { required: false, description: "`id` for Indonesian field messages." },
      "Lapora-Device": {
        required: false,
        description:
          "The web app's random device token (16-64 of A-Za-z0-9_-): the finer key of the limits by source.",
      },
    },
    body: ReportSubmission,
    maxBodyBytes: REPORT_BODY_BYTES,
    responses: {
      201: ok(
        S.IntakeReceipt,
        "Stored (or the replay of a stored report: Idempotent-Replayed: true). `notice: review`: the source sent many reports, so SPKT checks this one before officers are alerted.",
      ),
    },
    // 429 (with Retry-After): the source is past its hard limit of reports per window.
    errors: [400, 409, 413, 415, 429, 503],
  },
  trackReport: {
    method: "get",
    path: "/api/reports/track/{code}",
    summary: "The public view of a report by its tracking code: never the reporter or coordinates.",
    tag: "public",
    params: { code: "A tracking code, LPR-XXXX-XXXX-XXXX-C (dashes and case optional)." },
    responses: { 200: ok(S.PublicReport) },
    errors: [400, 404],
  },
  reporterView: {
    ...reporter,
    method: "get",
    path: "/api/reports/track/{code}/reporter",
    summary:
      "The reporter's own view, for code plus secret: the public view, the thread with officers, photos still allowed.",
    responses: { 200: ok(S.ReporterReport) },
    // 401: the code and secret do not match; 429 (with Retry-After): too many wrong secrets.
    errors: [400, 401, 429],
  },
  reporterReply: {
    ...reporter,
    method: "post",
    path: "/api/reports/track/{code}/reporter/messages",
    summary: "The reporter writes in the report's thread (an answer to an officer's question); audited.",
    body: ThreadMessageInput,
    maxBodyBytes: THREAD_BODY_BYTES,
    responses: { 201: ok(S.ReporterReport, "Stored; the reporter's view with the thread.") },
    errors: [400, 401, 409, 413, 415, 429],
  },
  reporterSay: {
    ...reporter,
    method: "post",
    path: "/api/reports/track/{code}/reporter/say",
    summary:
      'The reporter\'s say about their resolved report: satisfied or not, 1-5 stars, a comment; "no" within 14 days reopens it to its officer.',
    body: ClosureInput,
    maxBodyBytes: THREAD_BODY_BYTES,
    responses: { 200: ok(S.ReporterReport, "Recorded; the reporter's view.") },
    // 409: the report is not resolved, or the reporter already answered since it was.
    errors: [400, 401, 409, 413, 415, 429],
  },
  reporterEraseContact: {
    ...reporter,
    method: "post",
    path: "/api/reports/track/{code}/reporter/erase-contact",
    summary:
      "Erases the reporter's name, phone, contact wishes and exact location now (otherwise 90 days after closure); audited, asking again changes nothing.",
    responses: { 200: ok(S.ReporterReport, "Erased; the reporter's view.") },
    errors: [400, 401, 409, 429],
  },
  reporterPhotoForms: {
    ...reporter,
    method: "post",
    path: "/api/reports/track/{code}/reporter/evidence",
    summary:
      "Upload forms for photos the reporter adds later (5 per report in all), checked as the first ones.",
    body: PhotoRequest,
    maxBodyBytes: PHOTO_BODY_BYTES,
    responses: { 200: ok(S.PhotoForms) },
    errors: [400, 401, 409, 413, 415, 429],
  },
  requestPhotoForms: {
    method: "post",
    path: "/api/reports/{id}/evidence",
    summary: "More upload forms (a retry, or more photos, 5 in all) for the holder of the upload capability.",
    tag: "public",
    auth: "upload",
    params: { id: "The report's id." },
    body: PhotoRequest,
    maxBodyBytes: PHOTO_BODY_BYTES,
    responses: { 200: ok(S.PhotoForms) },
    errors: [400, 403, 409, 413, 415],
  },
  statsWeeks: {
    method: "get",
    path: "/api/stats/weeks",
    summary: "The weeks with published statistics, newest first.",
    tag: "public",
    responses: { 200: ok(S.Weeks) },
    errors: [],
  },
  statsWeek: {
    method: "get",
    path: "/api/stats/weekly/{week}",
    summary:
      "A week's public figures: counts of 1-2 as <3, times only from 5 cases, kecamatan level at most.",
    tag: "public",
    params: { week: "An ISO week, e.g. 2026-W47." },
    responses: { 200: ok(S.PublicWeekly) },
    errors: [400, 404],
  },
  statsFile: {
    method: "get",
    path: "/api/stats/files/{file}",
    summary: "A week's open data as a file: 2026-W47.json or 2026-W47.csv.",
    tag: "public",
    params: { file: "{week}.json or {week}.csv" },
    responses: {
      200: { description: "The file.", contentTypes: ["application/json", "text/csv"] },
    },
    errors: [404],
  },
  signIn: {
    method: "post",
    path: "/api/auth/login",
    summary:
      "Officer sign-in (Cognito in AWS, the local issuer locally): the password, then the TOTP challenge; failures are slowed down.",
    tag: "auth",
    body: SignInBody,
    responses: { 200: ok(S.SignInAnswer) },
    errors: [400, 415, 429],
  },
  newPassword: {
    method: "post",
    path: "/api/auth/new-password",
    summary: "First sign-in with a temporary password: sets the new one.",
    tag: "auth",
    body: NewPasswordBody,
    responses: { 200: ok(S.SignInAnswer) },
    errors: [400, 415, 429],
  },
  totp: {
    method: "post",
    path: "/api/auth/totp",
    summary:
      "Answers the TOTP challenge with the authenticator app's code (for totp_setup, its first code enrols it); wrong codes are slowed down like wrong passwords.",
    tag: "auth",
    body: TotpBody,
    responses: { 200: ok(S.SignInAnswer) },
    errors: [400, 415, 429],
  },
  me: {
    ...officer,
    method: "get",
    path: "/api/officer/me",
    summary: "The signed-in officer and what their role may do.",
    responses: { 200: ok(S.Me) },
    errors: [401, 403],
  },
  queue: {
    ...officer,
    method: "get",
    path: "/api/officer/reports",
    summary: "The officer's queue, scoped to their role and area; from a GSI query, never a Scan.",
    query: QueueParams,
    responses: { 200: ok(S.QueuePage) },
    errors: [400, 401, 403],
  },
  reportDetail: {
    ...officer,
    method: "get",
    path: "/api/officer/reports/{id}",
    summary: "A report; the reporter's contact only for roles that call back, each view audited.",
    params: id,
    responses: { 200: ok(S.OfficerReport) },
    errors: [401, 403, 404],
  },
  reportEvidence: {
    ...officer,
    method: "get",
    path: "/api/officer/reports/{id}/evidence",
    summary: "Short-lived links to the photos' display copies (no EXIF, no GPS).",
    params: { id: "The report's id." },
    responses: { 200: ok(S.EvidenceList) },
    errors: [401, 403, 404],
  },
  originalPhoto: {
    ...officer,
    method: "post",
    path: "/api/officer/reports/{id}/evidence/{slot}/original",
    summary: "A short-lived download link of an original, for SPKT and admin; audited.",
    params: { id: "The report's id.", slot: "The photo's slot, 1 to 5." },
    responses: { 200: ok(S.OriginalLink) },
    errors: [401, 403, 404],
  },
  reportAudit: {
    ...officer,
    method: "get",
    path: "/api/officer/reports/{id}/audit",
    summary: "The report's audit trail, oldest first.",
    params: { id: "The report's id." },
    responses: { 200: ok(S.AuditList) },
    errors: [401, 403, 404],
  },
  reportAction: {
    ...officer,
    method: "post",
    path: "/api/officer/reports/{id}/actions",
    summary: "One triage step with the version read; a stale version is 409.",
    params: { id: "The report's id." },
    body: TriageCommand,
    responses: { 200: ok(S.OfficerReport) },
    errors: [400, 401, 403, 404, 409, 415],
  },
  assignees: {
    ...officer,
    method: "get",
    path: "/api/officer/reports/{id}/assignees",
    summary: "Active officers who cover the report's area: the choices for assign.",
    params: { id: "The report's id." },
    responses: { 200: ok(S.Assignees) },
    errors: [401, 403, 404],
  },
  fullStats: {
    ...officer,
    method: "get",
    path: "/api/officer/stats/weekly/{week}",
    summary: "A week's unsuppressed figures down to desa, for pimpinan and SPKT.",
    params: { week: "An ISO week, e.g. 2026-W47." },
    responses: { 200: ok(S.FullWeekly) },
    errors: [400, 401, 403, 404],
  },
  reportThread: {
    ...officer,
    method: "get",
    path: "/api/officer/reports/{id}/thread",
    summary: "The report's thread with its reporter, oldest first.",
    params: id,
    responses: { 200: ok(S.Thread) },
    errors: [401, 403, 404],
  },
  askReporter: {
    ...officer,
    method: "post",
    path: "/api/officer/reports/{id}/thread",
    summary:
      "Asks the report's reporter a question (not a note): they see it with their code and secret; audited.",
    params: id,
    body: ThreadMessageInput,
    maxBodyBytes: THREAD_BODY_BYTES,
    responses: { 201: ok(S.Thread, "Stored; the whole thread.") },
    errors: [400, 401, 403, 404, 409, 413, 415],
  },
  acknowledge: {
    ...officer,
    method: "post",
    path: "/api/officer/reports/{id}/ack",
    summary:
      "The officer acknowledges the report's alert (Terima, or opened from the notification): audited, stops their tinggi SMS follow-up and the escalation.",
    params: id,
    body: AckBody,
    responses: { 200: ok(S.Acknowledged) },
    errors: [400, 401, 403, 404, 415],
  },
  pushKey: {
    ...officer,
    method: "get",
    path: "/api/officer/push/key",
    summary: "The stage's VAPID public key, for PushManager.subscribe.",
    responses: { 200: ok(S.PushKey) },
    errors: [401, 403],
  },
  pushDevices: {
    ...officer,
    method: "get",
    path: "/api/officer/push/devices",
    summary: "The signed-in officer's push devices.",
    responses: { 200: ok(S.PushDevices) },
    errors: [401, 403],
  },
  addPushDevice: {
    ...officer,
    method: "post",
    path: "/api/officer/push/devices",
    summary:
      "Turns on notifications on one of the officer's devices (its PushSubscription); the same one again refreshes it.",
    body: PushDeviceInput,
    maxBodyBytes: 4 * 1024,
    responses: { 200: ok(S.PushDeviceAdded, "Already registered: refreshed"), 201: ok(S.PushDeviceAdded) },
    errors: [400, 401, 403, 413, 415],
  },
  removePushDevice: {
    ...officer,
    method: "delete",
    path: "/api/officer/push/devices/{deviceId}",
    summary: "Turns notifications off on one of the officer's own devices.",
    params: { deviceId: "The device's id." },
    responses: { 200: ok(S.PushDeviceRemoved) },
    errors: [401, 403, 404],
  },
  quarantine: {
    ...officer,
    method: "get",
    path: "/api/officer/quarantine",
    summary: "Reports held for review (bot traps, sources past their soft limit), oldest first; SPKT only.",
    query: z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(4000))) }),
    responses: { 200: ok(S.HeldList) },
    errors: [400, 401, 403],
  },
  releaseHeld: {
    ...officer,
    method: "post",
    path: "/api/officer/quarantine/{id}/release",
    summary: "Releases a held report: its alerts go out once, as a new report's; audited. SPKT only.",
    params: { id: "The report's id." },
    responses: { 200: ok(S.Released) },
    errors: [401, 403, 404, 409],
  },
  discardHeld: {
    ...officer,
    method: "post",
    path: "/api/officer/quarantine/{id}/discard",
    summary: "Discards a held report as spam: no alert, in no queue or statistic; audited. SPKT only.",
    params: { id: "The report's id." },
    responses: { 200: ok(S.Discarded) },
    errors: [401, 403, 404, 409],
  },
  listOfficers: {
    ...admin,
    method: "get",
    path: "/api/admin/officers",
    summary: "The roster.",
    responses: { 200: ok(S.OfficerList) },
    errors: [401, 403],
  },
  addOfficer: {
    ...admin,
    method: "post",
    path: "/api/admin/officers",
    summary: "Adds an officer, their sign-in and their SMS subscription; audited.",
    body: OfficerInput,
    responses: { 201: ok(S.OfficerAdded) },
    errors: [400, 401, 403, 409, 415, 503],
  },
  updateOfficer: {
    ...admin,
    method: "patch",
    path: "/api/admin/officers/{nrp}",
    summary: "Replaces an officer's editable fields at the version read; audited.",
    params: nrp,
    body: OfficerUpdate,
    responses: { 200: ok(S.OfficerSchema) },
    errors: [400, 401, 403, 404, 409, 415, 503],
  },
  deactivateOfficer: {
    ...admin,
    method: "post",
    path: "/api/admin/officers/{nrp}/deactivate",
    summary: "Deactivates an officer: no sign-in, no actions, no alerts; audited.",
    params: nrp,
    body: VersionBody,
    responses: { 200: ok(S.OfficerSchema) },
    errors: [400, 401, 403, 404, 409, 415, 503],
  },
  officerPushDevices: {
    ...admin,
    method: "get",
    path: "/api/admin/officers/{nrp}/push-devices",
    summary: "An officer's push devices (never their keys).",
    params: nrp,
    responses: { 200: ok(S.PushDevices) },
    errors: [401, 403],
  },
  officerAudit: {
    ...admin,
    method: "get",
    path: "/api/admin/officers/{nrp}/audit",
    summary: "An officer's roster audit trail.",
    params: nrp,
    responses: { 200: ok(S.AuditList) },
    errors: [401, 403],
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof routes;

/**
 * Which function serves a route in AWS: `public` (the report form, tracking, photos, statistics: the
 * door anyone can flood) or `officer` (sign-in, the console, the roster), each with its own throttles,
 * concurrency and permissions, so a flood of one never takes the other down.
 */
export type Surface = "public" | "officer";
export const surfaceOf = (spec: Pick<RouteSpec, "tag">): Surface =>
  spec.tag === "public" || spec.tag === "meta" ? "public" : "officer";

/** The JSON answer of a route at a status, as a type: what the web app reads. */
export type AnswerOf<
  K extends RouteId,
  Status extends keyof (typeof routes)[K]["responses"],
> = (typeof routes)[K]["responses"][Status] extends { schema: infer T extends z.ZodMiniType }
  ? z.output<T>
  : never;

/** Hono's form of a contract path: `{code}` becomes `:code`. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/** The route a request matches, for checking answers against the contract. */
export function matchRoute(method: string, path: string): [RouteId, RouteSpec] | undefined {
  for (const [key, spec] of Object.entries(routes) as [RouteId, RouteSpec][]) {
    if (spec.method !== method.toLowerCase()) continue;
    const pattern = new RegExp(`^${spec.path.replace(/\{\w+\}/g, "[^/]+")}$`);
    if (pattern.test(path)) return [key, spec];
  }
  return undefined;
}
