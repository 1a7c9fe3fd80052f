import type { common } from "./id/common";
import type { consoleTexts } from "./id/console";
import type { form } from "./id/form";
import type { reporter } from "./id/reporter";
import type { site } from "./id/site";
import type { stats } from "./id/stats";
import type { track } from "./id/track";

// One string table per language, one file per part (id/ and en/ hold the same files), so each page loads
// only its own texts: the form page never carries the console's or the statistics'. Indonesian is the
// source: every English file must have the shape of its Indonesian twin.

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

export type CommonTexts = Widen<typeof common>;
export type SiteFrameTexts = Widen<typeof site>;
export type FormTexts = Widen<typeof form>;
export type TrackTexts = Widen<typeof track>;
/** The reporter's part of the tracking page: its own chunk, with the report view. */
export type ReporterTexts = Widen<typeof reporter>;
export type StatsTexts = Widen<typeof stats>;
export type ConsoleSectionTexts = Widen<typeof consoleTexts>;

/** Everything the public site shows (the Statistik page's own texts load with it, see StatsTexts). */
export type SiteTexts = CommonTexts & SiteFrameTexts & FormTexts & TrackTexts;
/** Everything the officers' console shows. */
export type ConsoleTexts = CommonTexts & ConsoleSectionTexts;
