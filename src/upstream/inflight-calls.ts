import { EventLoopTurns } from './event-loop-turns';

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

/**
 * Identical upstream GETs of one caller that are in flight at the same time, across requests,
 * share one call (a burst of REST requests for one object costs one upstream call). Nothing is
 * kept once the call settles, and the key holds a hash of the caller's token, so no answer ever
 * reaches a caller other than the one whose credentials fetched it (see ./caller-key).
 */
export class InflightCalls {
  private readonly entries = new Map<string, Entry>();
  /** Joiners resume one per event-loop turn (see `run`). */
  private readonly turns = new EventLoopTurns();

  /** Calls in flight now (for metrics and tests). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Runs `call` once per `key` at a time; joiners get the same result. The shared call is
   * cancelled only when every request waiting for it has gone.
   */
  run<T>(key: string, signal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    const joining = entry !== undefined;
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = { controller, waiters: 0, promise: Promise.resolve() };
      created.promise = call(controller.signal).finally(() => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
      this.entries.set(key, created);
      entry = created;
    }
    const joined = entry;
    joined.waiters += 1;
    if (signal) {
      const leave = () => {
        joined.waiters -= 1;
        if (joined.waiters === 0) joined.controller.abort(signal.reason);
      };
      if (signal.aborted) leave();
      else signal.addEventListener('abort', leave, { once: true });
      void joined.promise.catch(() => undefined).finally(() => signal.removeEventListener('abort', leave));
    }
    const shared = joined.promise as Promise<T>;
    // The many requests that shared one call resume one per turn, not all in one synchronous stretch.
    return joining ? shared.then((value) => this.turns.next().then(() => value), (error: unknown) => this.turns.next().then(() => Promise.reject(error))) : shared;
  }
}
