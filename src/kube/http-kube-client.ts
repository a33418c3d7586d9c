// The KubeClient over HTTP: one undici Pool of kept-alive connections per client, credentials and
// TLS from client-node's KubeConfig, a deadline on every call, answers turned into typed errors,
// and retries (./retry-policy) of the failures that a moment's wait may cure.
import { createHash } from 'node:crypto';
import { bufferFromFileOrString, type KubeConfig } from '@kubernetes/client-node';
import { Pool } from 'undici';
import packageJson from '../../package.json';
import { ClusterConfigError, InvalidNameError, UpstreamUnavailableError } from './errors';
import { gatewayCredentials, type GatewayCredentials } from './gateway-credentials';
import { interpretAnswer, READ_SHAPES, type AnswerShape, type UpstreamAnswer } from './interpret-answer';
import type { AccessQuestion, CallerAuth, CallOptions, GetRequest, KubeClient, ListableResource, ListRequest, ReadRequest, UpstreamBody, WatchEvent, WatchRequest } from './kube-client';
import { readBody, type BodyBounds, type BodyRead } from './read-body';
import { requestPath, watchPath } from './resource-path';
import { watchEvents } from './watch-lines';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy';
import type { Resource, ResourceTypes } from './types';

export interface KubeClientOptions {
  /** Deadline of each call, from sending the request to the end of the body. */
  timeoutMs: number;
  /** Most connections to the API server; default 64. */
  connections?: number;
  /** Default `imagestream-gateway/<package version>`. */
  userAgent?: string;
  /** Called when each upstream request has ended (for metrics); it never sees credentials. */
  onRequest?: (event: UpstreamRequestEvent) => void;
  /**
   * Retries of a GET after a refused or reset connection, a 429 or a 503 (UPSTREAM_RETRIES);
   * default 2. See ./retry-policy for what is retried and how long it waits.
   */
  retries?: number;
  /** Upper bound of the first retry's random backoff, doubled for each further retry; default 100. */
  retryBaseMs?: number;
  /**
   * Largest answer body in bytes (MAX_UPSTREAM_BODY_BYTES); default DEFAULT_MAX_BODY_BYTES. A
   * larger one is cut off as it streams in (or refused by its content-length) and fails its call
   * with an UpstreamLimitError, which is not retried.
   */
  maxBodyBytes?: number;
}


export interface UpstreamRequestEvent {
  /** The API path, without the server's path prefix and without the query. */
  path: string;
  auth: CallerAuth['kind'];
  /** Undefined when no answer came. */
  statusCode?: number;
  outcome: 'answered' | UpstreamUnavailableError['reason'];
  durationMs: number;
}

export interface KubeClientStats {
  /** Requests sent to the API server since the client was made (retries included). */
  requests: number;
  inFlight: number;
  /**
   * Requests sent again after a failed one: by the retry policy (a connection error, 429 or 503)
   * or at once over a fresh connection when a kept-alive one was found closed. Each is also in
   * `requests`, so `requests - retries` is the number of calls.
   */
  retries: number;
}

export interface HttpKubeClient extends KubeClient {
  get<R extends Resource>(request: GetRequest<R>, options: CallOptions): Promise<ResourceTypes[R]['item']>;
  list<R extends ListableResource>(request: ListRequest<R>, options: CallOptions): Promise<ResourceTypes[R]['list']>;
  getPath(path: string, options: CallOptions): Promise<unknown>;
  read(request: ReadRequest, options: CallOptions): Promise<UpstreamBody>;
  reviewToken(token: string, options: CallOptions): Promise<boolean>;
  watch(request: WatchRequest, options: CallOptions): AsyncIterable<WatchEvent>;
  stats(): KubeClientStats;
}

const DEFAULT_CONNECTIONS = 64;
const TOKEN_REVIEWS_PATH = '/apis/authentication.k8s.io/v1/tokenreviews';
/** 32 MiB, as the default of MAX_UPSTREAM_BODY_BYTES in src/config.ts. */
export const DEFAULT_MAX_BODY_BYTES = 33_554_432;
/** Go's API server keeps idle connections for 90 s and sends no Keep-Alive hint; stay below. */
const KEEP_ALIVE_MS = 30_000;
/** The idle bound of a watch that did not ask the server to end it (timeoutSeconds) by itself. */
const WATCH_IDLE_SECONDS = 600;
/** Errors of a kept-alive connection the server closed just as it was reused: worth one retry. */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/** Where a call goes and what it carries for its credentials. */
interface Route {
  pool: Pool;
  headers: Record<string, string>;
}

