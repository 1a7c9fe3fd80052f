import { canAskReporter } from "@lapora/core/browser";
import type { AnswerOf } from "@lapora/core/contract";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../../i18n/console-lang";
import { call } from "../../lib/api";
import { ThreadList } from "../../lib/thread-list";
import { formatWib } from "../../lib/time";
import { officerLabel } from "../lib/names";
import { officerAuth } from "../lib/session";
import type { Report } from "../lib/types";
import { useMe } from "../me";

type Message = AnswerOf<"reportThread", 200>["items"][number];
type State = { kind: "loading" } | { kind: "ok"; items: Message[] } | { kind: "failed" };
const MAX = 1000;

/**
 * The anonymous two-way thread with the report's reporter: questions from officers, answers the reporter
 * sends with their code and secret. Not a note: the reporter reads it. Every text is shown as text.
 */
export function ThreadPanel({ report, onChanged }: { report: Report; onChanged(): void }) {
  const { t, lang } = useT();
  const th = t.thread;
  const { officer } = useMe();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [text, setText] = useState("");
  const [sending, setSending] = useState<"" | "sending" | "sent" | "empty" | "long" | "failed">("");
  const path = `/api/officer/reports/${encodeURIComponent(report.reportId)}/thread`;

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: "loading" });
    call<{ items: Message[] }>("GET", path, { auth: officerAuth, signal: controller.signal }).then((res) => {
      if (!controller.signal.aborted)
        setState(res.kind === "ok" ? { kind: "ok", items: res.data.items } : { kind: "failed" });
    });
    return () => controller.abort();
  }, [path]);

  const ask = async (e: Event) => {
    e.preventDefault();
    const question = text.trim();
    if (!question) return setSending("empty");
    if ([...question].length > MAX) return setSending("long");
    setSending("sending");
    const res = await call<{ items: Message[] }>("POST", path, {
      auth: officerAuth,
      body: { text: question },
    });
    if (res.kind !== "ok") return setSending("failed");
    setText("");
    setSending("sent");
    setState({ kind: "ok", items: res.data.items });
    onChanged();
  };

  const who = (m: Message) =>
    m.from === "reporter"
      ? th.reporter
      : m.nrp === officer.nrp
        ? t.you
        : officerLabel(m.nrp ?? "", t.auditNrp);
  return (
    <section class="panel" aria-labelledby="thread-title">
      <h2 id="thread-title">{th.title}</h2>
      <p class="hint">{th.intro}</p>
      {report.feedback && (
        <div data-testid="reporter-say">
          <h3>{th.sayTitle}</h3>
          <p>
            {th.saySatisfied(report.feedback.satisfied, report.feedback.rating)} ·{" "}
            <time dateTime={report.feedback.at}>{formatWib(report.feedback.at, lang, "short")}</time>
          </p>
          {report.feedback.comment && <p class="note">{report.feedback.comment}</p>}
        </div>
      )}
      {report.reopenCount ? <p class="hint">{th.reopenedTimes(report.reopenCount)}</p> : null}
      {state.kind === "loading" && <p class="progress">{t.loading}</p>}
      {state.kind === "failed" && <p class="alert">{th.failed}</p>}
      {state.kind === "ok" && state.items.length === 0 && <p>{th.empty}</p>}
      {state.kind === "ok" && state.items.length > 0 && (
        <ThreadList messages={state.items} who={who} lang={lang} keyOf={(m) => m.messageId} />
      )}
      {canAskReporter(officer, report) && (
        <form noValidate onSubmit={ask}>
          <label for="thread-question">{th.askLabel}</label>
          <p class="hint" id="thread-question-hint">
            {th.askHint}
          </p>
          <textarea
            id="thread-question"
            value={text}
            aria-describedby="thread-question-hint"
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={sending === "sending"}>
            {th.ask}
          </button>
          <p role="status" class="hint">
            {sending === "sent"
              ? th.sent
              : sending === "empty"
                ? th.emptyQuestion
                : sending === "long"
                  ? th.tooLong
                  : sending === "failed"
                    ? th.failed
                    : ""}
          </p>
        </form>
      )}
    </section>
  );
}
