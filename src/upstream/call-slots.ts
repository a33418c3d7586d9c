import pLimit, { type LimitFunction } from 'p-limit';
import type { FairLimiter } from './fair-limiter';

/**
 * The two bounds every upstream call of one request passes: the request's own (at most
 * `concurrency` calls in flight at once), then the process's, shared fairly between callers.
 */
export class CallSlots {
  private readonly limit: LimitFunction;

  constructor(
    concurrency: number,
    private readonly fair: FairLimiter | undefined,
    private readonly caller: string,
  ) {
    this.limit = pLimit(concurrency);
  }

  run<T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    const fair = this.fair;
    return this.limit(() => (fair ? fair.run(this.caller, signal, call) : call()));
  }
}
