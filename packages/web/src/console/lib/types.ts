import type { AnswerOf } from "@lapora/core/contract";

export type { Durations, Officer, Role, TriageAction } from "@lapora/core/browser";

// The console's view of the API's answers, taken from the contract (core/contract) rather than copied.

/** `GET /api/officer/me`. */
export type Me = AnswerOf<"me", 200>;

/** A report as an officer sees it (`GET /api/officer/reports/{id}`). */
export type Report = AnswerOf<"reportDetail", 200>;

/** `GET /api/officer/reports`: a page of queue rows (no reporter, no description, an excerpt instead). */
export type QueuePage = AnswerOf<"queue", 200>;
export type ReportSummary = QueuePage["items"][number];

/** One choice for "assign" (`GET /api/officer/reports/{id}/assignees`). */
export type Assignee = AnswerOf<"assignees", 200>["items"][number];

/** `GET /api/officer/reports/{id}/evidence`: the photos' display copies, and whether originals may be fetched. */
export type EvidenceList = AnswerOf<"reportEvidence", 200>;
export type EvidenceView = EvidenceList["items"][number];

/** One entry of a report's audit trail. */
export type AuditEntry = AnswerOf<"reportAudit", 200>["items"][number];

/** `GET /api/officer/quarantine`: reports held for SPKT's review, oldest first. */
export type HeldList = AnswerOf<"quarantine", 200>;
export type HeldReport = HeldList["items"][number];

/** The unsuppressed weekly figures (`GET /api/officer/stats/weekly/{week}`). */
export type WeeklyStats = AnswerOf<"fullStats", 200>;

/** `GET /api/officer/push/key`: the stage's VAPID public key; empty when push is not set up. */
export type PushKey = AnswerOf<"pushKey", 200>;

/** `GET /api/officer/push/devices` (and an admin's `GET /api/admin/officers/{nrp}/push-devices`). */
export type PushDevices = AnswerOf<"pushDevices", 200>;
export type PushDevice = PushDevices["devices"][number];

/** `POST /api/officer/push/devices`: 201 for a new device, 200 for the same one again. */
export type PushDeviceAdded = AnswerOf<"addPushDevice", 201>;

/** `POST /api/officer/reports/{id}/ack`. */
export type Acknowledged = AnswerOf<"acknowledge", 200>;
export type Acknowledgement = Acknowledged["acknowledgement"];

/** `GET /api/admin/officers`: the roster. */
export type OfficerList = AnswerOf<"listOfficers", 200>;
