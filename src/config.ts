import { readFileSync } from 'node:fs';

// The one reader of the environment. `loadConfig` is pure: it takes the environment as an
// argument, so tests and the process entry read the same rules, and each bad value fails with the
// variable's name, the form it expects and what it got.

export type DemoMode = 'auto' | 'true' | 'false';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  /**
   * The address to listen on. The default `0.0.0.0` makes the gateway reachable from outside a
   * container or pod; it exposes nothing by itself, because every upstream call carries the
   * caller's own token unless credentials are lent (demo mode). Logs print it as `localhost`
   * (see `localUrl`), since `http://0.0.0.0:4000` is not an address a browser should be sent to.
   */
  host: string;
  /** KUBECONFIG as given: one path, or a list separated by the platform's path delimiter (`:`). */
  kubeconfig: string | undefined;
  upstreamTimeoutMs: number;
  /** The most upstream calls one incoming request may have in flight at once. */
  upstreamConcurrency: number;
  /** From this many streams of one namespace in a request, one LIST replaces the GETs. */
  listThreshold: number;
  /** `undefined` means the default for the mode: lend in demo mode, not otherwise. */
  lendCredentials: boolean | undefined;
  demo: DemoMode;
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  logLevel: LogLevel;
  nodeEnv: string;
  /** Deepest field nesting an operation may have. */
  maxQueryDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Most top-level fields in one operation. */
  maxRootFields: number;
  /** Most lexical tokens in one document. */
  maxTokens: number;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Largest estimate of upstream calls one operation may cause. */
  maxUpstreamCalls: number;
  /** Operations per HTTP-batched request; 0 turns HTTP batching off. */
  batchMaxOperations: number;
  /** Default: on, except when NODE_ENV=production. */
  introspection: boolean;
  /** Default: on, except when NODE_ENV=production. */
  landingPage: boolean;
  /** Origins allowed by CORS; empty: no cross-origin browser access. */
  corsOrigins: string[];
  /** Retries of an idempotent upstream GET after a connection error, 429 or 503. */
  upstreamRetries: number;
  /** Time one incoming request may spend on upstream calls, retries included. */
  requestDeadlineMs: number;
  /** Time in-flight requests get to finish after SIGTERM. */
  shutdownGraceMs: number;
  /** Time a client has to send a whole request (headers and body); slower sockets are closed. */
  httpRequestTimeoutMs: number;
  /** Time a client has to send a request's headers. */
  httpHeadersTimeoutMs: number;
  /** Time an idle kept-alive connection stays open between requests. */
  httpKeepAliveTimeoutMs: number;
  /** Most client connections open at once; more are closed as they arrive. */
  maxConnections: number;
  /** Most field selections one operation may make once its fragments are expanded. */
  maxSelections: number;
  /** Most upstream calls in flight at once for the whole process, shared fairly between callers. */
  upstreamMaxInFlight: number;
  /** Largest upstream answer body, in bytes; a larger one fails its call. */
  maxUpstreamBodyBytes: number;
  /** Most upstream answer bytes one request may read in all. */
  maxRequestUpstreamBytes: number;
  /** Most upstream answer bytes held at once by all requests still being answered. */
  maxUpstreamBytesInUse: number;
  /** Check each caller's token with a TokenReview before any work for it. */
  tokenReview: boolean;
  /** Upstream calls after which a request is heavy and waits for a heavy slot. */
  heavyRequestCalls: number;
  /** Heavy requests served at once, across the process. */
  maxHeavyRequests: number;
  /** Seconds an upstream answer is served from the cache; 0 turns the cache off. */
  cacheTtlSeconds: number;
  /** The same for Image objects, which are named by their content's digest. */
  cacheImageTtlSeconds: number;
  /** Bytes the in-memory cache may hold. */
  cacheMaxBytes: number;
  /** redis:// or rediss:// URL of the cache shared between replicas; unset: memory only. */
  redisUrl?: string;
  /** The secret of the keyed hash that names callers in the cache; required with REDIS_URL. */
  cacheKeySecret?: string;
}

