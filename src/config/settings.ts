import { EXPLORER_MODES, LOG_LEVELS, type Config } from './config';
import { defaultMaxConnections, type HostFacts } from './host-facts';
import { boolean, integer, oneOf, origins, secret, text, url, type Parser } from './parsers';

// The one table of settings. loadConfig parses with it, errors quote its ranges, --help prints it
// and the README's configuration table is checked against it, row by row, in this order.

/** Reads another setting's final value (given, or its own default) while a default is worked out. */
export type ReadSetting = <K extends keyof Config>(key: K) => Config[K];

export type Default<T> =
  /** A fixed value; `text` when the docs say more than the value (`33554432 (32 MiB)`, `unset`). */
  | { readonly value: T; readonly text?: string }
  /** A value that depends on other settings or on the machine, described in words. */
  | { readonly text: string; readonly derive: (read: ReadSetting, host: HostFacts) => T };

type NumberKey = { [K in keyof Config]-?: Config[K] extends number ? K : never }[keyof Config];

export interface Setting<T> {
  /** The environment variable; the flag is derived from it (`flagOf`). */
  readonly variable: string;
  readonly parser: Parser<T>;
  readonly default: Default<T>;
  /** What the setting does, in plain text (the README adds code formatting around names). */
  readonly meaning: string;
  /** Another setting this one may not exceed, checked once both are known. */
  readonly atMost?: NumberKey;
  /** Another setting this one may not be below. */
  readonly atLeast?: NumberKey;
}

const unset = { value: undefined, text: 'unset' } as const;
const offInProduction = (read: ReadSetting) => read('nodeEnv') !== 'production';