/**
 * Makes the adapter for the KubeConfig's current context. Calls with `bearer` auth carry only the
 * caller's token; calls with `gateway` auth carry the KubeConfig's own credentials.
 *
 * Client certificates: a TLS connection made with the gateway's certificate authenticates every
 * request on it as the gateway, and the API server tries x509 before bearer tokens, so a caller's
 * call over such a connection would run with the gateway's rights. Callers' calls therefore use a
 * pool whose connections present no certificate; gateway calls with a certificate get a second
 * pool (made on first use, remade when an exec plugin hands out a new certificate).
 */
export async function createKubeClient(kubeConfig: KubeConfig, options: KubeClientOptions): Promise<HttpKubeClient> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new ClusterConfigError('kubeconfig', 'current-context', 'the kubeconfig has no current context with a cluster');
  const server = cluster.server.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ClusterConfigError('kubeconfig', 'cluster.server', `the cluster's server ${JSON.stringify(server)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClusterConfigError('kubeconfig', 'cluster.server', `the cluster's server ${JSON.stringify(server)} is not an http or https URL`);
  }
  if (cluster.proxyUrl) throw new ClusterConfigError('kubeconfig', 'cluster.proxy-url', 'the cluster has a proxy-url, and the gateway does not support proxies yet');
  // A server URL may carry a path prefix (an API server behind a path-routing proxy).
  const basePath = url.pathname.replace(/\/+$/, '');

  let ca: Buffer | undefined;
  try {
    ca = bufferFromFileOrString(cluster.caFile, cluster.caData) ?? undefined;
  } catch (error) {
    throw new ClusterConfigError('kubeconfig', 'cluster.certificate-authority', `the cluster's CA file ${JSON.stringify(cluster.caFile)} cannot be read`, { cause: error });
  }
  const tls =
    url.protocol === 'https:'
      ? { ...(ca ? { ca } : {}), rejectUnauthorized: !cluster.skipTLSVerify, ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}) }
      : {};
  const makePool = (clientCert: Pick<GatewayCredentials, 'cert' | 'key'> = {}): Pool =>
    new Pool(url.origin, {
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      keepAliveTimeout: KEEP_ALIVE_MS,
      // The deadline below governs; these only stop undici's own 300 s defaults from firing first.
      headersTimeout: options.timeoutMs + 1000,
      bodyTimeout: options.timeoutMs + 1000,
      connect: { ...tls, ...clientCert },
    });

  const callerPool = makePool();
  let certPool: { fingerprint: string; pool: Pool } | undefined;
  const credentials = gatewayCredentials(kubeConfig);
  const userAgent = options.userAgent ?? `imagestream-gateway/${packageJson.version}`;
  const stats: KubeClientStats = { requests: 0, inFlight: 0, retries: 0 };
  const retryPolicy: RetryPolicy = {
    retries: checkedOption('retries', options.retries, DEFAULT_RETRY_POLICY.retries),
    baseMs: checkedOption('retryBaseMs', options.retryBaseMs, DEFAULT_RETRY_POLICY.baseMs),
  };
  const maxBodyBytes = checkedOption('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 1);
  // Woken by close(): a call waiting to retry gives up rather than hold the process open. A set
  // of wake-ups rather than one AbortSignal, which would warn past 10 listeners under load.
  const backoffs = new Set<() => void>();
  let closed = false;

  /**
   * The pool and headers for `auth`; never mixes the caller's token with the gateway's identity. A
   * caller's are at hand; only the gateway's own may have to be fetched (an exec plugin), so only
   * they come as a promise, which the call's deadline then also bounds.
   */
  function route(auth: CallerAuth): Route | Promise<Route> {
    if (auth.kind === 'bearer') return { pool: callerPool, headers: { authorization: `Bearer ${auth.token}` } };
    return gatewayRoute();
  }

  async function gatewayRoute(): Promise<Route> {
    let own: GatewayCredentials;
    try {
      own = await credentials();
    } catch (error) {
      throw new UpstreamUnavailableError(`the gateway's own credentials for ${server} could not be obtained: ${messageOf(error)}`, 'unreachable', { cause: error });
    }
    if (!own.cert && !own.key) return { pool: callerPool, headers: own.headers };
    const fingerprint = createHash('sha256').update(own.cert ?? '').update('\0').update(own.key ?? '').digest('hex');
    if (certPool?.fingerprint !== fingerprint) {
      // In-flight calls finish on the old pool; close() waits for them.
      certPool?.pool.close().catch(() => undefined);
      certPool = { fingerprint, pool: makePool({ cert: own.cert, key: own.key }) };
    }
    return { pool: certPool.pool, headers: own.headers };
  }

  /**
   * One GET through the retry policy. The failure the caller gets is the last attempt's: the final
   * 429/503 with its Status, or the last connection error, also when the caller's signal or
   * deadline cuts a backoff short (the abort then only stops the waiting).
   */
  async function call(path: string, shape: AnswerShape, callOptions: CallOptions, body?: string): Promise<UpstreamBody> {
    checkAuth(callOptions.auth);
    const { signal, deadline } = callOptions;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        return await callOnce(path, shape, callOptions, attempt, body);
      } catch (error) {
        failure = error;
      }
      const wait = retryDelayMs(failure, attempt, retryPolicy);
      if (wait === undefined || closed) throw failure;
      // Waiting past the deadline would only turn this failure into an abort.
      if (deadline !== undefined && Date.now() + wait >= deadline) throw failure;
      if (!(await sleep(wait, signal, backoffs))) throw failure;
      stats.retries++;
    }
  }

  /** One request: a GET, or a POST of `body` (a review, which changes nothing on the server). */
  async function callOnce(path: string, shape: AnswerShape, callOptions: CallOptions, attempt: number, body?: string): Promise<UpstreamBody> {
    const { auth, signal, meter } = callOptions;
    const started = performance.now();
    const method: 'GET' | 'POST' = body === undefined ? 'GET' : 'POST';
    const what = `${method} ${path}`;
    const attempts = attempt > 1 ? `, attempt ${attempt}` : '';
    const report = (outcome: UpstreamRequestEvent['outcome'], statusCode?: number): void => {
      options.onRequest?.({ path: path.split('?')[0]!, auth: auth.kind, statusCode, outcome, durationMs: performance.now() - started });
      callOptions.onAttempt?.(attempt, statusCode);
    };
    if (signal?.aborted) throw new UpstreamUnavailableError(`${what} was cancelled before it was sent`, 'aborted');

    // One deadline for everything the call waits for: an exec plugin, the answer, its body.
    const limit = new Deadline(options.timeoutMs, signal);
    let answer: Omit<UpstreamAnswer, 'body'> & { body: BodyRead };
    let secret: string | undefined;
    try {
      const routed = route(auth);
      const { pool, headers } = routed instanceof Promise ? await untilAborted(routed, limit.signal) : routed;
      secret = credentialOf(headers.authorization);
      const sent: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      const request = {
        path: basePath + path,
        method,
        body,
        // The trace headers first: nothing in them can replace the credentials.
        headers: { ...callOptions.traceHeaders, ...headers, ...sent, accept: 'application/json', 'user-agent': userAgent },
        signal: limit.signal,
      };
      answer = await send(pool, request, { maxBytes: maxBodyBytes, meter, what }, () => !limit.signal.aborted);
    } catch (error) {
      const failure = limit.failure(error, { what, server, gone: 'the client that asked has gone', attempts });
      report(failure.reason);
      throw failure;
    } finally {
      limit.end();
      limit.detach();
    }
    // An answer whose reading was stopped (too large, the meter's budget) was still an answer.
    report('answered', answer.statusCode);
    if (!answer.body.ok) throw answer.body.error;
    return { value: interpretAnswer({ ...answer, body: answer.body.text }, { what, shape, secret }), text: answer.body.text };
  }

  /** One request, sent again once when a kept-alive connection turns out to have been closed. */
  async function send(
    pool: Pool,
    request: { path: string; method: 'GET' | 'POST'; body: string | undefined; headers: Record<string, string>; signal: AbortSignal },
    bounds: BodyBounds,
    mayRetry: () => boolean,
  ) {
    for (let attempt = 1; ; attempt++) {
      stats.requests++;
      stats.inFlight++;
      try {
        const response = await pool.request(request);
        const body = await readBody(response.body, response.headers['content-length'], bounds);
        // undici frees the connection in a setImmediate after the body ends; waiting for it lets
        // the caller's next call reuse this connection instead of opening another one.
        if (body.ok) await new Promise<void>((resolve) => setImmediate(resolve));
        return { statusCode: response.statusCode, headers: response.headers, body };
      } catch (error) {
        if (attempt > 1 || !STALE_CONNECTION_CODES.has((error as { code?: string }).code ?? '') || !mayRetry()) throw error;
        // Sent again at once, on a fresh connection, outside the retry policy's budget: the
        // server never saw this request, and no wait makes a closed connection any better.
        stats.retries++;
      } finally {
        stats.inFlight--;
      }
    }
  }

  // A watch holds its connection for as long as it lasts: callers' watches get a pool of their
  // own (no bound on connections: the registry of watches bounds them), so reads never queue
  // behind them.
  let watchPool: Pool | undefined;

  /**
   * One watch: no retries here (the registry of watches resumes from the last revision it saw),
   * the call's deadline only until the answer's headers, then an idle bound a little past the
   * server's own timeoutSeconds, each event line bounded by MAX_UPSTREAM_BODY_BYTES.
   */
  async function* watch(request: WatchRequest, callOptions: CallOptions): AsyncGenerator<WatchEvent> {
    checkAuth(callOptions.auth);
    const { auth, signal } = callOptions;
    const path = watchPath(request);
    const what = `GET ${path.split('?')[0]} (watch)`;
    const started = performance.now();
    const report = (outcome: UpstreamRequestEvent['outcome'], statusCode?: number): void =>
      options.onRequest?.({ path: path.split('?')[0]!, auth: auth.kind, statusCode, outcome, durationMs: performance.now() - started });
    if (signal?.aborted) throw new UpstreamUnavailableError(`${what} was cancelled before it was sent`, 'aborted');
    // The deadline holds until the answer's head; the events then flow for as long as they come.
    const limit = new Deadline(options.timeoutMs, signal);
    let response: Awaited<ReturnType<Pool['request']>>;
    let secret: string | undefined;
    try {
      const routed = route(auth);
      const { pool, headers } = routed instanceof Promise ? await untilAborted(routed, limit.signal) : routed;
      secret = credentialOf(headers.authorization);
      const through = pool === callerPool ? (watchPool ??= makeWatchPool()) : pool;
      stats.requests++;
      response = await through.request({
        path: basePath + path,
        method: 'GET',
        headers: { ...headers, accept: 'application/json', 'user-agent': userAgent },
        signal: limit.signal,
        bodyTimeout: ((request.timeoutSeconds ?? WATCH_IDLE_SECONDS) + 30) * 1000,
      });
    } catch (error) {
      limit.detach();
      const failure = limit.failure(error, { what, server, gone: 'its subscribers have gone' });
      report(failure.reason);
      throw failure;
    } finally {
      limit.end();
    }
    report('answered', response.statusCode);
    try {
      if (response.statusCode < 200 || response.statusCode >= 300) {
        const body = await readBody(response.body, response.headers['content-length'], { maxBytes: maxBodyBytes, what });
        if (!body.ok) throw body.error;
        // Any non-2xx answer is a KubeApiError, with the Status the server sent.
        interpretAnswer({ statusCode: response.statusCode, headers: response.headers, body: body.text }, { what, shape: 'document', secret });
      }
      try {
        yield* watchEvents(response.body, maxBodyBytes, what);
      } catch (error) {
        if (error instanceof UpstreamUnavailableError) throw error;
        if (signal?.aborted) throw new UpstreamUnavailableError(`${what} was cancelled: its subscribers have gone`, 'aborted', { cause: error });
        throw new UpstreamUnavailableError(`the watch connection to ${server} broke: ${messageOf(error)} (${what})`, 'unreachable', { cause: error });
      }
    } finally {
      limit.detach();
      // Stopped early (by the consumer or a failure): the connection cannot carry another request.
      if (!response.body.readableEnded) {
        response.body.on('error', () => undefined);
        response.body.destroy();
      }
    }
  }

  function makeWatchPool(): Pool {
    return new Pool(url.origin, { connections: null, keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: options.timeoutMs + 1000, connect: { ...tls } });
  }

  async function read(request: ReadRequest, callOptions: CallOptions): Promise<UpstreamBody> {
    const path = requestPath(request);
    if (request.verb === 'path') checkApiPath(path);
    return call(path, READ_SHAPES[request.verb], callOptions, request.verb === 'review' ? accessReviewBody(request.access) : undefined);
  }

  return {
    server,
    read,
    async get(request, callOptions) {
      return (await read({ verb: 'get', ...request }, callOptions)).value as never;
    },
    async list(request, callOptions) {
      return (await read({ verb: 'list', ...request }, callOptions)).value as never;
    },
    async getPath(path, callOptions) {
      return (await read({ verb: 'path', path }, callOptions)).value;
    },
    async reviewToken(token, callOptions) {
      if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) return false;
      const review = { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } };
      const answer = (await call(TOKEN_REVIEWS_PATH, 'document', callOptions, JSON.stringify(review))).value as { status?: { authenticated?: unknown } };
      return answer.status?.authenticated === true;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const wake of backoffs) wake();
      // Open watches are ended, not waited for: they last until their server ends them.
      await Promise.all([callerPool.close(), certPool?.pool.close(), watchPool?.destroy()]);
    },
    watch,
    stats: () => ({ ...stats }),
  };
}

