import { UpstreamLimitError } from '../kube/errors';
import type { ByteMeter } from '../kube/kube-client';
import type { BytesInUse } from './bytes-in-use';

export interface RequestBudgetOptions {
  /** Most upstream calls the request may make (MAX_UPSTREAM_CALLS). */
  maxCalls: number;
  /** Most upstream answer bytes the request may read (MAX_REQUEST_UPSTREAM_BYTES). */
  maxBytes: number;
  /** The process-wide account the request's bytes are also taken from, until `release`. */
  process?: BytesInUse;
}

/**
 * The work one request may cause upstream, counted as it happens: the estimate refuses what is
 * plainly too much before any call, this refuses the rest (lists whose length no estimate can
 * know) when it is reached. Every upstream call of the request is counted before it is made and
 * every byte of its answers as it streams in.
 */
export class RequestBudget implements ByteMeter {
  private callsMade = 0;
  private bytesRead = 0;
  private released = false;

  constructor(private readonly options: RequestBudgetOptions) {}

  get calls(): number {
    return this.callsMade;
  }

  get bytes(): number {
    return this.bytesRead;
  }

  /** Counts one upstream call, or throws when the request has made all it may. */
  spendCall(): void {
    const { maxCalls } = this.options;
    if (this.callsMade >= maxCalls) {
      throw new UpstreamLimitError(
        'MAX_UPSTREAM_CALLS',
        maxCalls,
        this.callsMade,
        `Upstream call limit of ${maxCalls} reached: this request has made ${this.callsMade} Kubernetes API calls, and this field needs another. Ask for fewer items or fewer navigation fields.`,
      );
    }
    this.callsMade++;
  }

  /** Counts answer bytes as they arrive (the adapter's meter). */
  take(bytes: number): void {
    const { maxBytes } = this.options;
    if (this.bytesRead + bytes > maxBytes) {
      throw new UpstreamLimitError(
        'MAX_REQUEST_UPSTREAM_BYTES',
        maxBytes,
        this.bytesRead + bytes,
        `Upstream byte limit of ${maxBytes} reached: this request has read ${this.bytesRead} bytes of Kubernetes API answers, and this field needs more.`,
      );
    }
    // After the response has gone, late bytes (a shared call finishing) are not held by anyone.
    if (!this.released) this.options.process?.take(bytes);
    this.bytesRead += bytes;
  }

  /** Gives the request's bytes back to the process-wide account; called once its response is sent. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.options.process?.release(this.bytesRead);
  }
}