export const SETTINGS: { readonly [K in keyof Config]-?: Setting<Config[K]> } = {
  port: { variable: 'PORT', parser: integer(1, 65535), default: { value: 4000 }, meaning: 'TCP port of the HTTP server.' },
  host: {
    variable: 'HOST',
    parser: text('an IP address or host name'),
    default: { value: '0.0.0.0' },
    meaning: 'Address to listen on; 0.0.0.0 is every interface (printed as localhost).',
  },
  kubeconfig: {
    variable: 'KUBECONFIG',
    parser: text('file paths separated by :'),
    default: unset,
    meaning: "Kubeconfig file, or list of files, as kubectl reads it. Unset: ~/.kube/config, then the pod's service account, then the demo cluster.",
  },
  upstreamTimeoutMs: {
    variable: 'UPSTREAM_TIMEOUT_MS',
    parser: integer(1, 600_000),
    default: { value: 10_000 },
    meaning: 'Deadline of each call to the API server, in milliseconds.',
  },
  upstreamConcurrency: {
    variable: 'UPSTREAM_CONCURRENCY',
    parser: integer(1, 256),
    default: { value: 32 },
    meaning:
      'Most API server calls one request may have in flight at once: enough for a page of 20 streams to read all its images in one round trip, half of UPSTREAM_MAX_IN_FLIGHT so that two callers always progress at once.',
  },
  listThreshold: {
    variable: 'LIST_THRESHOLD',
    parser: integer(1),
    default: { value: 10 },
    meaning: 'From this many image streams of one namespace in a request, one LIST replaces the GETs.',
  },
  lendCredentials: {
    variable: 'GATEWAY_LEND_CREDENTIALS',
    parser: boolean,
    // Left undefined: only the process entry knows whether the demo cluster was started.
    default: { value: undefined, text: 'true in demo mode, else false' },
    meaning: "Whether a request without a bearer token is made with the gateway's own credentials instead of being refused with 401.",
  },
  demo: {
    variable: 'DEMO',
    parser: oneOf(['auto', 'true', 'false'], { '1': 'true', '0': 'false' }),
    default: { value: 'auto' },
    meaning: 'auto: the embedded demo cluster when no cluster is configured; true: always the demo cluster; false: a missing cluster configuration is an error.',
  },
  tlsCertFile: {
    variable: 'TLS_CERT_FILE',
    parser: text('a file path'),
    default: unset,
    meaning: 'PEM certificate for serving HTTPS; set together with TLS_KEY_FILE.',
  },
  tlsKeyFile: {
    variable: 'TLS_KEY_FILE',
    parser: text('a file path'),
    default: unset,
    meaning: 'PEM private key for serving HTTPS; set together with TLS_CERT_FILE.',
  },
  logLevel: {
    variable: 'LOG_LEVEL',
    parser: oneOf(LOG_LEVELS),
    default: { value: 'info' },
    meaning: 'Least severe level written: each level writes its own lines and those of the levels before it; silent writes none.',
  },
  nodeEnv: {
    variable: 'NODE_ENV',
    parser: text('any word'),
    default: { value: 'development' },
    meaning: 'production turns off introspection and the explorer unless INTROSPECTION / EXPLORER say otherwise.',
  },
  maxQueryDepth: { variable: 'MAX_QUERY_DEPTH', parser: integer(1, 100), default: { value: 12 }, meaning: 'Deepest field nesting an operation may have.' },
  maxAliases: { variable: 'MAX_ALIASES', parser: integer(0, 1000), default: { value: 30 }, meaning: 'Most aliases in one operation.' },
  maxRootFields: { variable: 'MAX_ROOT_FIELDS', parser: integer(1, 1000), default: { value: 20 }, meaning: 'Most top-level fields in one operation.' },
  maxTokens: { variable: 'MAX_TOKENS', parser: integer(1, 100_000), default: { value: 2000 }, meaning: 'Most lexical tokens in one GraphQL document.' },
  maxBodyBytes: {
    variable: 'MAX_BODY_BYTES',
    parser: integer(1024, 104_857_600),
    default: { value: 1_048_576, text: '1048576 (1 MiB)' },
    meaning: 'Largest request body in bytes; larger bodies get 413.',
  },
  maxUpstreamCalls: {
    variable: 'MAX_UPSTREAM_CALLS',
    parser: integer(1, 100_000),
    default: { value: 500 },
    meaning:
      'Most Kubernetes calls one request may make: an operation whose estimate (each navigation field times the first of the lists above it) is larger is refused before any call, and past this many calls as it runs its further fields fail with UPSTREAM_CALL_LIMIT_EXCEEDED.',
  },
  batchMaxOperations: {
    variable: 'BATCH_MAX_OPERATIONS',
    parser: integer(0, 100),
    default: { value: 0 },
    meaning: 'Operations allowed in one HTTP-batched request (a JSON array); 0 turns HTTP batching off.',
  },
  // Development conveniences that also tell strangers the schema: off in production by default.
  introspection: {
    variable: 'INTROSPECTION',
    parser: boolean,
    default: { text: 'true, false when NODE_ENV=production', derive: offInProduction },
    meaning: 'Whether schema introspection is answered.',
  },
  explorer: {
    variable: 'EXPLORER',
    parser: oneOf(EXPLORER_MODES),
    default: { text: 'auto, off when NODE_ENV=production', derive: (read) => (read('nodeEnv') === 'production' ? 'off' : 'auto') },
    meaning:
      "What GET /graphql shows a browser. auto: Apollo Sandbox where it loads, else, within a few seconds, the gateway's own GraphiQL (at /graphiql), so a disconnected cluster gets an explorer too; sandbox: Apollo Sandbox only (its code comes from Apollo's CDN); graphiql: the gateway's own GraphiQL, whose code, styles and fonts the gateway serves, so the page contacts nothing else; off: none.",
  },
  corsOrigins: {
    variable: 'CORS_ORIGINS',
    parser: origins,
    default: { value: [], text: 'unset' },
    meaning: 'Origins allowed to call the gateway from a browser (e.g. https://console.example.com); unset: none.',
  },
  upstreamRetries: {
    variable: 'UPSTREAM_RETRIES',
    parser: integer(0, 10),
    default: { value: 2 },
    meaning: 'Retries of an upstream GET after a connection error, 429 or 503, with backoff and jitter, honouring Retry-After.',
  },
  requestDeadlineMs: {
    variable: 'REQUEST_DEADLINE_MS',
    parser: integer(1, 600_000),
    default: { value: 30_000 },
    meaning: 'Time one request may spend on upstream calls, retries included, in milliseconds.',
  },
  shutdownGraceMs: {
    variable: 'SHUTDOWN_GRACE_MS',
    parser: integer(0, 600_000),
    default: { value: 10_000 },
    meaning: 'Time in-flight requests get to finish after SIGTERM before the process exits, in milliseconds.',
  },
  httpRequestTimeoutMs: {
    variable: 'HTTP_REQUEST_TIMEOUT_MS',
    parser: integer(1000, 600_000),
    default: { value: 30_000 },
    meaning: 'Time a client has to send a whole request, headers and body, in milliseconds; a slower connection is answered 408 and closed.',
  },
  httpHeadersTimeoutMs: {
    variable: 'HTTP_HEADERS_TIMEOUT_MS',
    parser: integer(1000, 600_000),
    // Node refuses a headers timeout longer than the request timeout.
    atMost: 'httpRequestTimeoutMs',
    default: { text: '10000, or HTTP_REQUEST_TIMEOUT_MS when shorter', derive: (read) => Math.min(10_000, read('httpRequestTimeoutMs')) },
    meaning: "Time a client has to send a request's headers, in milliseconds.",
  },
  httpKeepAliveTimeoutMs: {
    variable: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
    parser: integer(1, 600_000),
    default: { value: 5000 },
    meaning: 'Time an idle kept-alive client connection stays open between requests, in milliseconds.',
  },
  maxConnections: {
    variable: 'MAX_CONNECTIONS',
    parser: integer(1, 1_000_000),
    default: {
      text: 'the open-file limit less 256, within 64-16384 (1000 when it cannot be read)',
      derive: (_read, host) => defaultMaxConnections(host.openFileLimit),
    },
    meaning: 'Most client connections open at once; connections beyond it are closed as they arrive, so the process keeps file descriptors for its upstream calls and probes.',
  },
  maxSelections: {
    variable: 'MAX_SELECTIONS',
    parser: integer(1, 1_000_000),
    default: { value: 10_000 },
    meaning: 'Most field selections one operation may make once its fragments are expanded; checked before any other rule, in time linear in the document.',
  },
  upstreamMaxInFlight: {
    variable: 'UPSTREAM_MAX_IN_FLIGHT',
    parser: integer(1, 1024),
    default: { value: 64 },
    meaning: 'Most API server calls in flight at once for the whole process, shared fairly between callers; also the size of the upstream connection pool.',
  },
  maxUpstreamBodyBytes: {
    variable: 'MAX_UPSTREAM_BODY_BYTES',
    parser: integer(1024, 1_073_741_824),
    default: { value: 33_554_432, text: '33554432 (32 MiB)' },
    meaning: 'Largest API server answer, in bytes; a larger one is cut off as it streams in and fails its call with UPSTREAM_BODY_TOO_LARGE.',
  },
  maxRequestUpstreamBytes: {
    variable: 'MAX_REQUEST_UPSTREAM_BYTES',
    parser: integer(1024, 17_179_869_184),
    atLeast: 'maxUpstreamBodyBytes',
    default: { text: '67108864 (64 MiB), or MAX_UPSTREAM_BODY_BYTES when larger', derive: (read) => Math.max(67_108_864, read('maxUpstreamBodyBytes')) },
    meaning: "Most API server answer bytes one request may read in all; past it the request's further calls fail with UPSTREAM_BYTES_LIMIT_EXCEEDED.",
  },
  maxUpstreamBytesInUse: {
    variable: 'MAX_UPSTREAM_BYTES_IN_USE',
    parser: integer(1024, 68_719_476_736),
    atLeast: 'maxRequestUpstreamBytes',
    default: { text: '268435456 (256 MiB), or MAX_REQUEST_UPSTREAM_BYTES when larger', derive: (read) => Math.max(268_435_456, read('maxRequestUpstreamBytes')) },
    meaning:
      'Most API server answer bytes held at once by all requests still being answered; a call that would go past it fails with UPSTREAM_UNAVAILABLE (the gateway is overloaded) until requests finish.',
  },
  tokenReview: {
    variable: 'TOKEN_REVIEW',
    parser: boolean,
    default: { value: false },
    meaning:
      "Whether each caller's bearer token is first checked with a TokenReview made with the gateway's own credentials (which then need the right to create tokenreviews); a token the API server does not accept is answered 401 before its request is read. Answers are remembered for 5 s by a hash of the token.",
  },
  heavyRequestCalls: {
    variable: 'HEAVY_REQUEST_CALLS',
    parser: integer(1, 100_000),
    default: { value: 64 },
    meaning: 'Upstream calls after which a request is heavy: its further calls wait for one of MAX_HEAVY_REQUESTS slots, so light requests never queue behind heavy ones.',
  },
  maxHeavyRequests: {
    variable: 'MAX_HEAVY_REQUESTS',
    parser: integer(1, 1000),
    default: { value: 2 },
    meaning: 'Heavy requests served at once across the process, in turn between callers: what bounds the memory and the event-loop time that many large requests at once can take.',
  },
  cacheTtlSeconds: {
    variable: 'CACHE_TTL_SECONDS',
    parser: integer(0, 3600),
    default: { value: 5 },
    meaning:
      'Seconds an upstream answer (a stream, a page of streams, an ImageStreamImage, a 403 or 404) is served to the same caller from the cache; 0 turns the cache off (identical calls in flight are still shared).',
  },
  cacheImageTtlSeconds: {
    variable: 'CACHE_IMAGE_TTL_SECONDS',
    parser: integer(1, 86_400),
    default: { value: 60 },
    meaning: "The same for Image objects, named by their content's digest (only their signatures change).",
  },
  cacheMaxBytes: {
    variable: 'CACHE_MAX_BYTES',
    parser: integer(1_048_576, 17_179_869_184),
    default: { value: 67_108_864, text: '67108864 (64 MiB)' },
    meaning: 'Bytes the in-memory cache may hold, each entry counted as three times its JSON (the text and the parsed object); the least recently used go first.',
  },
  redisUrl: {
    variable: 'REDIS_URL',
    parser: url(['redis:', 'rediss:'], 'redis://redis:6379'),
    default: unset,
    meaning: 'URL (with user:password@ for AUTH) of a cache shared by every replica, under the in-memory one; unset: memory only. Redis failing never fails a request: reads go upstream.',
  },
  cacheKeySecret: {
    variable: 'CACHE_KEY_SECRET',
    parser: secret(32),
    default: { value: undefined, text: 'unset (random per process)' },
    meaning: 'Secret of the keyed hash that names callers in the cache, so no store holds a token or a plain hash of one; required with REDIS_URL, the same on every replica.',
  },
  maxSubscriptions: {
    variable: 'MAX_SUBSCRIPTIONS',
    parser: integer(1, 1_000_000),
    default: { value: 1000 },
    meaning: 'Most subscriptions open at once across the process, over WebSocket and SSE; one more ends at once with SUBSCRIPTION_LIMIT_EXCEEDED.',
  },
  maxSubscriptionsPerCaller: {
    variable: 'MAX_SUBSCRIPTIONS_PER_CALLER',
    parser: integer(1, 10_000),
    default: { value: 20 },
    meaning: "Most subscriptions one caller (one token) may have open at once; however many there are, a caller's subscriptions on one namespace share one watch of the API server.",
    atMost: 'maxSubscriptions',
  },
  maxPendingEvents: {
    variable: 'MAX_PENDING_EVENTS',
    parser: integer(1, 100_000),
    default: { value: 100 },
    meaning: 'Events that may wait for one client that reads slower than they come; one more ends its subscription with SLOW_CONSUMER instead of holding them without bound.',
  },
  subscriptionPingMs: {
    variable: 'SUBSCRIPTION_PING_MS',
    parser: integer(1000, 600_000),
    default: { value: 15_000 },
    meaning: 'How often an idle WebSocket connection is pinged, in milliseconds; one that has not answered by the next ping is closed.',
  },
  demoChurnSeconds: {
    variable: 'DEMO_CHURN_SECONDS',
    parser: integer(0, 86_400),
    default: { value: 5 },
    meaning: 'Demo mode: seconds between the pushes of a new image to demo/frontend:latest, so a subscription has something to show; 0 turns them off.',
  },
  // OpenTelemetry's own variables: parsed and checked by the tracing setup (telemetry/tracing-settings).
  otelSdkDisabled: { variable: 'OTEL_SDK_DISABLED', parser: text('true or false'), default: { value: undefined, text: 'false' }, meaning: 'true turns tracing off whatever else is set.' },
  otelTracesExporter: { variable: 'OTEL_TRACES_EXPORTER', parser: text('otlp or none'), default: { value: undefined, text: 'otlp' }, meaning: 'none turns tracing off.' },
  otelExporterOtlpEndpoint: { variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', parser: text('an http(s) URL'), default: { value: undefined, text: 'unset (tracing off)' }, meaning: 'Base URL of the OTLP/HTTP collector; spans go to its /v1/traces. Tracing is off unless this or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set.' },
  otelExporterOtlpTracesEndpoint: { variable: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', parser: text('an http(s) URL'), default: { value: undefined, text: 'unset' }, meaning: 'The traces endpoint itself (its whole URL); wins over OTEL_EXPORTER_OTLP_ENDPOINT.' },
  otelExporterOtlpProtocol: { variable: 'OTEL_EXPORTER_OTLP_PROTOCOL', parser: text('http/protobuf or http/json'), default: { value: undefined, text: 'http/protobuf' }, meaning: 'How spans are sent; grpc is not supported and refused at start.' },
  otelExporterOtlpTracesProtocol: { variable: 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', parser: text('http/protobuf or http/json'), default: { value: undefined, text: 'unset' }, meaning: 'The same for traces alone; wins over OTEL_EXPORTER_OTLP_PROTOCOL.' },
  otelExporterOtlpHeaders: { variable: 'OTEL_EXPORTER_OTLP_HEADERS', parser: text('comma-separated key=value pairs'), default: { value: undefined, text: 'unset' }, meaning: "Headers sent with every export (a collector's credentials)." },
  otelExporterOtlpTracesHeaders: { variable: 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', parser: text('comma-separated key=value pairs'), default: { value: undefined, text: 'unset' }, meaning: 'The same for traces alone; wins over OTEL_EXPORTER_OTLP_HEADERS.' },
  otelExporterOtlpTimeout: { variable: 'OTEL_EXPORTER_OTLP_TIMEOUT', parser: text('milliseconds'), default: { value: undefined, text: '10000' }, meaning: 'Time one export may take.' },
  otelExporterOtlpTracesTimeout: { variable: 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', parser: text('milliseconds'), default: { value: undefined, text: 'unset' }, meaning: 'The same for traces alone; wins over OTEL_EXPORTER_OTLP_TIMEOUT.' },
  otelServiceName: { variable: 'OTEL_SERVICE_NAME', parser: text('a name'), default: { value: undefined, text: 'imagestream-gateway' }, meaning: 'service.name of every span.' },
  otelResourceAttributes: { variable: 'OTEL_RESOURCE_ATTRIBUTES', parser: text('comma-separated key=value pairs'), default: { value: undefined, text: 'unset' }, meaning: 'More resource attributes of every span (k8s.pod.name=…).' },
  otelTracesSampler: { variable: 'OTEL_TRACES_SAMPLER', parser: text('always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off or parentbased_traceidratio'), default: { value: undefined, text: 'parentbased_always_on' }, meaning: 'Which requests are traced; the parentbased samplers follow an incoming traceparent.' },
  otelTracesSamplerArg: { variable: 'OTEL_TRACES_SAMPLER_ARG', parser: text('a ratio 0-1'), default: { value: undefined, text: '1' }, meaning: 'The ratio of the traceidratio samplers.' },
};

/** The settings' keys in table order. */
export const SETTING_KEYS = Object.keys(SETTINGS) as ReadonlyArray<keyof Config>;

/** `PORT` is `--port`, `UPSTREAM_TIMEOUT_MS` is `--upstream-timeout-ms`. */
export function flagOf(variable: string): string {
  return `--${variable.toLowerCase().replaceAll('_', '-')}`;
}

/** The accepted values, with the bounds other settings put on this one. */
export function rangeOf(setting: Setting<unknown>): string {
  const bounds = [
    ...(setting.atMost !== undefined ? [`at most ${SETTINGS[setting.atMost].variable}`] : []),
    ...(setting.atLeast !== undefined ? [`at least ${SETTINGS[setting.atLeast].variable}`] : []),
  ];
  return [setting.parser.range, ...bounds].join(', ');
}

/** The default as the docs write it. */
export function defaultTextOf(setting: Setting<unknown>): string {
  const fallback = setting.default;
  if (fallback.text !== undefined) return fallback.text;
  return 'value' in fallback && fallback.value !== undefined ? setting.parser.show(fallback.value) : 'unset';
}
