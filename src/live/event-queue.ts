// The events waiting for one subscriber. A client that reads slower than events come would make
// this grow for ever; past `max` waiting, the subscription ends with SLOW_CONSUMER and what
// was waiting is dropped, so one slow reader costs the process a bounded amount of memory.
import { GraphQLError } from 'graphql';
import { errorCode } from '../errors';

export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiter: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  private failure: { error: unknown } | undefined;
  private done = false;

  constructor(
    /** MAX_PENDING_EVENTS. */
    private readonly max: number,
    /** Told once when the iteration ends, whichever way. */
    private readonly onEnd: () => void,
  ) {}

  /** Adds an event; past the bound, ends the iteration with SLOW_CONSUMER instead. */
  push(item: T): void {
    if (this.done || this.failure) return;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter.resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.max) {
      this.items.length = 0;
      this.fail(
        new GraphQLError(
          `the subscription was ended: more than ${this.max} events waited to be sent to this client (MAX_PENDING_EVENTS); subscribe again from the resourceVersion of the last event received`,
          { extensions: { code: errorCode('SLOW_CONSUMER'), limit: 'MAX_PENDING_EVENTS', max: this.max } },
        ),
      );
      return;
    }
    this.items.push(item);
  }

  /** Ends the iteration with `error`, after the events already waiting. */
  fail(error: unknown): void {
    if (this.done || this.failure) return;
    this.failure = { error };
    // Nothing more will come: the watch need not wait for the client to read the error.
    this.release();
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      this.finish();
      waiter.reject(error);
    }
  }

  get pending(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
    if (this.failure && !this.done) {
      this.finish();
      return Promise.reject(this.failure.error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.finish();
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    this.done = true;
    this.release();
  }

  private released = false;

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.onEnd();
  }
}
