import type { ServerResponse } from 'node:http';
import type { Span } from '@opentelemetry/api';
import type { FastifyBaseLogger } from 'fastify';
import type { LoaderBatchObserver, Loaders } from './loaders/create-loaders';
import { createLoaders } from './loaders/create-loaders';
import { MissingCredentialsError } from './kube/errors';
import type { CallerAuth } from './kube/kube-client';
import type { ImageStream } from './kube/types';
import type { RequestBudget } from './upstream/request-budget';
import { createUpstreamSession, type UpstreamServices, type UpstreamSession } from './upstream/upstream-session';
import type { RequestReport } from './request-report';

/** One change of an image stream, as a subscription delivers it. */
export interface ImageStreamChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  imageStream: ImageStream;
  /** Tags whose history or spec changed against the state before (every tag for ADDED and DELETED). */
  changedTags: string[];
}

export interface ImageStreamChangeRequest {
  namespace: string;
  /** One stream; absent: every stream of the namespace. */
  name?: string;
  /** Deliver what changed after this revision (a query's resourceVersion); absent: from now. */
  resourceVersion?: string;
}

/**
 * Live updates, in the context of a subscription (made by src/live): the events of the caller's
 * watch, each delivered with the context's session and loaders made anew, so an event's
 * navigation fields never read what an earlier event cached.
 */
export interface LiveUpdates {
  imageStreamChanges(request: ImageStreamChangeRequest): AsyncIterableIterator<ImageStreamChange>;
}

/** What every resolver and REST handler of one request reads through. */
export interface Context {
  auth: CallerAuth | MissingCredentialsError;
  /** The caller's upstream access for this request; the loaders read through it. */
  session: UpstreamSession;
  loaders: Loaders;
  signal: AbortSignal;
  /** The upstream calls and bytes the request has used, and its bound on them. */
  budget: RequestBudget;
  /** What the request met, for its one log line (absent outside an HTTP request). */
  report?: RequestReport;
  /** The request's logger: every line it writes carries the request id (absent outside an HTTP request). */
  log?: FastifyBaseLogger;
  /** The request's server span, when tracing is on (a GraphQL operation names it). */
  span?: Span;
  /** Present in a subscription's context only. */
  live?: LiveUpdates;
}

export interface ContextOptions {
  /** What every request's upstream session shares: the adapter, the bounds, the cache. */
  upstream: UpstreamServices;
  /** Answer requests without a token with the gateway's own credentials (demo mode's default). */
  lendCredentials: boolean;
  listThreshold: number;
  /** Told the size of each batch a loader runs (the metrics' observer). */
  onLoaderBatch?: LoaderBatchObserver;
}

export interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** The response being answered: its `close` ends the request's upstream work. */
  response: Pick<ServerResponse, 'once' | 'writableFinished'>;
  report?: RequestReport;
  log?: FastifyBaseLogger;
}

// A token is visible ASCII (RFC 6750's b64token is narrower still): anything else cannot be sent on.
const BEARER = /^bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i;

/**
 * The caller's credentials from an `Authorization` header. A header in another scheme, or a
 * malformed one, is refused even when the gateway lends credentials: a caller who sent something
 * meant to authenticate, and it did not parse, must not silently act as the gateway.
 */
export function callerAuth(
  authorization: string | string[] | undefined,
  lendCredentials: boolean,
): CallerAuth | MissingCredentialsError {
  if (Array.isArray(authorization)) return new MissingCredentialsError('expected one Authorization header, got several');
  if (authorization === undefined || authorization === '') {
    return lendCredentials ? { kind: 'gateway' } : new MissingCredentialsError();
  }
  const match = BEARER.exec(authorization);
  if (!match?.[1]) {
    // The header is not echoed: a mistyped header may well be a bare token.
    return new MissingCredentialsError('expected "Authorization: Bearer <token>", got a header of another form');
  }
  return { kind: 'bearer', token: match[1] };
}


export function createContext(request: RequestLike, options: ContextOptions): Context {
  const auth = callerAuth(request.headers.authorization, options.lendCredentials);
  // The span the tracing hook started for this exchange: the parent of every upstream read's span.
  const span = options.upstream.tracing?.serverSpan(request.response);
  const session = createUpstreamSession(options.upstream, auth, span);
  // The session ends with the response: its deadline timer is cleared, so a busy gateway does
  // not hold one per request for the whole deadline; a client that left cancels its calls.
  request.response.once('close', () => session.end(!request.response.writableFinished));
  if (request.report) request.report.upstream = session;
  const loaders = createLoaders(session, { listThreshold: options.listThreshold, ...(options.onLoaderBatch ? { onBatch: options.onLoaderBatch } : {}) });
  return { auth, session, loaders, signal: session.signal, budget: session.budget, report: request.report, span, ...(request.log ? { log: request.log } : {}) };
}
