import type { Resource, ResourceTypes } from './types';

/**
 * Whose credentials an upstream call carries. `bearer` forwards the caller's own token; `gateway`
 * uses the credentials of the gateway's cluster configuration (demo mode, or an explicit
 * GATEWAY_LEND_CREDENTIALS=true), decided once per request by the context, never by the adapter.
 */
export type CallerAuth = { kind: 'bearer'; token: string } | { kind: 'gateway' };

/**
 * Counts the bytes of upstream answers as they stream in. `take` throws (an UpstreamLimitError,
 * an overload) to stop reading: the adapter then drops the connection and fails the call.
 */
export interface ByteMeter {
  take(bytes: number): void;
  /** Bytes taken for an answer that was then dropped unread: nothing holds them any more. */
  giveBack?(bytes: number): void;
}

export interface CallOptions {
  auth: CallerAuth;
  /** Aborted when the client that asked has gone; the upstream call is cancelled with it. */
  signal?: AbortSignal;
  /** When the request's time is up (`Date.now()` units): no retry is started that would end later. */
  deadline?: number;
  /** Told the size of every chunk of every answer body of the call, retries included. */
  meter?: ByteMeter;
  /**
   * W3C trace-context headers (`traceparent`, `tracestate`) naming the span of this call, sent
   * with every attempt; absent when tracing is off, and then nothing is added.
   */
  traceHeaders?: Readonly<Record<string, string>>;
  /** Told as each attempt ends: its number (1 for the first) and the answer's status, if one came. */
  onAttempt?(attempt: number, statusCode: number | undefined): void;
}

export type ListableResource = Exclude<Resource, 'imagestreamimages'>;

export interface GetRequest<R extends Resource = Resource> {
  resource: R;
  /** Required for namespaced resources, refused for cluster-scoped ones. */
  namespace?: string;
  name: string;
}

/**
 * Most items one LIST may ask for: a larger page only makes one answer larger, where `continue`
 * pages would do. A LIST without a limit gets the whole collection, bounded only by the body bound.
 */
export const MAX_LIST_LIMIT = 500;

export interface ListRequest<R extends ListableResource = ListableResource> {
  resource: R;
  namespace?: string;
  /** An integer from 1 to MAX_LIST_LIMIT; anything else is an InvalidNameError before any request. */
  limit?: number;
  continue?: string;
  /** With `resourceVersionMatch: 'Exact'`, the list as it was at this revision (410 once compacted). */
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact';
}

/** A watch of a namespace's image streams (`?watch=1`), with bookmarks asked for. */
export interface WatchRequest {
  resource: 'imagestreams';
  namespace: string;
  /** The revision to start after; absent: the server's current state as ADDED events first. */
  resourceVersion?: string;
  /** Only the stream of this name (`fieldSelector=metadata.name=`). */
  name?: string;
  /** The server ends the watch after this many seconds, and the client starts another. */
  timeoutSeconds?: number;
}

/** One event of a watch, as the API server writes it: a line of JSON. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  /** The object; for ERROR a Status, for BOOKMARK only `metadata.resourceVersion`. */
  object: { metadata?: { resourceVersion?: string; name?: string }; [field: string]: unknown };
}

/**
 * A question a SelfSubjectAccessReview asks: may the caller do `verb` to this object? The
 * `resourceAttributes` of authorization.k8s.io/v1, for a named object of a namespace.
 */
export interface AccessQuestion {
  /** A Kubernetes verb in lower case: get, list, watch, create, update, patch, delete. */
  verb: string;
  group: string;
  resource: string;
  namespace: string;
  name: string;
}

/**
 * One read, as the upstream session passes it down its layers: a get, a list, a raw API path,
 * or an access review (a POST that changes nothing: the API server answers a question about the
 * caller's own rights, which is read, cached and bounded like any other answer).
 */
export type ReadRequest =
  | ({ verb: 'get' } & GetRequest)
  | ({ verb: 'list' } & ListRequest)
  | { verb: 'path'; path: string }
  | { verb: 'review'; access: AccessQuestion };

/** An answer as read: the parsed JSON, and the body's text as the API server sent it. */
export interface UpstreamBody<T = unknown> {
  value: T;
  text: string;
}

/**
 * The Kubernetes REST adapter: `get` and `list` over HTTP for image.openshift.io/v1.
 * Every non-2xx answer rejects with a KubeApiError; an unreachable, timed-out or cancelled
 * upstream with an UpstreamUnavailableError; a name that cannot be put into a path safely with
 * an InvalidNameError before any request is made (see ./errors).
 */
export interface KubeClient {
  /** The API server's base URL, e.g. `https://api.example:6443`. */
  readonly server: string;
  get<R extends Resource>(request: GetRequest<R>, options: CallOptions): Promise<ResourceTypes[R]['item']>;
  list<R extends ListableResource>(request: ListRequest<R>, options: CallOptions): Promise<ResourceTypes[R]['list']>;
  /** GET of an absolute API path such as `/apis/image.openshift.io/v1` (discovery, readiness). */
  getPath(path: string, options: CallOptions): Promise<unknown>;
  /**
   * Any of the three, with the answer's text beside its JSON: what a cache keeps and what the
   * REST route writes back unchanged. The others are this with the text dropped.
   */
  read(request: ReadRequest, options: CallOptions): Promise<UpstreamBody>;
  /**
   * Whether the API server authenticates `token`, asked with a TokenReview carrying the
   * credentials of `options.auth` (the gateway's own: creating reviews needs that right).
   * Optional: a client without it cannot review tokens.
   */
  reviewToken?(token: string, options: CallOptions): Promise<boolean>;
  /**
   * The events of a watch as they arrive, until the server ends it (the iteration ends), the
   * connection fails (UpstreamUnavailableError) or `options.signal` aborts. A non-2xx answer
   * rejects with a KubeApiError before any event. Optional: a client without it serves no live updates.
   */
  watch?(request: WatchRequest, options: CallOptions): AsyncIterable<WatchEvent>;
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
}
