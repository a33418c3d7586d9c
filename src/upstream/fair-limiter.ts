/**
 * A process-wide bound on calls in flight, shared fairly between keys (callers): when a slot
 * frees, the next call comes from the caller after the one served last, not from whoever queued
 * most. One caller with a thousand calls waiting therefore delays another caller's one call by at
 * most one call per other waiting caller, not by a thousand.
 *
 * Hand-written because the npm limiters (p-limit, p-queue, bottleneck) are first-in first-out or
 * weighted by priority, none round-robin by key; this is one queue per key and a ring of keys.
 */
export class FairLimiter {
  private active = 0;
  /** Waiting starts per key, in the order each key first had one waiting. */
  private readonly queues = new Map<string, Array<() => void>>();

  constructor(readonly max: number) {
    if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`max must be a positive integer, got ${max}`);
  }

  /** Calls in flight now. */
  get inFlight(): number {
    return this.active;
  }

  /** Calls waiting for a slot now. */
  get waiting(): number {
    let total = 0;
    for (const queue of this.queues.values()) total += queue.length;
    return total;
  }

  /**
   * Runs `task` once a slot is free and it is `key`'s turn. A call whose `signal` aborts while it
   * waits leaves the queue and rejects with the signal's reason, without ever running.
   */
  run<T>(key: string, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.max && this.queues.size === 0) return this.start(task);
    return new Promise<T>((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      const begin = (): void => {
        signal?.removeEventListener('abort', leave);
        this.start(task).then(resolve, reject);
      };
      const leave = (): void => {
        const at = queue.indexOf(begin);
        if (at >= 0) queue.splice(at, 1);
        if (queue.length === 0 && this.queues.get(key) === queue) this.queues.delete(key);
        reject(signal?.reason);
      };
      queue.push(begin);
      this.queues.set(key, queue);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  private async start<T>(task: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.next();
    }
  }

  /** Starts the oldest waiting call of the key at the head of the ring, then moves that key to the back. */
  private next(): void {
    const head = this.queues.entries().next();
    if (head.done) return;
    const [key, queue] = head.value;
    const begin = queue.shift();
    this.queues.delete(key);
    if (queue.length > 0) this.queues.set(key, queue);
    begin?.();
  }
}
