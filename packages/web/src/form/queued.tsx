import { useEffect, useRef } from "preact/hooks";
import { useLang } from "../i18n/lang";
import "../styles/receipt.css";

/** Instead of the receipt when there was no signal: the report waits on the phone and goes by itself. */
export function Queued({ waiting, onAnother }: { waiting: number; onAnother(): void }) {
  const { t } = useLang();
  const o = t.outbox;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="success" aria-labelledby="queued-title" data-testid="queued">
      <h1 id="queued-title" tabIndex={-1} ref={heading}>
        <span aria-hidden="true">📥 </span>
        {o.queuedTitle}
      </h1>
      <p>{o.queuedLead}</p>
      <p role="status">{o.waiting(waiting)}</p>
      <p class="alert">
        {o.queuedCall} <a href="tel:110">110</a>
      </p>
      <div class="actions">
        <button type="button" class="button button-secondary" onClick={onAnother}>
          {o.another}
        </button>
      </div>
    </section>
  );
}
