import type { Desa } from "@lapora/core/browser";
import type { TargetedEvent, TargetedKeyboardEvent } from "preact";
import { useState } from "preact/hooks";
import { useLang } from "../i18n/lang";

interface Props {
  id: string;
  options: readonly Desa[];
  /** The chosen desa's code, or "". */
  value: string;
  text: string;
  disabled: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  onText(text: string, code: string): void;
}

// Case and accents do not matter when searching: "soak baru" finds "Soak Baru".
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();

/**
 * A desa picker searchable by typing: the ARIA 1.2 combobox pattern (an input with a list box). The
 * list sits in the page flow under the input, so nothing is clipped on a small screen.
 */
export function DesaCombobox(props: Props) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${props.id}-list`;
  const chosen = props.options.find((d) => d.code === props.value);
  const query = chosen && chosen.name === props.text ? "" : fold(props.text);
  const matches = query ? props.options.filter((d) => fold(d.name).includes(query)) : props.options;
  const shown = open && !props.disabled;

  const pick = (d: Desa) => {
    props.onText(d.name, d.code);
    setOpen(false);
  };
  const onInput = (e: TargetedEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const exact = props.options.filter((d) => fold(d.name) === fold(text));
    props.onText(text, exact.length === 1 && exact[0] ? exact[0].code : "");
    setOpen(true);
    setActive(0);
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!shown) return setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + matches.length) % Math.max(matches.length, 1));
    } else if (e.key === "Enter" && shown) {
      const d = matches[active];
      if (d) {
        e.preventDefault(); // picks the desa instead of submitting the form
        pick(d);
      }
    } else if (e.key === "Escape" && shown) {
      e.preventDefault();
      // Closing the list uses this Escape: it does not count towards the quick exit's two.
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div class="combobox">
      <input
        id={props.id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && matches[active] ? `${listId}-${active}` : undefined}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        disabled={props.disabled}
        value={props.text}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <div id={listId} role="listbox" class="listbox" hidden={!shown} aria-label={t.form.place.desa}>
        {matches.map((d, i) => (
          // The options are never focused themselves: focus stays in the input and aria-activedescendant
          // points at the active one, and the input's key handler does the keyboard part.
          // biome-ignore lint/a11y/useFocusableInteractive: combobox pattern, see above
          // biome-ignore lint/a11y/useKeyWithClickEvents: combobox pattern, see above
          <div
            key={d.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={d.code === props.value}
            class={i === active ? "option active" : "option"}
            // Keeps focus in the input, so picking with a tap does not count as leaving the field.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(d)}
          >
            {d.name}
          </div>
        ))}
      </div>
      {shown && (
        <p class="combobox-status" role="status">
          {matches.length === 0 ? t.form.place.noMatch : t.form.place.found(matches.length)}
        </p>
      )}
    </div>
  );
}
