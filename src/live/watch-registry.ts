// The subscriptions of the process and the upstream watches behind them: one watch per caller
// (by the keyed hash of the credentials) and namespace, shared by that caller's subscriptions on
// it and closed with the last of them. Another caller never shares it: what a watch sees was read
// with one caller's token. Caps on subscriptions, per caller and for the process, are checked
// before anything is opened upstream.
import { GraphQLError } from 'graphql';
import type { ImageStreamChange, ImageStreamChangeRequest } from '../context';
import { errorCode } from '../errors';
import type { CallerAuth, KubeClient } from '../kube/kube-client';
import { callerKey } from '../upstream/caller-key';
import { EventQueue } from './event-queue';
import { NamespaceWatch, type WatchSubscriber } from './namespace-watch';

export interface WatchRegistryOptions {
  kube: KubeClient;
  /** The secret of the caller keys (upstream/caller-key). */
  keySecret: Buffer;
  /** MAX_SUBSCRIPTIONS_PER_CALLER. */
  maxPerCaller: number;
  /** MAX_SUBSCRIPTIONS. */
  maxTotal: number;
  /** MAX_PENDING_EVENTS: events waiting for one slow client before its subscription ends. */
  maxPendingEvents: number;
  /** Consecutive failed upstream attempts of a watch before its subscribers get UPSTREAM_UNAVAILABLE; default 5. */
  retries?: number;
  /** Default 200 ms. */
  retryBaseMs?: number;
  /** Default 300 s, as client-go's reflectors ask (it varies theirs between 5 and 10 minutes). */
  watchTimeoutSeconds?: number;
  /** Default 1000. */
  replayLimit?: number;
  /** Told the number of open subscriptions whenever it changes (the metrics' gauge). */
  onSubscriptions?: (open: number) => void;
}

export interface RegistryStats {
  subscriptions: number;
  /** Upstream watches open (one per caller and namespace in use). */
  watches: number;
}

const limitError = (message: string, limit: string, max: number): GraphQLError =>
  new GraphQLError(message, { extensions: { code: errorCode('SUBSCRIPTION_LIMIT_EXCEEDED'), limit, max } });

export class WatchRegistry {
  private readonly watches = new Map<string, NamespaceWatch>();
  private readonly perCaller = new Map<string, number>();
  private total = 0;

  constructor(private readonly options: WatchRegistryOptions) {}

  stats(): RegistryStats {
    return { subscriptions: this.total, watches: this.watches.size };
  }

  /**
   * The changes `auth` may see, as an iterator that ends with the error that ended them
   * (FORBIDDEN, UPSTREAM_UNAVAILABLE, SLOW_CONSUMER …). Throws SUBSCRIPTION_LIMIT_EXCEEDED at once,
   * before anything is opened upstream.
   */
  subscribe(auth: CallerAuth, request: ImageStreamChangeRequest): AsyncIterableIterator<ImageStreamChange> {
    if (!this.options.kube.watch) throw new TypeError('live updates need a KubeClient that can watch');
    const caller = callerKey(auth, this.options.keySecret);
    const mine = this.perCaller.get(caller) ?? 0;
    if (mine >= this.options.maxPerCaller) {
      throw limitError(`this caller has ${mine} subscriptions open, the most one caller may have (MAX_SUBSCRIPTIONS_PER_CALLER=${this.options.maxPerCaller}); close one first`, 'MAX_SUBSCRIPTIONS_PER_CALLER', this.options.maxPerCaller);
    }
    if (this.total >= this.options.maxTotal) {
      throw limitError(`the gateway has ${this.total} subscriptions open, its limit (MAX_SUBSCRIPTIONS=${this.options.maxTotal}); try again later`, 'MAX_SUBSCRIPTIONS', this.options.maxTotal);
    }
    this.count(caller, +1);
    const key = JSON.stringify([caller, request.namespace]);
    let watch = this.watches.get(key);
    if (!watch) {
      const created: NamespaceWatch = new NamespaceWatch({
        kube: this.options.kube as Required<KubeClient>,
        auth,
        namespace: request.namespace,
        retries: this.options.retries ?? 5,
        retryBaseMs: this.options.retryBaseMs ?? 200,
        timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
        replayLimit: this.options.replayLimit ?? 1000,
        onStop: () => {
          if (this.watches.get(key) === created) this.watches.delete(key);
        },
      });
      watch = created;
      this.watches.set(key, watch);
    }
    const shared = watch;
    shared.attach();
    const subscriber: WatchSubscriber = {
      ...(request.name !== undefined ? { name: request.name } : {}),
      deliver: (change) => queue.push(change),
      fail: (error) => queue.fail(error),
    };
    const queue = new EventQueue<ImageStreamChange>(this.options.maxPendingEvents, () => {
      shared.detach(subscriber);
      this.count(caller, -1);
    });
    shared.join(subscriber, request.resourceVersion).catch((error: unknown) => queue.fail(error));
    return queue;
  }

  private count(caller: string, by: 1 | -1): void {
    const next = (this.perCaller.get(caller) ?? 0) + by;
    if (next > 0) this.perCaller.set(caller, next);
    else this.perCaller.delete(caller);
    this.total += by;
    this.options.onSubscriptions?.(this.total);
  }
}
