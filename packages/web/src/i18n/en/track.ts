import type { TrackTexts } from "../types";

/** The tracking page's English texts. */
export const track: TrackTexts = {
  track: {
    title: "Track a Report",
    intro: "Enter the report code you got when you reported.",
    codeLabel: "Report code",
    codeHint: "For example: LPR-2PNG-FTHH-38GG-1",
    submit: "Track",
    loading: "Loading the report…",
    format: "A report code looks like LPR-XXXX-XXXX-XXXX-X. Please check it.",
    checksum: "This code has a typo. Check each letter and digit.",
    notFound: "No report has this code. Please check it.",
    failed: "The report could not be loaded. Check your signal and try again.",
    statusLabel: "Status",
    steps: "Report progress",
    stepDone: "(done)",
    stepCurrent: "(now)",
    stepTodo: "(not yet)",
    category: "Type of incident",
    place: "Place",
    reportedAt: "Reported",
    updatedAt: "Last updated",
    timeline: "History",
    photos: "Photos",
    photosReceived: (n: number) =>
      n === 0 ? "No photos yet" : n === 1 ? "1 photo received" : `${n} photos received`,
    verifyBy: "To be checked by",
    resolveBy: "To be resolved by",
    met: "met",
    missed: "missed",
    bookmark: "Bookmark this page to check it again later.",
  },
  statusHints: {
    diterima: "The report has arrived and is waiting for an officer to check it.",
    diverifikasi: "An officer has checked the report and will follow it up.",
    ditangani: "Officers are dealing with this incident.",
    selesai: "The police have finished handling this report.",
    ditolak: "The report cannot be followed up. See the note in the history.",
    duplikat: "Someone else already reported this; it is handled together.",
  },
};