/** A variable whose value cannot be used; the message names it, the expected form and the value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULTS = {
  port: 4000,
  host: '0.0.0.0',
  upstreamTimeoutMs: 10_000,
  upstreamConcurrency: 32,
  listThreshold: 10,
  demo: 'auto',
  logLevel: 'info',
  nodeEnv: 'development',
  maxQueryDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 2000,
  maxBodyBytes: 1_048_576,
  maxUpstreamCalls: 500,
  batchMaxOperations: 0,
  upstreamRetries: 2,
  requestDeadlineMs: 30_000,
  shutdownGraceMs: 10_000,
  httpRequestTimeoutMs: 30_000,
  httpHeadersTimeoutMs: 10_000,
  httpKeepAliveTimeoutMs: 5_000,
  maxSelections: 10_000,
  upstreamMaxInFlight: 64,
  maxUpstreamBodyBytes: 33_554_432,
  maxRequestUpstreamBytes: 67_108_864,
  maxUpstreamBytesInUse: 268_435_456,
  heavyRequestCalls: 64,
  maxHeavyRequests: 2,
  cacheTtlSeconds: 5,
  cacheImageTtlSeconds: 60,
  cacheMaxBytes: 67_108_864,
} as const satisfies Partial<Config>;

export interface ConfigVariable {
  name: string;
  /** The default as a reader would write it; `unset` when there is none. */
  default: string;
  meaning: string;
}

