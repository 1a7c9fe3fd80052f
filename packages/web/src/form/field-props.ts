import type { FormState } from "./form-state";
import type { FieldName } from "./validate";

/** What every group of form controls gets from the form. */
export interface FieldProps {
  state: FormState;
  set(patch: Partial<FormState>): void;
  /** The message to show for a field now, if any. */
  errorOf(field: FieldName): string | undefined;
  /** Marks a field as visited, so its problems start to show. */
  touch(field: FieldName): void;
}