/** A SelfSubjectAccessReview of `access`: asked with the caller's own credentials, it is about the caller. */
function accessReviewBody(access: AccessQuestion): string {
  const { verb, group, resource, namespace, name } = access;
  return JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace, verb, group, resource, name } } });
}

/** Refuses what is not a CallerAuth, and a token that cannot go into a header (never quoting it). */
function checkAuth(auth: CallerAuth): void {
  if (auth?.kind === 'bearer') {
    if (typeof auth.token !== 'string' || !/^[\x21-\x7e]+$/.test(auth.token)) {
      throw new InvalidNameError('token', '[redacted]', 'must be a non-empty string of visible ASCII characters');
    }
  } else if (auth?.kind !== 'gateway') {
    throw new TypeError(`auth.kind must be "bearer" or "gateway", got ${JSON.stringify((auth as { kind?: unknown } | undefined)?.kind)}`);
  }
}

/**
 * The deadline of one upstream request joined with its caller's cancellation, as one signal to
 * hand to undici; `failure` says which of the two (or the network) ended it.
 */
class Deadline {
  private readonly controller = new AbortController();
  private timedOut = false;
  private readonly timer: NodeJS.Timeout;
  private readonly cancel = (): void => this.controller.abort();

  constructor(
    private readonly ms: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
    caller?.addEventListener('abort', this.cancel, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The deadline no longer applies (the answer came, or the request failed). */
  end(): void {
    clearTimeout(this.timer);
  }

  /** The caller's cancellation no longer reaches the request. */
  detach(): void {
    this.caller?.removeEventListener('abort', this.cancel);
  }

  /** What a request that threw `error` failed of: the deadline, its caller leaving (`gone` says who), or the network. */
  failure(error: unknown, context: { what: string; server: string; gone: string; attempts?: string }): UpstreamUnavailableError {
    const { what, server, gone, attempts = '' } = context;
    if (this.timedOut) return new UpstreamUnavailableError(`the API server did not answer ${what} within ${this.ms} ms`, 'timeout', { cause: error });
    if (this.caller?.aborted) return new UpstreamUnavailableError(`${what} was cancelled: ${gone}`, 'aborted', { cause: error });
    if (error instanceof UpstreamUnavailableError) return error;
    return new UpstreamUnavailableError(`the API server at ${server} is unreachable: ${messageOf(error)} (${what}${attempts})`, 'unreachable', { cause: error });
  }
}

/**
 * Resolves true after `ms`, or false as soon as `signal` aborts (at once if it has) or a function
 * in `wakers` is called (each sleep adds its own while it lasts).
 */
function sleep(ms: number, signal: AbortSignal | undefined, wakers: Set<() => void>): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const done = (slept: boolean): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      wakers.delete(stop);
      resolve(slept);
    };
    const stop = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', stop, { once: true });
    wakers.add(stop);
  });
}

