import type { FieldName } from "./validate";

export type { FieldName };

/** The DOM id of the control a field's error points to (the first radio of a group). */
export function fieldDomId(field: FieldName): string {
  return `f-${field.replaceAll(".", "-")}`;
}

/** Moves focus to a field's control and brings it into view, e.g. from the error summary. */
export function focusField(field: FieldName): void {
  const el = document.getElementById(fieldDomId(field));
  if (!el) return;
  el.focus();
  el.scrollIntoView({ block: "center" });
}
