import { MAX_PHOTOS } from "../evidence/rules";
import { type PublicReportView, toPublicView } from "../report/public-view";
import type { Report, ReporterFeedback } from "../report/types";
import { asksForSay } from "./closure";
import { holdsContact } from "./retention";
import { forReporter, type ReporterThreadMessage } from "./thread";
import type { ThreadMessage } from "./types";

/**
 * What the holder of a report's code and secret sees: the public view, and what is theirs alone: the
 * thread with the officers, and how many more photos they may add. Built field by field, like the public
 * view: their own name, phone and coordinates are not sent back (they have them), nor any officer's name.
 */
export interface ReporterReportView extends PublicReportView {
  /** What they wrote: theirs alone, never in the public view. */
  description: string;
  thread: ReporterThreadMessage[];
  /** Photos they may still add, through the same checked upload path (5 per report in all). */
  photosRemaining: number;
  /** Their say at closure: whether it is asked now, and the last one they gave. */
  say: { asked: boolean; given?: ReporterFeedback };
  /**
   * Whether Lapora still holds their name, phone, contact wishes or exact location (never the values),
   * and when they were erased (reporter/retention.ts).
   */
  contact: { held: boolean; erasedAt?: string };
}

export function toReporterView(
  report: Report,
  photos: number,
  messages: readonly ThreadMessage[],
): ReporterReportView {
  return {
    ...toPublicView(report, photos),
    description: report.description,
    thread: forReporter(messages),
    photosRemaining: Math.max(0, MAX_PHOTOS - photos),
    say: { asked: asksForSay(report), ...(report.feedback ? { given: report.feedback } : {}) },
    contact: {
      held: holdsContact(report),
      ...(report.contactErasedAt ? { erasedAt: report.contactErasedAt } : {}),
    },
  };
}
