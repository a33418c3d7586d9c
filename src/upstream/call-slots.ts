import pLimit, { type LimitFunction } from 'p-limit';
import type { FairLimiter } from './fair-limiter';

/**
 * The two bounds every upstream call of one request passes: the request's own (at most
 * `concurrency` calls in flight at once), then the process's, shared fairly between callers.
 */
export class CallSlots {
  /** Made on the first call: a request answered from the cache makes none. */
  private limit: LimitFunction | undefined;

  constructor(
    private readonly concurrency: number,
    private readonly fair: FairLimiter | undefined,
    private readonly caller: string,
  ) {}

  run<T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    const fair = this.fair;
    this.limit ??= pLimit(this.concurrency);
    return this.limit(() => (fair ? fair.run(this.caller, signal, call) : call()));
  }
}