/** Every variable the gateway reads: the README's table mirrors this list. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'PORT', default: String(DEFAULTS.port), meaning: 'TCP port of the HTTP server (1-65535).' },
  { name: 'HOST', default: DEFAULTS.host, meaning: 'Address to listen on; `0.0.0.0` is every interface (printed as localhost).' },
  {
    name: 'KUBECONFIG',
    default: 'unset',
    meaning: 'Kubeconfig file, or `:`-separated list of files, as kubectl reads it. Unset: `~/.kube/config`, then the pod\'s service account, then the demo cluster.',
  },
  { name: 'UPSTREAM_TIMEOUT_MS', default: String(DEFAULTS.upstreamTimeoutMs), meaning: 'Deadline of each call to the API server, in milliseconds (1-600000).' },
  {
    name: 'UPSTREAM_CONCURRENCY',
    default: String(DEFAULTS.upstreamConcurrency),
    meaning: 'Most API server calls one request may have in flight at once (1-256): enough for a page of 20 streams to read all its images in one round trip, half of UPSTREAM_MAX_IN_FLIGHT so that two callers always progress at once.',
  },
  { name: 'LIST_THRESHOLD', default: String(DEFAULTS.listThreshold), meaning: 'From this many image streams of one namespace in a request, one LIST replaces the GETs (>= 1).' },
  {
    name: 'GATEWAY_LEND_CREDENTIALS',
    default: 'true in demo mode, else false',
    meaning: 'Whether a request without a bearer token is made with the gateway\'s own credentials instead of being refused with 401 (`true`/`false`).',
  },
  {
    name: 'DEMO',
    default: DEFAULTS.demo,
    meaning: '`auto`: the embedded demo cluster when no cluster is configured; `true`: always the demo cluster; `false`: a missing cluster configuration is an error.',
  },
  { name: 'TLS_CERT_FILE', default: 'unset', meaning: 'PEM certificate for serving HTTPS; set together with TLS_KEY_FILE.' },
  { name: 'TLS_KEY_FILE', default: 'unset', meaning: 'PEM private key for serving HTTPS; set together with TLS_CERT_FILE.' },
  { name: 'LOG_LEVEL', default: DEFAULTS.logLevel, meaning: `Log level: ${LOG_LEVELS.join(', ')}.` },
  { name: 'NODE_ENV', default: DEFAULTS.nodeEnv, meaning: '`production` turns off introspection and the Sandbox landing page unless INTROSPECTION / LANDING_PAGE say otherwise.' },
  { name: 'MAX_QUERY_DEPTH', default: String(DEFAULTS.maxQueryDepth), meaning: 'Deepest field nesting an operation may have (1-100).' },
  { name: 'MAX_ALIASES', default: String(DEFAULTS.maxAliases), meaning: 'Most aliases in one operation (0-1000).' },
  { name: 'MAX_ROOT_FIELDS', default: String(DEFAULTS.maxRootFields), meaning: 'Most top-level fields in one operation (1-1000).' },
  { name: 'MAX_TOKENS', default: String(DEFAULTS.maxTokens), meaning: 'Most lexical tokens in one GraphQL document (1-100000).' },
  { name: 'MAX_BODY_BYTES', default: String(DEFAULTS.maxBodyBytes), meaning: 'Largest request body in bytes (1024-104857600); larger bodies get 413.' },
  {
    name: 'MAX_UPSTREAM_CALLS',
    default: String(DEFAULTS.maxUpstreamCalls),
    meaning: 'Most Kubernetes calls one request may make (1-100000): an operation whose estimate (each navigation field times the `first` of the lists above it) is larger is refused before any call, and past this many calls as it runs its further fields fail with UPSTREAM_CALL_LIMIT_EXCEEDED.',
  },
  { name: 'BATCH_MAX_OPERATIONS', default: String(DEFAULTS.batchMaxOperations), meaning: 'Operations allowed in one HTTP-batched request (a JSON array); 0 turns HTTP batching off (0-100).' },
  { name: 'INTROSPECTION', default: 'true, false when NODE_ENV=production', meaning: 'Whether schema introspection is answered (`true`/`false`).' },
  { name: 'LANDING_PAGE', default: 'true, false when NODE_ENV=production', meaning: 'Whether GET /graphql from a browser shows Apollo Sandbox (`true`/`false`).' },
  { name: 'CORS_ORIGINS', default: 'unset', meaning: 'Comma-separated origins allowed to call the gateway from a browser (e.g. `https://console.example.com`); unset: none.' },
  { name: 'UPSTREAM_RETRIES', default: String(DEFAULTS.upstreamRetries), meaning: 'Retries of an upstream GET after a connection error, 429 or 503, with backoff and jitter, honouring Retry-After (0-10).' },
  { name: 'REQUEST_DEADLINE_MS', default: String(DEFAULTS.requestDeadlineMs), meaning: 'Time one request may spend on upstream calls, retries included, in milliseconds (1-600000).' },
  { name: 'SHUTDOWN_GRACE_MS', default: String(DEFAULTS.shutdownGraceMs), meaning: 'Time in-flight requests get to finish after SIGTERM before the process exits, in milliseconds (0-600000).' },
  {
    name: 'HTTP_REQUEST_TIMEOUT_MS',
    default: String(DEFAULTS.httpRequestTimeoutMs),
    meaning: 'Time a client has to send a whole request, headers and body, in milliseconds (1000-600000); a slower connection is answered 408 and closed.',
  },
  {
    name: 'HTTP_HEADERS_TIMEOUT_MS',
    default: String(DEFAULTS.httpHeadersTimeoutMs),
    meaning: 'Time a client has to send a request\'s headers, in milliseconds (1000-600000, at most HTTP_REQUEST_TIMEOUT_MS).',
  },
  {
    name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
    default: String(DEFAULTS.httpKeepAliveTimeoutMs),
    meaning: 'Time an idle kept-alive client connection stays open between requests, in milliseconds (1-600000).',
  },
  {
    name: 'MAX_CONNECTIONS',
    default: 'the open-file limit less 256, 64-16384 (1000 when it cannot be read)',
    meaning: 'Most client connections open at once (1-1000000); connections beyond it are closed as they arrive, so the process keeps file descriptors for its upstream calls and probes.',
  },
  {
    name: 'MAX_SELECTIONS',
    default: String(DEFAULTS.maxSelections),
    meaning: 'Most field selections one operation may make once its fragments are expanded (1-1000000); checked before any other rule, in time linear in the document.',
  },
  {
    name: 'UPSTREAM_MAX_IN_FLIGHT',
    default: String(DEFAULTS.upstreamMaxInFlight),
    meaning: 'Most API server calls in flight at once for the whole process, shared fairly between callers (1-1024); also the size of the upstream connection pool.',
  },
  {
    name: 'MAX_UPSTREAM_BODY_BYTES',
    default: String(DEFAULTS.maxUpstreamBodyBytes),
    meaning: 'Largest API server answer, in bytes (1024-1073741824); a larger one is cut off as it streams in and fails its call with UPSTREAM_BODY_TOO_LARGE.',
  },
  {
    name: 'MAX_REQUEST_UPSTREAM_BYTES',
    default: String(DEFAULTS.maxRequestUpstreamBytes),
    meaning: 'Most API server answer bytes one request may read in all (1024-17179869184, at least MAX_UPSTREAM_BODY_BYTES); past it the request\'s further calls fail with UPSTREAM_BYTES_LIMIT_EXCEEDED.',
  },
  {
    name: 'MAX_UPSTREAM_BYTES_IN_USE',
    default: String(DEFAULTS.maxUpstreamBytesInUse),
    meaning: 'Most API server answer bytes held at once by all requests still being answered (1024-68719476736, at least MAX_REQUEST_UPSTREAM_BYTES); a call that would go past it fails with UPSTREAM_UNAVAILABLE (the gateway is overloaded) until requests finish.',
  },
  {
    name: 'TOKEN_REVIEW',
    default: 'false',
    meaning: 'Whether each caller\'s bearer token is first checked with a TokenReview made with the gateway\'s own credentials (`true`/`false`; needs the right to create `tokenreviews`); a token the API server does not accept is answered 401 before its request is read. Answers are remembered for 5 s by a hash of the token.',
  },
  {
    name: 'HEAVY_REQUEST_CALLS',
    default: String(DEFAULTS.heavyRequestCalls),
    meaning: 'Upstream calls after which a request is heavy (1-100000): its further calls wait for one of MAX_HEAVY_REQUESTS slots, so light requests never queue behind heavy ones.',
  },
  {
    name: 'MAX_HEAVY_REQUESTS',
    default: String(DEFAULTS.maxHeavyRequests),
    meaning: 'Heavy requests served at once across the process, in turn between callers (1-1000): what bounds the memory and the event-loop time that many large requests at once can take.',
  },
  {
    name: 'CACHE_TTL_SECONDS',
    default: String(DEFAULTS.cacheTtlSeconds),
    meaning: 'Seconds an upstream answer (a stream, a page of streams, an ImageStreamImage, a 403 or 404) is served to the same caller from the cache (0-3600); 0 turns the cache off (identical calls in flight are still shared).',
  },
  {
    name: 'CACHE_IMAGE_TTL_SECONDS',
    default: String(DEFAULTS.cacheImageTtlSeconds),
    meaning: 'The same for Image objects, named by their content\'s digest (1-86400; only their signatures change).',
  },
  {
    name: 'CACHE_MAX_BYTES',
    default: String(DEFAULTS.cacheMaxBytes),
    meaning: 'Bytes the in-memory cache may hold (1048576-17179869184), each entry counted as three times its JSON (the text and the parsed object); the least recently used go first.',
  },
  {
    name: 'REDIS_URL',
    default: 'unset',
    meaning: '`redis://` or `rediss://` URL (with `user:password@` for AUTH) of a cache shared by every replica, under the in-memory one; unset: memory only. Redis failing never fails a request: reads go upstream.',
  },
  {
    name: 'CACHE_KEY_SECRET',
    default: 'unset (random per process)',
    meaning: 'Secret (at least 32 characters) of the keyed hash that names callers in the cache, so no store holds a token or a plain hash of one; required with REDIS_URL, the same on every replica.',
  },
];

type Env = NodeJS.ProcessEnv | Record<string, string | undefined>;

/** What the machine tells about itself that a default depends on. */
export interface HostFacts {
  /** The soft limit on open file descriptors (`ulimit -n`), when known. */
  openFileLimit?: number;
}

