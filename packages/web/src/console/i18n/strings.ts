import type { Lang } from "@lapora/core/report/messages";
import { en } from "./en";
import { id } from "./id";

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

/** The shape of the console's texts: the Indonesian file, with its texts as plain strings. */
export type ConsoleStrings = Widen<typeof id>;
export type { Lang };

const BY_LANG: Record<Lang, ConsoleStrings> = { id, en };

/** The console's texts in one language. */
export function consoleStrings(lang: Lang): ConsoleStrings {
  return BY_LANG[lang];
}
