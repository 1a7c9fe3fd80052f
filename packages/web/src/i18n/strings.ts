import type { Lang } from "@lapora/core/report/messages";
import { en } from "./en";
import { id } from "./id";

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every language file must have: the Indonesian file, with its texts as plain strings. */
export type Strings = Widen<typeof id>;

export type { Lang };
export const LANGS: readonly Lang[] = ["id", "en"];

const BY_LANG: Record<Lang, Strings> = { id, en };

/** The texts of one language. */
export function stringsFor(lang: Lang): Strings {
  return BY_LANG[lang];
}
