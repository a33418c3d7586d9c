import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import fastifyCors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import pino, { type Logger } from 'pino';
import { loadConfig, type Config, type ExplorerMode } from './config';
import { registerExplorer } from './explorer/register-explorer';
import { errorCode } from './errors';
import { createContext, type Context, type ContextOptions } from './context';
import { InflightCalls } from './upstream/inflight-calls';
import { AnswerCache, type AnswerCacheOptions } from './upstream/answer-cache';
import { BytesInUse } from './upstream/bytes-in-use';
import { EventLoopTurns } from './upstream/event-loop-turns';
import { callerKeySecret } from './upstream/caller-key';
import { createRedisApqCache, type RedisApqCache } from './upstream/redis-apq-cache';
import { createRedisCache, type RedisCache } from './upstream/redis-cache';
import { connectRedis, type RedisConnection } from './upstream/redis-connection';
import type { UpstreamServices } from './upstream/upstream-session';
import { FairLimiter } from './upstream/fair-limiter';
import { beginRequestLog, registerRequestLog } from './request-log';
import { requestIdOf } from './request-id';
import { registerTokenReview } from './token-review-hook';
import { TokenReviewer } from './upstream/token-reviewer';
import { GatewayMetrics } from './metrics';
import { answerNotFound, answerRefusal, answerRequestError, graphQLErrorBody } from './http-refusals';
import { formatError } from './graphql/format-error';
import { reportErrorsPlugin } from './graphql/report-errors.plugin';
import { requireCredentials } from './graphql/require-credentials';
import { rootFieldsRule } from './graphql/limits/root-fields-rule';
import { upstreamCallBudgetPlugin } from './graphql/limits/upstream-call-budget.plugin';
import { buildGatewaySchema } from './graphql/build-gateway-schema';
import { registerRestRoutes } from './rest/register-rest-routes';
import { checkSubscription, type SubscriptionLimits } from './graphql/limits/check-subscription';
import type { LiveTransportOptions } from './live/live-transport-options';
import { registerSseTransport } from './live/sse-transport';
import { WatchRegistry } from './live/watch-registry';
import { attachWebSocketTransport } from './live/websocket-transport';
import { KubeApiError } from './kube/errors';
import type { KubeClient } from './kube/kube-client';
import { graphqlSpanPlugin } from './telemetry/graphql-span.plugin';
import { registerTracing } from './telemetry/register-tracing';
import type { Tracing } from './telemetry/tracing';

export interface ServerOptions {
  host: string;
  port: number;
  kube: KubeClient;
  lendCredentials: boolean;
  /** Upstream calls in flight at once per request. */
  concurrency: number;
  /** From this many streams of one namespace in one request, a LIST replaces GETs. */
  listThreshold: number;
  /** What GET /graphql shows a browser (EXPLORER; ../explorer); default auto. */
  explorer?: ExplorerMode;
  introspection?: boolean;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  logger?: Logger;
  /** A schema already built (tests build it once); built here when absent. */
  schema?: GraphQLSchema;
  /** Limits on what one request may ask; each defaults to the value of DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /** Origins allowed by CORS; none by default. */
  corsOrigins?: string[];
  /** Time one request may spend on upstream calls, retries included. */
  requestDeadlineMs?: number;
  /** Served on GET /metrics; the process entry shares it with the adapter's `onRequest`. */
  metrics?: GatewayMetrics;
  /** TOKEN_REVIEW: check each caller's token with a TokenReview before any work for it. */
  tokenReview?: boolean;
  /** The clock of the REST route's Table ages; default Date.now (tests fix it). */
  now?: () => number;
  /** Upstream answers kept across requests (cacheOptionsOf); no cache when absent. */
  cache?: AnswerCacheOptions;
  /** CACHE_KEY_SECRET: the secret of the keyed hash that names callers; random per process when absent. */
  cacheKeySecret?: string;
  /**
   * REDIS_URL: the store every replica shares, for the cache's second tier (when there is a
   * cache) and for automatic persisted queries. Needs cacheKeySecret.
   */
  redisUrl?: string;
  /** Spans of every request and upstream read (startTracing); none when absent. */
  tracing?: Tracing;
  /** Subscriptions (WebSocket on /graphql, SSE on /graphql/stream); each defaults to DEFAULT_LIVE. */
  live?: Partial<LiveSettings>;
}