/** An integer option of at least `min`, or its default; anything else fails naming the option. */
function checkedOption(name: string, value: number | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

/**
 * The secret part of an Authorization header (what follows `Bearer ` or `Basic `): the caller's
 * token, or the gateway's own credential, which an echoing upstream must not hand to the caller.
 */
function credentialOf(authorization: string | undefined): string | undefined {
  const secret = authorization?.slice(authorization.indexOf(' ') + 1);
  return secret ? secret : undefined;
}

/** `promise`, or a rejection as soon as `signal` aborts (the work behind `promise` carries on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** An absolute path that means what it says: no dot segments, empty segments or control characters. */
function checkApiPath(path: string): void {
  const pathname = typeof path === 'string' ? (path.split('?')[0] ?? '') : '';
  const problem =
    typeof path !== 'string' || !path.startsWith('/')
      ? 'must start with "/"'
      : // eslint-disable-next-line no-control-regex
        /[\u0000-\u0020\u007f#]/.test(path)
        ? 'must not contain spaces, control characters or "#"'
        : pathname.split('/').slice(1).some((s, i, all) => isDotSegment(s) || (s === '' && i < all.length - 1))
          ? 'must not contain ".", ".." (also percent-encoded) or empty segments'
          : undefined;
  if (problem) throw new InvalidNameError('path', String(path), problem);
}

/** `.` or `..`, also as URL parsers see them percent-encoded (`%2e`, `.%2E`, …). */
function isDotSegment(segment: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(segment);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
