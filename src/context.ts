import { setMaxListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Loaders } from './loaders/create-loaders';
import { createLoaders } from './loaders/create-loaders';
import type { InflightCalls } from './loaders/inflight-calls';
import { MissingCredentialsError, UpstreamUnavailableError } from './kube/errors';
import { credentialsKey } from './loaders/inflight-calls';
import type { CallerAuth, KubeClient } from './kube/kube-client';
import type { BytesInUse } from './upstream/bytes-in-use';
import type { FairLimiter } from './upstream/fair-limiter';
import { RequestBudget } from './upstream/request-budget';
import type { RequestReport } from './request-report';

/** What every resolver and REST handler of one request reads through. */
export interface Context {
  auth: CallerAuth | MissingCredentialsError;
  loaders: Loaders;
  signal: AbortSignal;
  /** The upstream calls and bytes the request has used, and its bound on them. */
  budget: RequestBudget;
  /** What the request met, for its one log line (absent outside an HTTP request). */
  report?: RequestReport;
}

export interface ContextOptions {
  kube: KubeClient;
  /** Answer requests without a token with the gateway's own credentials (demo mode's default). */
  lendCredentials: boolean;
  concurrency: number;
  listThreshold: number;
  /** One per process: identical GETs of one caller in flight at once share one upstream call. */
  inflight?: InflightCalls;
  /** Time one request may spend on upstream calls, retries included; unlimited when absent. */
  requestDeadlineMs?: number;
  /** Most upstream calls one request may make (MAX_UPSTREAM_CALLS); unlimited when absent. */
  maxUpstreamCalls?: number;
  /** Most upstream answer bytes one request may read (MAX_REQUEST_UPSTREAM_BYTES); unlimited when absent. */
  maxRequestUpstreamBytes?: number;
  /** One per process: answer bytes held by requests in progress (MAX_UPSTREAM_BYTES_IN_USE). */
  bytesInUse?: BytesInUse;
  /** One per process: upstream calls in flight, fair between callers (UPSTREAM_MAX_IN_FLIGHT). */
  fair?: FairLimiter;
  /** One per process: the slots of heavy requests (MAX_HEAVY_REQUESTS), and from how many calls a request is heavy. */
  heavy?: { slots: FairLimiter; afterCalls: number };
}

export interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** The response being answered: its `close` ends the request's upstream work. */
  response: Pick<ServerResponse, 'once' | 'writableFinished'>;
  report?: RequestReport;
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
  // One signal ends the request's upstream work: the client left before its answer, or the
  // request deadline passed. The timer is cleared with the response, so a busy gateway does not
  // hold one per request for the whole deadline.
  const controller = new AbortController();
  // The reasons are the adapter's own kind of error, so work that ends waiting for its turn
  // (not yet sent upstream) is reported as the cancellation or timeout it is.
  const deadline = options.requestDeadlineMs
    ? setTimeout(
        () => controller.abort(new UpstreamUnavailableError(`the request deadline of ${options.requestDeadlineMs} ms passed`, 'timeout')),
        options.requestDeadlineMs,
      )
    : undefined;
  deadline?.unref();
  const signal = controller.signal;
  // Every upstream call of the request listens on this one signal; dozens is normal, not a leak.
  setMaxListeners(0, signal);
  const budget = new RequestBudget({
    maxCalls: options.maxUpstreamCalls ?? Number.POSITIVE_INFINITY,
    maxBytes: options.maxRequestUpstreamBytes ?? Number.POSITIVE_INFINITY,
    process: options.bytesInUse,
    ...(options.heavy && !(auth instanceof MissingCredentialsError) ? { heavy: { ...options.heavy, key: credentialsKey(auth), signal } } : {}),
  });
  request.response.once('close', () => {
    clearTimeout(deadline);
    budget.release();
    if (!request.response.writableFinished) controller.abort(new UpstreamUnavailableError('the client closed the connection', 'aborted'));
  });
  const loaders = createLoaders(options.kube, auth, {
    concurrency: options.concurrency,
    listThreshold: options.listThreshold,
    signal,
    deadline: options.requestDeadlineMs ? Date.now() + options.requestDeadlineMs : undefined,
    inflight: options.inflight,
    budget,
    fair: options.fair,
  });
  return { auth, loaders, signal, budget, report: request.report };
}