/** The bounds and timers of live updates. */
export interface LiveSettings {
  /** MAX_SUBSCRIPTIONS: open subscriptions of the whole process. */
  maxSubscriptions: number;
  /** MAX_SUBSCRIPTIONS_PER_CALLER. */
  maxSubscriptionsPerCaller: number;
  /** MAX_PENDING_EVENTS: events waiting for one slow client before its subscription ends. */
  maxPendingEvents: number;
  /** SUBSCRIPTION_PING_MS: idle WebSocket connections are pinged this often, and closed without a pong. */
  pingIntervalMs: number;
  /** Bytes an SSE response may have unsent before its client is dropped as too slow. */
  maxBufferedBytes: number;
  /** Consecutive failed attempts of an upstream watch before its subscriptions end with UPSTREAM_UNAVAILABLE. */
  watchRetries: number;
  watchRetryBaseMs: number;
}

/** The live settings of a configuration; the rest (watch retries, SSE buffering) are fixed. */
export function liveOf(config: Config): LiveSettings {
  return {
    maxSubscriptions: config.maxSubscriptions,
    maxSubscriptionsPerCaller: config.maxSubscriptionsPerCaller,
    maxPendingEvents: config.maxPendingEvents,
    pingIntervalMs: config.subscriptionPingMs,
    // About MAX_PENDING_EVENTS events of a large stream: past it, an SSE client is too slow.
    maxBufferedBytes: 1_048_576,
    watchRetries: 5,
    watchRetryBaseMs: 200,
  };
}

/** The live settings of the default configuration, for servers started without one (tests). */
export const DEFAULT_LIVE: LiveSettings = liveOf(loadConfig({}));

/** The cache a configuration asks for, without its shared tier; none when CACHE_TTL_SECONDS is 0. */
export function cacheOptionsOf(config: Config): AnswerCacheOptions | undefined {
  if (config.cacheTtlSeconds === 0) return undefined;
  return { ttlMs: config.cacheTtlSeconds * 1000, imageTtlMs: config.cacheImageTtlSeconds * 1000, maxBytes: config.cacheMaxBytes };
}

/** How long a TokenReview's answer about a token is believed, and how many are remembered. */
const TOKEN_REVIEW_TTL_MS = 5_000;
const TOKEN_REVIEW_MAX_TOKENS = 10_000;

/** The settings that bound what one request, one connection or the process may do. */
const LIMIT_KEYS = [
  'maxQueryDepth',
  'maxAliases',
  'maxRootFields',
  'maxTokens',
  'maxBodyBytes',
  'maxUpstreamCalls',
  'batchMaxOperations',
  'maxSelections',
  'httpRequestTimeoutMs',
  'httpHeadersTimeoutMs',
  'httpKeepAliveTimeoutMs',
  'maxConnections',
  'upstreamMaxInFlight',
  'maxRequestUpstreamBytes',
  'maxUpstreamBytesInUse',
  'heavyRequestCalls',
  'maxHeavyRequests',
] as const satisfies ReadonlyArray<keyof Config>;

export type Limits = Pick<Config, (typeof LIMIT_KEYS)[number]>;

/** How often Node looks for connections past their request or headers timeout. */
const CONNECTIONS_CHECK_INTERVAL_MS = 1000;

/** The limits of the default configuration, for servers started without one (tests). */
export const DEFAULT_LIMITS: Limits = limitsOf(loadConfig({}));

export function limitsOf(config: Config): Limits {
  return Object.fromEntries(LIMIT_KEYS.map((key) => [key, config[key]])) as unknown as Limits;
}

function countHeader(rawHeaders: string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === name) count++;
  return count;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  app: FastifyInstance;
  /** The subscriptions and the upstream watches behind them. */
  live: WatchRegistry;
  stop(): Promise<void>;
}





interface SharedStore {
  connection: RedisConnection;
  answers: RedisCache;
  persistedQueries: RedisApqCache;
}

