import { setMaxListeners } from 'node:events';
import type { Span } from '@opentelemetry/api';
import { MissingCredentialsError, UpstreamUnavailableError } from '../kube/errors';
import type { CallerAuth, CallOptions, GetRequest, KubeClient, ListableResource, ListRequest, ReadRequest, UpstreamBody } from '../kube/kube-client';
import { requestIdentity } from '../kube/resource-path';
import type { Resource, ResourceTypes } from '../kube/types';
import type { AnswerCache } from './answer-cache';
import type { BytesInUse } from './bytes-in-use';
import type { EventLoopTurns } from './event-loop-turns';
import { CallSlots } from './call-slots';
import { callerKey } from './caller-key';
import type { FairLimiter } from './fair-limiter';
import type { InflightCalls } from './inflight-calls';
import { SessionTrace, type ReadSpan } from './read-span';
import { RequestBudget } from './request-budget';
import type { Tracing } from '../telemetry/tracing';

/** What every session of the process shares: made once, from the settings (see createUpstream in ../server). */
export interface UpstreamServices {
  kube: KubeClient;
  /** Upstream calls one request may have in flight at once (UPSTREAM_CONCURRENCY). */
  concurrency: number;
  /** Identical reads of one caller in flight at once, across requests, share one call. */
  inflight: InflightCalls;
  /** The secret of the caller keys (./caller-key). */
  keySecret: Buffer;
  /** Answers kept across requests; none when CACHE_TTL_SECONDS is 0. */
  cache?: AnswerCache;
  /**
   * The turns cache hits resume in. A hit is not I/O: without turns, a request of hundreds of
   * hits would run to its end in one synchronous stretch while every other client waits.
   */
  hitTurns?: EventLoopTurns;
  /** Time one request may spend on upstream calls, retries included; unlimited when absent. */
  requestDeadlineMs?: number;
  /** Most upstream calls (or cache hits) one request may make (MAX_UPSTREAM_CALLS); unlimited when absent. */
  maxUpstreamCalls?: number;
  /** Most upstream answer bytes one request may read (MAX_REQUEST_UPSTREAM_BYTES); unlimited when absent. */
  maxRequestUpstreamBytes?: number;
  /** Answer bytes held by requests in progress (MAX_UPSTREAM_BYTES_IN_USE). */
  bytesInUse?: BytesInUse;
  /** Upstream calls in flight, fair between callers (UPSTREAM_MAX_IN_FLIGHT). */
  fair?: FairLimiter;
  /** The slots of heavy requests (MAX_HEAVY_REQUESTS), and from how many calls a request is heavy. */
  heavy?: { slots: FairLimiter; afterCalls: number };
  /** The process's tracing, when it is on: each read of a traced request is a span (./read-span). */
  tracing?: Tracing;
}

/** What a session did, for the request's log line and tests. */
export interface SessionStats {
  /** Reads answered by the API server (each may have been shared with other requests in flight). */
  upstreamCalls: number;
  /** Reads answered from the cache. */
  cacheHits: number;
}

/**
 * One caller's access to the API server for one request: the caller's credentials, the request's
 * lifetime and deadline, and every bound, bound together. Loaders, REST routes and (later) live
 * updates read only through it. A read passes, in order: the request's budget (a count, and a
 * heavy request's turn), the cache, the sharing of identical reads in flight, the request's and
 * the process's bounds on calls in flight, then the adapter. With tracing on, each read is a span
 * of the request's own (./read-span).
 */
export interface UpstreamSession {
  readonly auth: CallerAuth | MissingCredentialsError;
  /** Aborted when the client has gone or the deadline passed; ends every upstream call of the request. */
  readonly signal: AbortSignal;
  readonly budget: RequestBudget;
  readonly stats: SessionStats;
  read(request: ReadRequest): Promise<UpstreamBody>;
  get<R extends Resource>(request: GetRequest<R>): Promise<ResourceTypes[R]['item']>;
  list<R extends ListableResource>(request: ListRequest<R>): Promise<ResourceTypes[R]['list']>;
  /** The API server's own answer to GET `path` (an absolute API path, sent as given). */
  getPath(path: string): Promise<unknown>;
  /** The response has been sent (or the client left): the deadline stops, the request's bytes and heavy slot go back. */
  end(clientLeft: boolean): void;
}

/**
 * `requestSpan` is the server span of the request the session serves: every read's span is its
 * child, set when the session is made, so that reads batched by a DataLoader on behalf of any
 * resolver belong to the request and not to whatever was running when the batch was dispatched.
 */