/**
 * The default of MAX_CONNECTIONS: the file descriptors left once 256 are kept for upstream
 * connections, files and probes, within 64-16384; 1000 when the limit is not known.
 */
export function defaultMaxConnections(openFileLimit: number | undefined): number {
  if (openFileLimit === undefined || !Number.isFinite(openFileLimit)) return 1000;
  return Math.min(16_384, Math.max(64, openFileLimit - 256));
}

/** The soft open-file limit of this process, from /proc on Linux; undefined elsewhere. */
export function readOpenFileLimit(limitsFile = '/proc/self/limits'): number | undefined {
  try {
    const line = readFileSync(limitsFile, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    return soft !== undefined && /^\d+$/.test(soft) ? Number(soft) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the gateway's configuration from `env` (normally `process.env`); throws ConfigError. */
export function loadConfig(env: Env, host: HostFacts = {}): Config {
  const tlsCertFile = text(env, 'TLS_CERT_FILE');
  const tlsKeyFile = text(env, 'TLS_KEY_FILE');
  // A certificate without its key (or the reverse) would silently serve plain HTTP.
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    const [given, missing] = tlsCertFile !== undefined ? ['TLS_CERT_FILE', 'TLS_KEY_FILE'] : ['TLS_KEY_FILE', 'TLS_CERT_FILE'];
    throw new ConfigError(
      missing,
      `TLS_CERT_FILE and TLS_KEY_FILE must be set together, got ${given}=${JSON.stringify(tlsCertFile ?? tlsKeyFile)} and ${missing} unset`,
    );
  }
  const nodeEnv = text(env, 'NODE_ENV') ?? DEFAULTS.nodeEnv;
  const httpRequestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', DEFAULTS.httpRequestTimeoutMs, 1000, 600_000);
  const maxUpstreamBodyBytes = integer(env, 'MAX_UPSTREAM_BODY_BYTES', DEFAULTS.maxUpstreamBodyBytes, 1024, 1_073_741_824);
  const maxRequestUpstreamBytes = integer(env, 'MAX_REQUEST_UPSTREAM_BYTES', Math.max(DEFAULTS.maxRequestUpstreamBytes, maxUpstreamBodyBytes), 1024, 17_179_869_184);
  return {
    port: integer(env, 'PORT', DEFAULTS.port, 1, 65535),
    host: text(env, 'HOST') ?? DEFAULTS.host,
    kubeconfig: text(env, 'KUBECONFIG'),
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', DEFAULTS.upstreamTimeoutMs, 1, 600_000),
    upstreamConcurrency: integer(env, 'UPSTREAM_CONCURRENCY', DEFAULTS.upstreamConcurrency, 1, 256),
    listThreshold: integer(env, 'LIST_THRESHOLD', DEFAULTS.listThreshold, 1, Number.MAX_SAFE_INTEGER),
    lendCredentials: boolean(env, 'GATEWAY_LEND_CREDENTIALS'),
    demo: demoMode(env),
    tlsCertFile,
    tlsKeyFile,
    logLevel: logLevel(env),
    nodeEnv,
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', DEFAULTS.maxQueryDepth, 1, 100),
    maxAliases: integer(env, 'MAX_ALIASES', DEFAULTS.maxAliases, 0, 1000),
    maxRootFields: integer(env, 'MAX_ROOT_FIELDS', DEFAULTS.maxRootFields, 1, 1000),
    maxTokens: integer(env, 'MAX_TOKENS', DEFAULTS.maxTokens, 1, 100_000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', DEFAULTS.maxBodyBytes, 1024, 104_857_600),
    maxUpstreamCalls: integer(env, 'MAX_UPSTREAM_CALLS', DEFAULTS.maxUpstreamCalls, 1, 100_000),
    batchMaxOperations: integer(env, 'BATCH_MAX_OPERATIONS', DEFAULTS.batchMaxOperations, 0, 100),
    // Development conveniences that also tell strangers the schema: off in production by default.
    introspection: boolean(env, 'INTROSPECTION') ?? nodeEnv !== 'production',
    landingPage: boolean(env, 'LANDING_PAGE') ?? nodeEnv !== 'production',
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    upstreamRetries: integer(env, 'UPSTREAM_RETRIES', DEFAULTS.upstreamRetries, 0, 10),
    requestDeadlineMs: integer(env, 'REQUEST_DEADLINE_MS', DEFAULTS.requestDeadlineMs, 1, 600_000),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', DEFAULTS.shutdownGraceMs, 0, 600_000),
    httpRequestTimeoutMs,
    // Node refuses a headers timeout longer than the request timeout.
    httpHeadersTimeoutMs: atMost(
      'HTTP_HEADERS_TIMEOUT_MS',
      integer(env, 'HTTP_HEADERS_TIMEOUT_MS', Math.min(DEFAULTS.httpHeadersTimeoutMs, httpRequestTimeoutMs), 1000, 600_000),
      'HTTP_REQUEST_TIMEOUT_MS',
      httpRequestTimeoutMs,
    ),
    httpKeepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', DEFAULTS.httpKeepAliveTimeoutMs, 1, 600_000),
    maxConnections: integer(env, 'MAX_CONNECTIONS', defaultMaxConnections(host.openFileLimit), 1, 1_000_000),
    maxSelections: integer(env, 'MAX_SELECTIONS', DEFAULTS.maxSelections, 1, 1_000_000),
    upstreamMaxInFlight: integer(env, 'UPSTREAM_MAX_IN_FLIGHT', DEFAULTS.upstreamMaxInFlight, 1, 1024),
    maxUpstreamBodyBytes,
    maxRequestUpstreamBytes: atLeast('MAX_REQUEST_UPSTREAM_BYTES', maxRequestUpstreamBytes, 'MAX_UPSTREAM_BODY_BYTES', maxUpstreamBodyBytes),
    maxUpstreamBytesInUse: atLeast(
      'MAX_UPSTREAM_BYTES_IN_USE',
      integer(env, 'MAX_UPSTREAM_BYTES_IN_USE', Math.max(DEFAULTS.maxUpstreamBytesInUse, maxRequestUpstreamBytes), 1024, 68_719_476_736),
      'MAX_REQUEST_UPSTREAM_BYTES',
      maxRequestUpstreamBytes,
    ),
    tokenReview: boolean(env, 'TOKEN_REVIEW') ?? false,
    heavyRequestCalls: integer(env, 'HEAVY_REQUEST_CALLS', DEFAULTS.heavyRequestCalls, 1, 100_000),
    maxHeavyRequests: integer(env, 'MAX_HEAVY_REQUESTS', DEFAULTS.maxHeavyRequests, 1, 1000),
    cacheTtlSeconds: integer(env, 'CACHE_TTL_SECONDS', DEFAULTS.cacheTtlSeconds, 0, 3600),
    cacheImageTtlSeconds: integer(env, 'CACHE_IMAGE_TTL_SECONDS', DEFAULTS.cacheImageTtlSeconds, 1, 86_400),
    cacheMaxBytes: integer(env, 'CACHE_MAX_BYTES', DEFAULTS.cacheMaxBytes, 1_048_576, 17_179_869_184),
    ...sharedCache(env),
  };
}

/** REDIS_URL and CACHE_KEY_SECRET, checked together; the URL is never quoted (it may hold a password). */
function sharedCache(env: Env): Pick<Config, 'redisUrl' | 'cacheKeySecret'> {
  const redisUrl = text(env, 'REDIS_URL');
  const cacheKeySecret = text(env, 'CACHE_KEY_SECRET');
  if (redisUrl !== undefined) {
    let scheme: string | undefined;
    try {
      scheme = new URL(redisUrl).protocol;
    } catch {
      scheme = undefined;
    }
    if (scheme !== 'redis:' && scheme !== 'rediss:') {
      throw new ConfigError('REDIS_URL', `REDIS_URL must be a redis:// or rediss:// URL such as redis://redis:6379, got ${scheme ? `a ${scheme}// URL` : 'something that is not a URL'}`);
    }
    if (cacheKeySecret === undefined) {
      throw new ConfigError('CACHE_KEY_SECRET', 'CACHE_KEY_SECRET must be set when REDIS_URL is: replicas sharing one Redis must name callers with the same secret');
    }
  }
  if (cacheKeySecret !== undefined && cacheKeySecret.length < 32) {
    throw new ConfigError('CACHE_KEY_SECRET', `CACHE_KEY_SECRET must be at least 32 characters, got ${cacheKeySecret.length}`);
  }
  return { ...(redisUrl !== undefined ? { redisUrl } : {}), ...(cacheKeySecret !== undefined ? { cacheKeySecret } : {}) };
}

function atMost(name: string, value: number, boundName: string, bound: number): number {
  if (value > bound) throw new ConfigError(name, `${name} must be at most ${boundName} (${bound}), got ${value}`);
  return value;
}

function atLeast(name: string, value: number, boundName: string, bound: number): number {
  if (value < bound) throw new ConfigError(name, `${name} must be at least ${boundName} (${bound}), got ${value}`);
  return value;
}

/** Comma-separated origins, each `scheme://host[:port]` exactly as a browser sends it. */
function origins(env: Env, name: string): string[] {
  const value = trimmed(env, name);
  if (value === undefined) return [];
  return value.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new ConfigError(name, `${name} must be a comma-separated list of origins such as https://console.example.com, got ${JSON.stringify(origin)}`);
    }
    return origin;
  });
}

/**
 * The URL to print for the GraphQL endpoint: a wildcard listen address becomes `localhost`,
 * and TLS makes it https.
 */
export function localUrl(config: Pick<Config, 'host' | 'tlsCertFile'>, port: number, path = '/graphql'): string {
  const wildcard = config.host === '0.0.0.0' || config.host === '::' || config.host === '[::]';
  const host = wildcard ? 'localhost' : config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  return `${config.tlsCertFile !== undefined ? 'https' : 'http'}://${host}:${port}${path}`;
}

/** The value of `name`, with the empty string meaning unset. */
function text(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Like `text`, for values where surrounding blanks are a typo rather than part of the value. */
function trimmed(env: Env, name: string): string | undefined {
  const value = text(env, name)?.trim();
  return value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = trimmed(env, name);
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `${min}-${max}`;
    throw new ConfigError(name, `${name} must be an integer ${range}, got ${JSON.stringify(env[name])}`);
  }
  return n;
}

function boolean(env: Env, name: string): boolean | undefined {
  const value = trimmed(env, name)?.toLowerCase();
  if (value === undefined) return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(name, `${name} must be true or false, got ${JSON.stringify(env[name])}`);
}

function demoMode(env: Env): DemoMode {
  const value = trimmed(env, 'DEMO')?.toLowerCase();
  if (value === undefined) return DEFAULTS.demo;
  if (value === 'auto') return 'auto';
  if (value === 'true' || value === '1') return 'true';
  if (value === 'false' || value === '0') return 'false';
  throw new ConfigError('DEMO', `DEMO must be auto, true or false, got ${JSON.stringify(env.DEMO)}`);
}

function logLevel(env: Env): LogLevel {
  const value = trimmed(env, 'LOG_LEVEL')?.toLowerCase();
  if (value === undefined) return DEFAULTS.logLevel;
  const level = LOG_LEVELS.find((l) => l === value);
  if (level === undefined) {
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(env.LOG_LEVEL)}`);
  }
  return level;
}
