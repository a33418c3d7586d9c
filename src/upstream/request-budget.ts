import { UpstreamLimitError } from '../kube/errors';
import type { ByteMeter } from '../kube/kube-client';
import type { BytesInUse } from './bytes-in-use';
import type { FairLimiter } from './fair-limiter';

/** The few process-wide slots heavy requests share (MAX_HEAVY_REQUESTS, HEAVY_REQUEST_CALLS). */
export interface HeavyAdmission {
  /** One slot per heavy request in progress, taken in turn between callers. */
  slots: FairLimiter;
  /** Calls a request may make before it is heavy. */
  afterCalls: number;
  /** The caller, for taking turns. */
  key: string;
  /** The request's lifetime: a request that ends while it waits leaves the queue. */
  signal?: AbortSignal;
}

export interface RequestBudgetOptions {
  /** Most upstream calls the request may make (MAX_UPSTREAM_CALLS). */
  maxCalls: number;
  /** Most upstream answer bytes the request may read (MAX_REQUEST_UPSTREAM_BYTES). */
  maxBytes: number;
  /** The process-wide account the request's bytes are also taken from, until `release`. */
  process?: BytesInUse;
  heavy?: HeavyAdmission;
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
  /**
   * One error for every call refused once the calls are spent: a query past its budget can have
   * thousands of fields left, and an error each (a stack captured and formatted each) would cost
   * more than the calls it saves.
   */
  private exhausted: UpstreamLimitError | undefined;
  /** Settled once the request holds a heavy slot (or could not get one). */
  private admitted: Promise<void> | undefined;
  private endHeavy: (() => void) | undefined;

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
      this.exhausted ??= new UpstreamLimitError(
        'MAX_UPSTREAM_CALLS',
        maxCalls,
        this.callsMade,
        `Upstream call limit of ${maxCalls} reached: this request has made ${this.callsMade} Kubernetes API calls, and this field needs another. Ask for fewer items or fewer navigation fields.`,
      );
      throw this.exhausted;
    }
    this.callsMade++;
  }

  /**
   * Resolves when the request may make its next call. A light request (fewer calls than
   * `heavy.afterCalls`) may at once; a heavy one first takes one of the few heavy slots and keeps
   * it until `release`. Light requests, nearly all of them, never wait behind heavy ones, and
   * however many heavy ones arrive, only a few hold their answers in memory and build them on
   * the event loop at a time.
   *
   * `ahead`: calls the request is about to need (a list's items times the calls under each),
   * asked before it starts them: a request that will be heavy waits for its slot holding one
   * list, not the thousands of loads, pending fields and errors it would otherwise build first.
   */
  admission(ahead = 0): Promise<void> | undefined {
    const heavy = this.options.heavy;
    // Once heavy, heavy to the end: every later call goes on the slot taken.
    if (this.admitted) return this.admitted;
    if (!heavy || this.callsMade + ahead <= heavy.afterCalls) return undefined;
    this.admitted = new Promise<void>((admitted, refused) => {
      heavy.slots
        .run(heavy.key, heavy.signal, () => {
          admitted();
          if (this.released) return Promise.resolve();
          return new Promise<void>((ended) => (this.endHeavy = ended));
        })
        .catch(refused);
    });
    return this.admitted;
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

  /** An answer dropped unread (too large, or past a budget): its bytes count no more, here or process-wide. */
  giveBack(bytes: number): void {
    const returned = Math.min(bytes, this.bytesRead);
    this.bytesRead -= returned;
    if (!this.released) this.options.process?.release(returned);
  }

  /** Gives the request's bytes back to the process-wide account, and its heavy slot; called once its response is sent. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.options.process?.release(this.bytesRead);
    this.endHeavy?.();
  }
}
