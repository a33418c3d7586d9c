// The gateway's settings as the rest of the code reads them. Each field has one row in SETTINGS
// (settings.ts), which says how it is written, parsed, defaulted and documented.

export type DemoMode = 'auto' | 'true' | 'false';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What GET /graphql shows a browser (EXPLORER). */
export const EXPLORER_MODES = ['auto', 'sandbox', 'graphiql', 'off'] as const;
export type ExplorerMode = (typeof EXPLORER_MODES)[number];

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
  /** The explorer a browser gets on GET /graphql; default auto, off when NODE_ENV=production. */
  explorer: ExplorerMode;
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
  /** Open subscriptions of the whole process. */
  maxSubscriptions: number;
  /** Open subscriptions of one caller. */
  maxSubscriptionsPerCaller: number;
  /** Events waiting for one slow client before its subscription ends. */
  maxPendingEvents: number;
  /** How often an idle WebSocket connection is pinged. */
  subscriptionPingMs: number;
  /** Demo mode: seconds between the pushes that keep the demo data moving; 0 turns them off. */
  demoChurnSeconds: number;
  /**
   * OpenTelemetry's standard tracing variables, as given: the tracing setup (telemetry/) reads
   * them by their variable names (`tracingEnvOf`) and says what is wrong with a value.
   */
  otelSdkDisabled?: string;
  otelTracesExporter?: string;
  otelExporterOtlpEndpoint?: string;
  otelExporterOtlpTracesEndpoint?: string;
  otelExporterOtlpProtocol?: string;
  otelExporterOtlpTracesProtocol?: string;
  otelExporterOtlpHeaders?: string;
  otelExporterOtlpTracesHeaders?: string;
  otelExporterOtlpTimeout?: string;
  otelExporterOtlpTracesTimeout?: string;
  otelServiceName?: string;
  otelResourceAttributes?: string;
  otelTracesSampler?: string;
  otelTracesSamplerArg?: string;
}
