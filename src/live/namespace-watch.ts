// One upstream watch of one namespace's image streams, for one caller, shared by all of that
// caller's subscriptions on the namespace. It lists first (the state every change is compared
// with, and the revision to watch from), then watches from there; a dropped connection resumes
// from the last revision seen (an event or a bookmark) with backoff; 410 Expired lists again and
// hands subscribers only what really differs from what they last saw.
import { GraphQLError } from 'graphql';
import type { ImageStreamChange } from '../context';
import { errorCode } from '../errors';
import { KubeApiError, UpstreamUnavailableError } from '../kube/errors';
import type { CallerAuth, KubeClient, WatchEvent } from '../kube/kube-client';
import { MAX_LIST_LIMIT } from '../kube/kube-client';
import { backoffMs } from '../kube/retry-policy';
import type { ImageStream, Status } from '../kube/types';
import { changedTags, tagsOf } from './changed-tags';
import { byName, diffStates } from './state-diff';

export interface WatchSubscriber {
  /** Only this stream's changes; absent: every stream of the namespace. */
  readonly name?: string;
  deliver(change: ImageStreamChange): void;
  fail(error: unknown): void;
}

export interface NamespaceWatchOptions {
  kube: Pick<KubeClient, 'list'> & Required<Pick<KubeClient, 'watch'>>;
  auth: CallerAuth;
  namespace: string;
  /** Consecutive failed attempts (a list, a watch) retried before the subscribers get UPSTREAM_UNAVAILABLE. */
  retries: number;
  /** The first retry's backoff bound, doubled for each further one (full jitter, at most 2 s). */
  retryBaseMs: number;
  /** Asked of the server: it ends each watch after this long, and the next one starts where it ended. */
  timeoutSeconds: number;
  /** Changes kept to serve a subscriber that joins from a revision the watch has passed. */
  replayLimit: number;
  /** Told once, when the watch has stopped: its last subscriber left, or it failed. */
  onStop(): void;
}

/** Pages one list of a namespace may take; beyond, the namespace is too large to watch. */
const MAX_LIST_PAGES = 100;

/** A watch the server ends this soon without a single event is a failure, not a normal end. */
const SHORTEST_WATCH_MS = 1_000;

const integer = (value: string): number | undefined => (/^\d{1,15}$/.test(value) ? Number(value) : undefined);

