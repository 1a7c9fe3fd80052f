import { useEffect, useState } from "preact/hooks";
import type { Auth } from "../../lib/api";

// sessionStorage, not localStorage: the token dies with the tab, and a shared phone's next user does
// not inherit it. A second tab signs in on its own.
const KEY = "lapora.console.session";
const CHANGE = "lapora:console-session";

export interface Session {
  idToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Why there is no session: never signed in, signed out, or the server said the token expired. */
export type SignedOutReason = "none" | "signed_out" | "expired";

let reason: SignedOutReason = "none";
let memory: Session | undefined;

function read(): Session | undefined {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Partial<Session>) : undefined;
    if (typeof s?.idToken !== "string" || typeof s.expiresAt !== "number") return undefined;
    return s.expiresAt > Date.now() ? { idToken: s.idToken, expiresAt: s.expiresAt } : undefined;
  } catch {
    return undefined;
  }
}

function write(session: Session | undefined) {
  try {
    if (session) window.sessionStorage.setItem(KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the session then lasts until the next reload only.
  }
  memory = session;
  window.dispatchEvent(new Event(CHANGE));
}

/** The current session, if it has not expired. */
export function currentSession(): Session | undefined {
  const s = read() ?? memory;
  return s && s.expiresAt > Date.now() ? s : undefined;
}

/** Keeps the token of a successful sign-in. */
export function startSession(idToken: string, expiresInSeconds: number): void {
  reason = "none";
  write({ idToken, expiresAt: Date.now() + expiresInSeconds * 1000 });
}

/** Forgets the token: on sign-out, or when the server answers 401. */
export function endSession(why: Exclude<SignedOutReason, "none">): void {
  reason = why;
  write(undefined);
}

/** Why the last session ended, for the sign-in page to say so. */
export function signedOutReason(): SignedOutReason {
  return reason;
}

/** The current session, re-rendering on sign-in and sign-out. */
export function useSession(): Session | undefined {
  const [session, setSession] = useState(currentSession);
  useEffect(() => {
    const update = () => setSession(currentSession());
    window.addEventListener(CHANGE, update);
    return () => window.removeEventListener(CHANGE, update);
  }, []);
  return session;
}

/**
 * The signed-in officer's token for the API client. A 401 on an officer route ends the session, which
 * sends the console back to the sign-in page.
 */
export const officerAuth: Auth = {
  token: () => currentSession()?.idToken,
  onUnauthorized: (path) => {
    if (path.startsWith("/api/officer/")) endSession("expired");
  },
};
