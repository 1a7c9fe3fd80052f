import { readJson, writeJson } from "./storage";

// The reporter secrets this device was given, by tracking code: with the code, a secret opens the
// reporter's own view (the officers' questions, answers, later photos). Kept only on this phone.
const KEY = "lapora.reporterSecrets";

const all = (): Record<string, string> => {
  const kept = readJson(KEY);
  return kept && typeof kept === "object" && !Array.isArray(kept) ? (kept as Record<string, string>) : {};
};

/** The secret this device keeps for a report, if any. */
export const secretFor = (code: string): string | undefined => {
  const s = all()[code];
  return typeof s === "string" ? s : undefined;
};

/** Keeps a report's secret on this device (a newer one for the same code replaces it). */
export const rememberSecret = (code: string, secret: string) => writeJson(KEY, { ...all(), [code]: secret });

/** Removes a report's secret from this device. */
export const forgetSecret = (code: string) => {
  const { [code]: _gone, ...rest } = all();
  writeJson(KEY, Object.keys(rest).length ? rest : undefined);
};
