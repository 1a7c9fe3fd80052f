/** What the fakes share: the journal of calls, the yield before each atomic step, and injected faults. */

/** Every port call in the order it happened, as `port.op detail`: lets a test check "audited before". */
export type Journal = string[];

/** A deep copy: what goes into or comes out of a store is never the caller's object. */
export const copy = <T>(value: T): T => structuredClone(value);
/** Each fake call yields once before its atomic part, so concurrent callers interleave as on a network. */
export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Errors a test schedules for the next calls of an operation, to play an outage. */
export class Faults<Op extends string> {
  private readonly queued = new Map<Op, Error[]>();
  /** The next `times` calls of `op` throw `error`. */
  failNext(op: Op, error = new Error(`${op} failed (fault injected by the test)`), times = 1): void {
    this.queued.set(op, [...(this.queued.get(op) ?? []), ...Array<Error>(times).fill(error)]);
  }
  /** Throws the next scheduled error of `op`, if any. */
  check(op: Op): void {
    const error = this.queued.get(op)?.shift();
    if (error) throw error;
  }
}
