import { UpstreamUnavailableError } from '../kube/errors';

/**
 * The upstream answer bytes held by every request still being answered, across the process:
 * the bound that keeps memory flat when many large requests arrive at once. A request takes
 * bytes as its answers stream in and gives them all back when its response has been sent.
 */
export class BytesInUse {
  private used = 0;

  constructor(readonly max: number) {
    if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`max must be a positive integer, got ${max}`);
  }

  get bytes(): number {
    return this.used;
  }

  /** Takes `bytes`, or throws `overloaded` (taking nothing) when that would pass the bound. */
  take(bytes: number): void {
    if (this.used + bytes > this.max) {
      throw new UpstreamUnavailableError(
        `the gateway holds ${this.used} bytes of upstream answers for requests in progress and may hold ${this.max} (MAX_UPSTREAM_BYTES_IN_USE)`,
        'overloaded',
      );
    }
    this.used += bytes;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}
