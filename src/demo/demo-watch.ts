// Watches of image streams as the kube-apiserver serves them: `?watch=1` answers 200 and then
// one JSON event per line for as long as the connection lasts (`ADDED`, `MODIFIED`, `DELETED`,
// `BOOKMARK` when asked for, `ERROR` with a Status), from the revision asked for. A revision
// older than the last compaction is answered with an ERROR event carrying 410 Expired, as etcd3's
// watch cache does. Tests can drop every open watch (a lost connection) or hold new ones back.
import type * as http from 'node:http';
import { goJson } from '../openshift/go-json';
import { failureStatus } from '../openshift/status';
import { badRequest, type DemoResponse } from './demo-status';
import type { DemoStore, StreamChange } from './demo-store';
import type { ImageStream } from './image-types';

export interface WatchOptions {
  /** How often a watch that asked for bookmarks gets one; real API servers send one about every minute. */
  bookmarkIntervalMs: number;
}

/** An open watch, as tests see it. */
export interface OpenWatch {
  user: string;
  /** Empty for a watch of every namespace. */
  namespace: string;
  /** The resourceVersion it started from; empty when none was given. */
  resourceVersion: string;
  /** `metadata.name` of a fieldSelector, when there was one. */
  name?: string;
}

export interface WatchControl {
  /** Watches open now. */
  readonly open: readonly OpenWatch[];
  /** Watch requests answered 200 since the start (each reconnection counts). */
  readonly opened: number;
  /** Closes every open watch's connection abruptly, as a lost connection or a restarted API server would. */
  drop(): void;
  /** New watch requests wait (unanswered) until `release`. */
  hold(): void;
  release(): void;
}

type Selector = { name?: string } | { error: string };

/** `metadata.name=x` / `metadata.name==x` (and `metadata.namespace=`), the selectors the image API supports. */
function parseFieldSelector(raw: string | null, namespace: string): Selector {
  if (raw === null || raw === '') return {};
  let name: string | undefined;
  for (const term of raw.split(',')) {
    const match = /^(metadata\.name|metadata\.namespace)(==?)(.*)$/.exec(term);
    if (!match) return { error: `"${term}" is not a known field selector: only "metadata.name" and "metadata.namespace" are supported` };
    if (match[1] === 'metadata.name') name = match[3];
    else if (namespace && match[3] !== namespace) return { error: `field selector metadata.namespace=${match[3]} does not match the request's namespace ${namespace}` };
  }
  return name === undefined ? {} : { name };
}

export class WatchHub implements WatchControl {
  private readonly watches = new Map<http.ServerResponse, OpenWatch>();
  private readonly held = new Set<() => void>();
  private holding = false;
  opened = 0;

  constructor(
    private readonly store: DemoStore,
    private readonly options: WatchOptions,
  ) {}

  get open(): readonly OpenWatch[] {
    return [...this.watches.values()];
  }

  drop(): void {
    for (const res of this.watches.keys()) res.destroy();
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    const waiting = [...this.held];
    this.held.clear();
    for (const start of waiting) start();
  }

  /** Answers a watch of image streams; a bad query is answered like any other request. */
  serve(res: http.ServerResponse, request: { user: string; namespace: string; query: URLSearchParams }, send: (answer: DemoResponse) => void): void {
    const selector = parseFieldSelector(request.query.get('fieldSelector'), request.namespace);
    if ('error' in selector) {
      send(badRequest(selector.error));
      return;
    }
    const rawVersion = request.query.get('resourceVersion') ?? '';
    if (rawVersion !== '' && !/^\d+$/.test(rawVersion)) {
      send(badRequest(`invalid resource version: ${JSON.stringify(rawVersion)}`));
      return;
    }
    const start = (): void => this.start(res, request, selector, rawVersion);
    if (!this.holding) {
      start();
      return;
    }
    this.held.add(start);
    res.on('close', () => this.held.delete(start));
  }

  private start(res: http.ServerResponse, request: { user: string; namespace: string; query: URLSearchParams }, selector: { name?: string }, rawVersion: string): void {
    if (res.destroyed) return;
    const { namespace, query } = request;
    const matches = (stream: ImageStream): boolean =>
      (!namespace || stream.metadata.namespace === namespace) && (selector.name === undefined || stream.metadata.name === selector.name);
    const write = (type: string, object: unknown): void => {
      if (!res.destroyed) res.write(goJson({ type, object }));
    };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    // Sent now, not with the first event: the client learns the watch is open.
    res.flushHeaders();
    this.opened += 1;
    this.watches.set(res, { user: request.user, namespace, resourceVersion: rawVersion, ...(selector.name !== undefined ? { name: selector.name } : {}) });

    // No revision (or "0"): the current state as ADDED events first, as the API server does.
    if (rawVersion === '' || rawVersion === '0') {
      for (const stream of this.store.streamsIn(namespace)) if (matches(stream)) write('ADDED', stream);
    } else {
      const since = this.store.changesSince(Number(rawVersion));
      if (!since) {
        const message = `too old resource version: ${rawVersion} (${this.store.compactedRevision})`;
        write('ERROR', failureStatus(410, 'Expired', message));
        res.end();
        this.watches.delete(res);
        return;
      }
      for (const change of since) if (matches(change.object)) write(change.type, change.object);
    }
    const unsubscribe = this.store.onChange((change: StreamChange) => {
      if (matches(change.object)) write(change.type, change.object);
    });
    const bookmarks =
      query.get('allowWatchBookmarks') === 'true'
        ? setInterval(() => write('BOOKMARK', { kind: 'ImageStream', apiVersion: 'image.openshift.io/v1', metadata: { resourceVersion: this.store.resourceVersion } }), this.options.bookmarkIntervalMs)
        : undefined;
    const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '');
    const timeout = Number.isSafeInteger(timeoutSeconds) && timeoutSeconds > 0 ? setTimeout(() => res.end(), timeoutSeconds * 1000) : undefined;
    res.on('close', () => {
      unsubscribe();
      clearInterval(bookmarks);
      clearTimeout(timeout);
      this.watches.delete(res);
    });
  }
}
