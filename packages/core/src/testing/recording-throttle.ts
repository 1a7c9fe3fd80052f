import type { SignInThrottle } from "../officer/sign-in";

/** A sign-in throttle that lets every attempt through and records what it was told, for tests. */
export function recordingThrottle() {
  const told: string[] = [];
  const throttle: SignInThrottle = {
    take: async () => ({ waitSeconds: 0 }),
    failed: async () => void told.push("failed"),
    succeeded: async () => void told.push("succeeded"),
  };
  return { throttle, told };
}
