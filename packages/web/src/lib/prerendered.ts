// index.html carries the report form prerendered (src/prerender.tsx), so on a slow link the resident can
// choose and type before the script has arrived. When it arrives, the app renders over those same elements
// (Preact reuses them, so the focus and the caret's field stay) and sets them to its own state; what the
// resident had changed is then replayed through the form's own handlers, so nothing she did is lost.

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** One change made before the script ran: which control (a CSS selector) and what it now holds. */
export interface EarlyChange {
  selector: string;
  value?: string;
  checked?: boolean;
}

const isToggle = (el: Control): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox");

function selectorOf(el: Control): string | undefined {
  if (isToggle(el) && el.name) return `input[name="${CSS.escape(el.name)}"][value="${CSS.escape(el.value)}"]`;
  return el.id ? `#${CSS.escape(el.id)}` : undefined;
}

function defaultOf(el: HTMLSelectElement): string {
  const chosen = Array.from(el.options).find((o) => o.defaultSelected) ?? el.options[0];
  return chosen?.value ?? "";
}

/** What the resident changed in the prerendered controls under `root`, in page order. */
export function earlyChanges(root: HTMLElement): EarlyChange[] {
  const out: EarlyChange[] = [];
  for (const el of Array.from(root.querySelectorAll<Control>("input, textarea, select"))) {
    const selector = selectorOf(el);
    if (!selector) continue;
    if (isToggle(el)) {
      // A radio's handler sets its own value, whatever `checked` says: only the one now chosen is replayed.
      const changed = el.checked !== el.defaultChecked && (el.type === "checkbox" || el.checked);
      if (changed) out.push({ selector, checked: el.checked });
    } else if (el instanceof HTMLSelectElement) {
      if (el.value !== defaultOf(el)) out.push({ selector, value: el.value });
    } else if (el.type !== "file" && el.value !== el.defaultValue) {
      out.push({ selector, value: el.value });
    }
  }
  return out;
}

/** Applies the changes again, as the resident's own input and change events, through the app's handlers. */
export function replayChanges(root: HTMLElement, changes: readonly EarlyChange[]): void {
  for (const change of changes) {
    const el = root.querySelector<Control>(change.selector);
    if (!el) continue;
    if (change.checked !== undefined && isToggle(el)) el.checked = change.checked;
    if (change.value !== undefined) el.value = change.value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }
}
