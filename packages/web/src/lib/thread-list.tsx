import type { Lang } from "@lapora/core/browser";
import { formatWib } from "./time";

/** One message of a report's thread, as both the tracking page and the console receive it. */
export interface ThreadItem {
  at: string;
  from: "officer" | "reporter";
  text: string;
}

/**
 * A report's thread with its reporter, oldest first: who wrote each message (the caller names them), when,
 * and the text, always as text (nothing an officer or a reporter wrote ever becomes markup).
 */
export function ThreadList<M extends ThreadItem>({
  messages,
  who,
  lang,
  keyOf,
}: {
  messages: readonly M[];
  who: (m: M) => string;
  lang: Lang;
  keyOf: (m: M, i: number) => string;
}) {
  return (
    <ol class="thread" data-testid="thread">
      {messages.map((m, i) => (
        <li key={keyOf(m, i)} class={`from-${m.from}`}>
          <strong class="who">{who(m)}</strong>
          <time dateTime={m.at}>{formatWib(m.at, lang, "short")}</time>
          <p>{m.text}</p>
        </li>
      ))}
    </ol>
  );
}
