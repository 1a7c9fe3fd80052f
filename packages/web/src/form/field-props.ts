import type { FormState } from "./form-state";
import type { FieldName } from "./validate";

/** What every group of form controls gets from the form. */
export interface FieldProps {
  state: FormState;
  set(patch: Partial<FormState>): void;
  /** The message to show for a field now, if any. */
  errorOf(field: FieldName): string | undefined;
  /**
   * Shows a field's problems before any submit. Only for choices and the located point: a text field's
   * errors wait for the submit (as GOV.UK advises), since a message appearing on blur moves the submit
   * button out from under the finger that is pressing it.
   */
  touch(field: FieldName): void;
}