/**
 * The Redis every replica shares, over one connection. Its failures never reach a client: a
 * read that fails is a miss (the answer comes from upstream), one log line says when it went
 * down and one when it is back, and the metrics count the failed commands.
 */
function connectSharedStore(url: string, logger: Logger, metrics: GatewayMetrics): SharedStore {
  const connection = connectRedis(url, {
    onStateChange(state, reason) {
      metrics.sharedCacheState(state === 'ready');
      if (state === 'ready') logger.info(`shared cache: connected to ${connection.safeUrl}`);
      else logger.warn(`shared cache unreachable (${reason ?? connection.safeUrl}): answers come from the API server until it is back`);
    },
  });
  const onError = (operation: string): void => metrics.sharedCacheError(operation);
  return { connection, answers: createRedisCache(connection, { onError }), persistedQueries: createRedisApqCache(connection, { onError }) };
}

/** What every request's upstream session shares, made once per server. */
function upstreamServices(options: ServerOptions, limits: Limits, shared: SharedStore | undefined): UpstreamServices {
  if (shared && !options.cacheKeySecret) throw new TypeError('redisUrl needs cacheKeySecret: replicas sharing one Redis must name callers with the same secret');
  return {
    kube: options.kube,
    concurrency: options.concurrency,
    inflight: new InflightCalls(),
    keySecret: callerKeySecret(options.cacheKeySecret),
    ...(options.cache ? { cache: new AnswerCache({ ...options.cache, ...(shared ? { shared: shared.answers } : {}) }), hitTurns: new EventLoopTurns() } : {}),
    requestDeadlineMs: options.requestDeadlineMs,
    maxUpstreamCalls: limits.maxUpstreamCalls,
    maxRequestUpstreamBytes: limits.maxRequestUpstreamBytes,
    bytesInUse: new BytesInUse(limits.maxUpstreamBytesInUse),
    fair: new FairLimiter(limits.upstreamMaxInFlight),
    heavy: { slots: new FairLimiter(limits.maxHeavyRequests), afterCalls: limits.heavyRequestCalls },
    ...(options.tracing ? { tracing: options.tracing } : {}),
  };
}

/**
 * Live updates: the registry of upstream watches, and the two transports in front of it, with the
 * query path's limits and error vocabulary. Both transports end their streams before the server closes.
 */
function startLiveUpdates(
  app: FastifyInstance,
  parts: {
    options: ServerOptions;
    schema: GraphQLSchema;
    contextOptions: ContextOptions;
    reviewer: TokenReviewer | undefined;
    settings: LiveSettings;
    limits: SubscriptionLimits;
    maxMessageBytes: number;
  },
): { registry: WatchRegistry; close(): Promise<void> } {
  const { options, schema, contextOptions, reviewer, settings, limits } = parts;
  const registry = new WatchRegistry({
    kube: options.kube,
    keySecret: contextOptions.upstream.keySecret,
    maxPerCaller: settings.maxSubscriptionsPerCaller,
    maxTotal: settings.maxSubscriptions,
    maxPendingEvents: settings.maxPendingEvents,
    retries: settings.watchRetries,
    retryBaseMs: settings.watchRetryBaseMs,
  });
  const transport: LiveTransportOptions = {
    schema,
    registry,
    contextOptions,
    lendCredentials: options.lendCredentials,
    corsOrigins: options.corsOrigins ?? [],
    check: (request) => checkSubscription(schema, request, limits),
    formatError: (error) => (error instanceof GraphQLError ? formatError(error.toJSON(), error) : (error as GraphQLFormattedError)),
    ...(reviewer ? { reviewToken: (token: string) => reviewer.authenticated(token) } : {}),
    pingIntervalMs: settings.pingIntervalMs,
    maxMessageBytes: parts.maxMessageBytes,
    maxBufferedBytes: settings.maxBufferedBytes,
  };
  const websocket = attachWebSocketTransport(app.server, transport);
  const sse = registerSseTransport(app, transport);
  return {
    registry,
    async close() {
      await Promise.all([websocket.close(), sse.close()]);
    },
  };
}