export function createUpstreamSession(services: UpstreamServices, auth: CallerAuth | MissingCredentialsError, requestSpan?: Span): UpstreamSession {
  const controller = new AbortController();
  const deadlineMs = services.requestDeadlineMs;
  // The reasons are the adapter's own kind of error, so work that ends waiting for its turn
  // (not yet sent upstream) is reported as the cancellation or timeout it is.
  const timer = deadlineMs
    ? setTimeout(() => controller.abort(new UpstreamUnavailableError(`the request deadline of ${deadlineMs} ms passed`, 'timeout')), deadlineMs)
    : undefined;
  timer?.unref();
  const deadline = deadlineMs ? Date.now() + deadlineMs : undefined;
  const signal = controller.signal;
  // Every upstream call of the request listens on this one signal; dozens is normal, not a leak.
  setMaxListeners(0, signal);
  const caller = auth instanceof MissingCredentialsError ? '' : callerKey(auth, services.keySecret);
  const budget = new RequestBudget({
    maxCalls: services.maxUpstreamCalls ?? Number.POSITIVE_INFINITY,
    maxBytes: services.maxRequestUpstreamBytes ?? Number.POSITIVE_INFINITY,
    process: services.bytesInUse,
    ...(services.heavy && caller ? { heavy: { ...services.heavy, key: caller, signal } } : {}),
  });
  const slots = new CallSlots(services.concurrency, services.fair, caller);
  const stats: SessionStats = { upstreamCalls: 0, cacheHits: 0 };
  const { cache, inflight, kube } = services;
  const trace = requestSpan && services.tracing ? new SessionTrace(services.tracing, requestSpan, kube.server, cache !== undefined) : undefined;

  function callUpstream(request: ReadRequest, key: string, span: ReadSpan | undefined): Promise<UpstreamBody> {
    span?.goesUpstream();
    return inflight.run(key, signal, (shared) => {
      // Called only for the read that makes the call; one that joins it in flight sends nothing.
      const traced = span?.lead();
      return slots.run(shared, () => {
        stats.upstreamCalls++;
        const callOptions: CallOptions = { auth: auth as CallerAuth, signal: shared, deadline, meter: budget };
        return kube.read(request, traced ? { ...callOptions, ...traced } : callOptions);
      });
    });
  }

  async function tracedRead(request: ReadRequest): Promise<UpstreamBody> {
    const span = trace!.startRead(request);
    try {
      const body = await read(request, span);
      span.succeed(body);
      return body;
    } catch (error) {
      span.fail(error);
      throw error;
    }
  }

  async function read(request: ReadRequest, span?: ReadSpan): Promise<UpstreamBody> {
    // No credentials: fail before any upstream call, never fall back to the gateway's own.
    if (auth instanceof MissingCredentialsError) throw auth;
    // Counted first: a request past its budget fails each further read before building anything for it.
    budget.spendCall();
    // JSON of the parts: no caller key and path (or review) can make another pair's key.
    const key = JSON.stringify([caller, requestIdentity(request)]);
    // A heavy request's turn (RequestBudget.admission).
    await budget.admission();
    if (!cache) return callUpstream(request, key, span);
    let hit: UpstreamBody | undefined;
    try {
      hit = await cache.lookup(key, request);
    } catch (refusal) {
      // A refusal kept by the cache, thrown as it was first.
      span?.fromCache();
      throw refusal;
    }
    if (hit) {
      span?.fromCache();
      stats.cacheHits++;
      // The hits of this request resume together, in a turn of their own.
      await services.hitTurns?.next(stats);
      return hit;
    }
    try {
      const body = await callUpstream(request, key, span);
      cache.storeAnswer(key, request, body);
      return body;
    } catch (error) {
      cache.storeFailure(key, request, error);
      throw error;
    }
  }

  let ended = false;
  const readOne: (request: ReadRequest) => Promise<UpstreamBody> = trace ? tracedRead : read;
  return {
    auth,
    signal,
    budget,
    stats,
    read: readOne,
    get: async (request) => (await readOne({ verb: 'get', ...request })).value as never,
    list: async (request) => (await readOne({ verb: 'list', ...request })).value as never,
    getPath: async (path) => (await readOne({ verb: 'path', path })).value,
    end(clientLeft) {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      budget.release();
      if (clientLeft) controller.abort(new UpstreamUnavailableError('the client closed the connection', 'aborted'));
    },
  };
}
