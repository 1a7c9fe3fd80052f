import { type FieldName, fieldDomId } from "./field-ids";

/** A field's error text, referenced by the field's aria-describedby. */
export function FieldError({ field, message }: { field: FieldName; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${fieldDomId(field)}-error`} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** The ids for aria-describedby: the hint (if any) and the error (when shown). */
export function describedBy(field: FieldName, hasError: boolean, ...extra: string[]): string | undefined {
  const ids = [...extra, ...(hasError ? [`${fieldDomId(field)}-error`] : [])];
  return ids.length > 0 ? ids.join(" ") : undefined;
}