/** The composition root: Fastify, Apollo Server on /graphql, probes; returns a started server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger ?? pino({ level: 'silent' });
  // Node's own defaults let a client hold a connection for ever by sending slowly (Fastify sets
  // requestTimeout to 0); these close it when it is too slow, too idle, or one too many.
  const socketLimits = { headersTimeout: limits.httpHeadersTimeoutMs, connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS };
  const app = Fastify({
    loggerInstance: logger,
    // The request log below writes one line per request, without the query string.
    logController: new LogController({ disableRequestLogging: true }),
    // The caller's X-Request-Id when it is a valid one, else a fresh UUID; returned on the response.
    genReqId: requestIdOf,
    requestTimeout: limits.httpRequestTimeoutMs,
    keepAliveTimeout: limits.httpKeepAliveTimeoutMs,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key, ...socketLimits } } : { http: socketLimits }),
    // Object names can be long; the router's default of 100 characters would answer 414.
    routerOptions: { maxParamLength: 1024 },
    bodyLimit: limits.maxBodyBytes,
    // A URL Fastify cannot decode (`%zz`) is answered in the same vocabulary as every other refusal.
    // Fastify runs no hook for these: the request log begins here.
    frameworkErrors: (error, request, reply) => {
      beginRequestLog(request, reply);
      return answerRequestError(error, request, reply);
    },
  }) as unknown as FastifyInstance;
  app.server.maxConnections = limits.maxConnections;
  const metrics = options.metrics ?? new GatewayMetrics();
  if (options.tracing) registerTracing(app, options.tracing, (request) => request.report);
  registerRequestLog(app);
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeHttp(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode);
  });
  app.addHook('onRequest', async (request, reply) => {
    // Node keeps the first of several Authorization headers; which one a caller meant is unknowable.
    if (countHeader(request.raw.rawHeaders, 'authorization') > 1) {
      return answerRefusal(request, reply, new GraphQLError('expected one Authorization header, got several', { extensions: { code: errorCode('BAD_REQUEST') } }));
    }
  });
  let reviewer: TokenReviewer | undefined;
  if (options.tokenReview) {
    const kube = options.kube;
    if (!kube.reviewToken) throw new TypeError('tokenReview needs a KubeClient that can review tokens');
    reviewer = new TokenReviewer({ reviewToken: kube.reviewToken.bind(kube) }, {
      ttlMs: TOKEN_REVIEW_TTL_MS,
      maxTokens: TOKEN_REVIEW_MAX_TOKENS,
      timeoutMs: options.requestDeadlineMs,
    });
    registerTokenReview(app, reviewer, options.lendCredentials);
  }
  app.setErrorHandler(answerRequestError);
  app.setNotFoundHandler(answerNotFound);
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    await app.register(fastifyCors, { origin: options.corsOrigins });
  }

  const shared = options.redisUrl ? connectSharedStore(options.redisUrl, logger, metrics) : undefined;
  const upstream = upstreamServices(options, limits, shared);
  const contextOptions: ContextOptions = {
    upstream,
    lendCredentials: options.lendCredentials,
    listThreshold: options.listThreshold,
    onLoaderBatch: metrics.observeLoaderBatch,
  };
  metrics.watchUpstreamBounds({ fair: upstream.fair!, bytesInUse: upstream.bytesInUse! });
  if (upstream.cache) metrics.watchCache(upstream.cache);
  const introspection = options.introspection ?? true;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxQueryDepth },
    maxAliases: { n: limits.maxAliases },
    // Token counting is graphql-js's own parse option below: armor's plugin throws from a hook
    // where Apollo turns every parse failure into a 500.
    maxTokens: { enabled: false },
    // The upstream-call budget below is this gateway's cost model; armor's generic one is off.
    costLimit: { enabled: false },
    maxDirectives: { n: 50 },
    // "Did you mean …" tells the schema to whoever asks; hidden with introspection.
    blockFieldSuggestion: { enabled: !introspection },
  }).protect();

  const schema = options.schema ?? (await buildGatewaySchema());
  const apollo = new ApolloServer<Context>({
    schema,
    // Apollo's own few lines (a document store that failed, an unexpected error) go to the root
    // logger, as JSON but without a request id: tying them to their request would take an
    // AsyncLocalStorage, whose promise hooks cost every request about 13% more CPU (measured on
    // the page query) for lines that are rare. A request's GraphQL errors are on its own line.
    logger,
    introspection,
    hideSchemaDetailsFromClientErrors: !introspection,
    includeStacktraceInErrorResponses: false,
    // Counted before the other rules, which then run only on a document that passed: the
    // selections a document makes once its fragments are expanded, in time linear in it.
    maxRecursiveSelections: limits.maxSelections,
    // The process entry owns SIGTERM/SIGINT (src/shutdown.ts); Apollo's own handlers would stop
    // it a second time and re-raise the signal.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: limits.batchMaxOperations > 0,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError,
    // Registered once, known to every replica; Apollo's in-memory store without Redis.
    ...(shared ? { persistedQueries: { cache: shared.persistedQueries } } : {}),
    validationRules: [...armor.validationRules, rootFieldsRule(limits.maxRootFields)],
    plugins: [
      ...armor.plugins,
      upstreamCallBudgetPlugin(limits.maxUpstreamCalls),
      reportErrorsPlugin({ onOperation: metrics.observeOperation }),
      fastifyApolloDrainPlugin(app),
      ...(options.tracing ? [graphqlSpanPlugin<Context>()] : []),
      // Apollo's cache-control plugin makes a cache hint and four closures for every field it
      // resolves (a third of a maximal query's memory) to compute a Cache-Control header this
      // gateway never sends: every answer is the caller's own (no-cache, private).
      ApolloServerPluginCacheControlDisabled(),
      // Only sandbox is Apollo's own page; auto and graphiql are served before Apollo (../explorer).
      (options.explorer ?? 'auto') === 'sandbox'
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  if (limits.batchMaxOperations > 0) {
    app.addHook('preHandler', async (request, reply) => {
      if (request.url.split('?')[0] !== '/graphql' || !Array.isArray(request.body)) return;
      if (request.body.length > limits.batchMaxOperations) {
        return reply.code(400).send(graphQLErrorBody(
          `Batch limit of ${limits.batchMaxOperations} operations exceeded, found ${request.body.length}.`,
          'BAD_USER_INPUT',
        ));
      }
    });
  }

  registerExplorer(app, options.explorer ?? 'auto');

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request: FastifyRequest, reply: FastifyReply) => {
      const context = createContext({ headers: request.headers, response: reply.raw, report: request.report, log: request.log }, contextOptions);
      return requireCredentials(context);
    },
  });

  await registerRestRoutes(app, { contextOptions, ...(options.now ? { now: options.now } : {}) });

  const live = startLiveUpdates(app, {
    options,
    schema,
    contextOptions,
    reviewer,
    settings: { ...DEFAULT_LIVE, ...options.live },
    limits: { maxTokens: limits.maxTokens, maxSelections: limits.maxSelections, maxUpstreamCalls: limits.maxUpstreamCalls, rules: [...armor.validationRules, rootFieldsRule(limits.maxRootFields)] },
    maxMessageBytes: limits.maxBodyBytes,
  });
  metrics.watchLive(() => live.registry.stats());

  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/graphql',
    handler: async (_request, reply) =>
      reply.code(405).header('allow', 'GET, POST').send(graphQLErrorBody('/graphql accepts GET and POST only', 'METHOD_NOT_ALLOWED')),
  });

  app.get('/metrics', async (_request, reply) =>
    reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await options.kube.getPath('/apis/image.openshift.io/v1', { auth: { kind: 'gateway' } });
      return { status: 'ok' };
    } catch (error) {
      // A refusal (401, 403) is still an answer: the API server is up, whatever the gateway may read.
      if (error instanceof KubeApiError && error.httpStatus < 500) return { status: 'ok' };
      return reply.code(503).send({ status: 'unavailable', reason: 'the API server does not answer discovery' });
    }
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `${options.tls ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  return {
    url,
    app,
    live: live.registry,
    async stop() {
      await live.close();
      await app.close();
      await apollo.stop();
      await shared?.connection.close();
    },
  };
}