/** Errors a moment's wait may cure: everything but the API server's refusals (4xx other than 410 and 429). */
function retryable(error: unknown): boolean {
  if (error instanceof UpstreamUnavailableError) return error.reason !== 'aborted';
  if (error instanceof KubeApiError) return error.httpStatus === 429 || error.httpStatus >= 500;
  return false;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export class NamespaceWatch {
  private readonly state = new Map<string, ImageStream>();
  /** The last revision seen: the list's, then each event's or bookmark's. */
  private revision = '';
  /** The log replays every change after this revision. */
  private logStart = '';
  private log: Array<{ revision: string; change: ImageStreamChange }> = [];
  private readonly subscribers = new Set<WatchSubscriber>();
  private readonly controller = new AbortController();
  private members = 0;
  private stopped = false;
  private failure: unknown;
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private markFailed!: (error: unknown) => void;

  constructor(private readonly options: NamespaceWatchOptions) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.markFailed = reject;
    });
    // Joiners await `ready`; a failure before any joined is theirs, not an unhandled rejection.
    this.ready.catch(() => undefined);
    void this.run();
  }

  /** A subscriber-to-be: the watch lasts while it has members. */
  attach(): void {
    this.members += 1;
  }

  detach(subscriber: WatchSubscriber | undefined): void {
    if (subscriber) this.subscribers.delete(subscriber);
    this.members -= 1;
    if (this.members <= 0) this.stop();
  }

  /**
   * Starts delivering to `subscriber`: the changes after `resourceVersion` first (from the log,
   * or by comparing the namespace as it was then with how the watch sees it now), then every
   * change as it comes. Without `resourceVersion`, from now. Rejects when the first list failed,
   * or the revision has expired upstream.
   */
  async join(subscriber: WatchSubscriber, resourceVersion?: string): Promise<void> {
    await this.ready;
    if (this.stopped) throw this.failure ?? new UpstreamUnavailableError('the watch stopped before the subscription joined it', 'aborted');
    if (resourceVersion === undefined || resourceVersion === '' || resourceVersion === this.revision) {
      this.subscribers.add(subscriber);
      return;
    }
    const target = this.after(subscriber, resourceVersion);
    const replay = this.replayAfter(resourceVersion);
    if (replay) {
      for (const change of replay) if (this.wants(target, change)) target.deliver(change);
      this.subscribers.add(target);
      return;
    }
    // Older than the log: the namespace as it was then, compared with how the watch sees it now.
    // Changes that arrive meanwhile wait, so they follow the comparison's.
    const held: ImageStreamChange[] = [];
    const holder: WatchSubscriber = { ...(subscriber.name !== undefined ? { name: subscriber.name } : {}), deliver: (change) => held.push(change), fail: (error) => subscriber.fail(error) };
    this.subscribers.add(holder);
    const now = new Map(this.state);
    try {
      const then = await this.listAll(resourceVersion);
      for (const change of diffStates(byName(then.items), now)) if (this.wants(target, change)) target.deliver(change);
    } catch (error) {
      this.subscribers.delete(holder);
      if (error instanceof KubeApiError && error.httpStatus === 410) {
        throw new GraphQLError(`resourceVersion ${resourceVersion} has expired upstream: query the streams again and subscribe from the resourceVersion that query returns`, {
          extensions: { code: errorCode('BAD_USER_INPUT'), argument: 'resourceVersion' },
        });
      }
      throw error;
    }
    this.subscribers.delete(holder);
    for (const change of held) if (this.wants(target, change)) target.deliver(change);
    if (!this.stopped) this.subscribers.add(target);
  }

  private wants(subscriber: WatchSubscriber, change: ImageStreamChange): boolean {
    return subscriber.name === undefined || subscriber.name === change.imageStream.metadata.name;
  }

  /**
   * `subscriber`, skipping changes it has already seen: those at or before `resourceVersion`.
   * Revisions are compared as numbers when they are integers (etcd's are); otherwise nothing is skipped.
   */
  private after(subscriber: WatchSubscriber, resourceVersion: string): WatchSubscriber {
    const from = integer(resourceVersion);
    if (from === undefined) return subscriber;
    return {
      ...(subscriber.name !== undefined ? { name: subscriber.name } : {}),
      deliver: (change) => {
        const at = integer(change.imageStream.metadata.resourceVersion ?? '');
        if (at === undefined || at > from) subscriber.deliver(change);
      },
      fail: (error) => subscriber.fail(error),
    };
  }

  /** The logged changes after `resourceVersion`, or undefined when the log does not reach back to it. */
  private replayAfter(resourceVersion: string): ImageStreamChange[] | undefined {
    const from = integer(resourceVersion);
    const start = integer(this.logStart);
    if (from !== undefined && start !== undefined && this.log.every((entry) => integer(entry.revision) !== undefined)) {
      return from >= start ? this.log.filter((entry) => integer(entry.revision)! > from).map((entry) => entry.change) : undefined;
    }
    if (resourceVersion === this.logStart) return this.log.map((entry) => entry.change);
    const index = this.log.findIndex((entry) => entry.revision === resourceVersion);
    return index < 0 ? undefined : this.log.slice(index + 1).map((entry) => entry.change);
  }

  private async run(): Promise<void> {
    const { kube, auth, namespace, retries, retryBaseMs, timeoutSeconds } = this.options;
    const signal = this.controller.signal;
    let failures = 0;
    let listed = false;
    let first = true;
    while (!signal.aborted) {
      try {
        if (!listed) {
          const list = await this.listAll();
          this.relisted(list, first);
          listed = true;
          if (first) this.markReady();
          first = false;
        }
        const started = Date.now();
        let events = 0;
        for await (const event of kube.watch({ resource: 'imagestreams', namespace, resourceVersion: this.revision, timeoutSeconds }, { auth, signal })) {
          if (event.type === 'ERROR') {
            const status = event.object as unknown as Status;
            throw new KubeApiError(typeof status.code === 'number' ? status.code : 500, status);
          }
          events += 1;
          failures = 0;
          this.apply(event);
        }
        if (events === 0 && Date.now() - started < SHORTEST_WATCH_MS) {
          throw new UpstreamUnavailableError('the API server ended a watch as soon as it began', 'unreachable');
        }
      } catch (error) {
        if (signal.aborted) return;
        const expired = error instanceof KubeApiError && error.httpStatus === 410;
        if (expired) listed = false;
        if (!(expired || retryable(error))) return this.fail(error);
        failures += 1;
        if (failures > retries) {
          return this.fail(
            expired || error instanceof KubeApiError
              ? new UpstreamUnavailableError(`the watch of ${namespace} failed ${failures} times in a row`, 'unreachable', { cause: error })
              : error,
          );
        }
        // An expired revision is not a sick server: list again at once.
        if (!expired) await sleep(backoffMs(failures, retryBaseMs), signal);
      }
    }
  }

  /** Every page of the namespace's streams, now or (`resourceVersion`) as they were then. */
  private async listAll(resourceVersion?: string): Promise<{ items: ImageStream[]; resourceVersion: string }> {
    const { kube, auth, namespace } = this.options;
    const items: ImageStream[] = [];
    let listRevision = '';
    let continueToken: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      // A continue token carries its list's revision; the API server refuses both at once.
      const at = resourceVersion !== undefined && continueToken === undefined ? { resourceVersion, resourceVersionMatch: 'Exact' as const } : {};
      const list = await kube.list({ resource: 'imagestreams', namespace, limit: MAX_LIST_LIMIT, ...(continueToken ? { continue: continueToken } : {}), ...at }, { auth, signal: this.controller.signal });
      if (page === 0) listRevision = list.metadata.resourceVersion ?? '';
      items.push(...list.items);
      continueToken = list.metadata.continue || undefined;
      if (!continueToken) return { items, resourceVersion: listRevision };
    }
    throw new UpstreamUnavailableError(`the image streams of ${namespace} did not fit in ${MAX_LIST_PAGES} pages of ${MAX_LIST_LIMIT}`, 'protocol');
  }

  /** The state from a list: the first is the baseline; a later one (after 410) is told as its differences. */
  private relisted(list: { items: ImageStream[]; resourceVersion: string }, first: boolean): void {
    const next = byName(list.items);
    const changes = first ? [] : diffStates(this.state, next);
    this.state.clear();
    for (const [name, stream] of next) this.state.set(name, stream);
    this.revision = list.resourceVersion;
    // The log cannot bridge the gap: joiners from before it compare states instead.
    this.log = [];
    this.logStart = list.resourceVersion;
    for (const change of changes) this.deliver(change);
  }

  private apply(event: WatchEvent): void {
    const revision = event.object.metadata?.resourceVersion ?? '';
    if (event.type === 'BOOKMARK') {
      if (revision) this.revision = revision;
      return;
    }
    const stream = event.object as unknown as ImageStream;
    const name = stream.metadata?.name;
    if (!name) return;
    const previous = this.state.get(name);
    let change: ImageStreamChange;
    if (event.type === 'DELETED') {
      if (!previous) return;
      this.state.delete(name);
      change = { type: 'DELETED', imageStream: stream, changedTags: tagsOf(previous) };
    } else {
      // Seen already (a resumed watch may start with it): nothing is delivered twice.
      if (previous && previous.metadata.resourceVersion === revision) return;
      this.state.set(name, stream);
      change = { type: previous ? 'MODIFIED' : 'ADDED', imageStream: stream, changedTags: changedTags(previous, stream) };
    }
    if (revision) this.revision = revision;
    this.log.push({ revision, change });
    if (this.log.length > this.options.replayLimit) this.logStart = this.log.shift()?.revision ?? this.logStart;
    this.deliver(change);
  }

  private deliver(change: ImageStreamChange): void {
    for (const subscriber of [...this.subscribers]) if (this.wants(subscriber, change)) subscriber.deliver(change);
  }

  private fail(error: unknown): void {
    const subscribers = [...this.subscribers];
    this.failure = error;
    this.markFailed(error);
    this.stop();
    for (const subscriber of subscribers) subscriber.fail(error);
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.subscribers.clear();
    this.controller.abort(new UpstreamUnavailableError('the watch has no subscribers left', 'aborted'));
    this.markFailed(new UpstreamUnavailableError('the watch stopped', 'aborted'));
    this.options.onStop();
  }
}
