import { ApolloServer, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createContext, type Context, type ContextOptions } from './context';
import { failureStatus, toGraphQLError } from './errors';
import { InflightCalls } from './loaders/inflight-calls';
import { GatewayMetrics } from './metrics';
import { rootFieldsRule } from './graphql/limits/root-fields-rule';
import { upstreamCallBudgetPlugin } from './graphql/limits/upstream-call-budget.plugin';
import { buildGatewaySchema } from './graphql/build-gateway-schema';
import { registerRestRoutes } from './rest/register-rest-routes';
import { KubeApiError, MissingCredentialsError } from './kube/errors';
import type { KubeClient } from './kube/kube-client';

export interface ServerOptions {
  host: string;
  port: number;
  kube: KubeClient;
  lendCredentials: boolean;
  /** Upstream calls in flight at once per request. */
  concurrency: number;
  /** From this many streams of one namespace in one request, a LIST replaces GETs. */
  listThreshold: number;
  /** Serve Apollo Sandbox's landing page on GET /graphql from a browser. */
  landingPage?: boolean;
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
}

export interface Limits {
  maxQueryDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxBodyBytes: number;
  maxUpstreamCalls: number;
  /** Operations in one HTTP-batched request; 0 turns HTTP batching off. */
  batchMaxOperations: number;
}

/** The defaults of src/config.ts, for servers started without a configuration (tests). */
export const DEFAULT_LIMITS: Limits = {
  maxQueryDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 2000,
  maxBodyBytes: 1_048_576,
  maxUpstreamCalls: 500,
  batchMaxOperations: 0,
};

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** An AbortSignal that fires when the client goes away before its answer was sent. */
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('the client closed the connection'));
  });
  return controller.signal;
}

const graphQLErrorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** The Kubernetes paths answer in Status objects, everything else in GraphQL-shaped errors. */
const isKubernetesPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/apis');

/**
 * Requests Fastify refuses before a route runs (a body too large or not JSON, a bad header):
 * answered in the caller's vocabulary, with the 4xx Fastify chose and never a stack trace.
 */
function answerRequestError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'request failed');
  const message =
    status === 500
      ? 'internal server error'
      : status === 413
        ? `the request body exceeds the limit of ${request.server.initialConfig.bodyLimit} bytes (MAX_BODY_BYTES)`
        : error.message;
  if (isKubernetesPath(request.url)) {
    return reply.code(status).send(failureStatus(status, status === 500 ? 'InternalError' : 'BadRequest', message));
  }
  const code = status === 500 ? 'INTERNAL_SERVER_ERROR' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  return reply.code(status).send(graphQLErrorBody(message, code));
}

function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
  if (isKubernetesPath(request.url)) {
    return reply.code(404).send(failureStatus(404, 'NotFound', 'the server could not find the requested resource', {}));
  }
  return reply.code(404).send(graphQLErrorBody(`no route ${request.method} ${request.url.split('?')[0]}; GraphQL is served at /graphql`, 'NOT_FOUND'));
}

/**
 * A GraphQL request without usable credentials is answered 401 as a whole, before any resolver
 * runs: every field of this schema needs the caller's token upstream.
 */
function requireCredentials(context: Context): Context {
  if (context.auth instanceof MissingCredentialsError) {
    throw new GraphQLError(context.auth.message, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
    });
  }
  return context;
}

// graphql-js's own wording of its token limit does not say which setting to change.
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens\. Parsing aborted\.$/;

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const tokenLimit = TOKEN_LIMIT.exec(formatted.message);
  if (tokenLimit) {
    return { ...formatted, message: `Token limit of ${tokenLimit[1]} exceeded (MAX_TOKENS): the document has more tokens.` };
  }
  const original = unwrapResolverError(error);
  // Errors graphql-js or Apollo made themselves (syntax, validation, bad variables) are already safe.
  if (original === error && formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') {
    return formatted;
  }
  const safe = toGraphQLError(original);
  return {
    message: safe.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { ...safe.extensions },
  };
}

/** The composition root: Fastify, Apollo Server on /graphql, probes; returns a started server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
    // Object names can be long; the router's default of 100 characters would answer 414.
    routerOptions: { maxParamLength: 1024 },
    bodyLimit: limits.maxBodyBytes,
    // A URL Fastify cannot decode (`%zz`) is answered in the same vocabulary as every other refusal.
    frameworkErrors: (error, request, reply) => answerRequestError(error, request, reply),
  }) as unknown as FastifyInstance;
  const metrics = options.metrics ?? new GatewayMetrics();
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeHttp(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode);
  });
  app.setErrorHandler(answerRequestError);
  app.setNotFoundHandler(answerNotFound);
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    await app.register(fastifyCors, { origin: options.corsOrigins });
  }

  const contextOptions: ContextOptions = {
    kube: options.kube,
    lendCredentials: options.lendCredentials,
    concurrency: options.concurrency,
    listThreshold: options.listThreshold,
    inflight: new InflightCalls(),
    requestDeadlineMs: options.requestDeadlineMs,
  };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxQueryDepth },
    maxAliases: { n: limits.maxAliases },
    // Token counting is graphql-js's own parse option below: armor's plugin throws from a hook
    // where Apollo turns every parse failure into a 500.
    maxTokens: { enabled: false },
    // The upstream-call budget below is this gateway's cost model; armor's generic one is off.
    costLimit: { enabled: false },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: false },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema: options.schema ?? (await buildGatewaySchema()),
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: limits.batchMaxOperations > 0,
    parseOptions: { maxTokens: limits.maxTokens },
    formatError,
    validationRules: [...armor.validationRules, rootFieldsRule(limits.maxRootFields)],
    plugins: [
      ...armor.plugins,
      upstreamCallBudgetPlugin(limits.maxUpstreamCalls),
      fastifyApolloDrainPlugin(app),
      options.landingPage === false
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
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

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request: FastifyRequest, reply: FastifyReply) =>
      requireCredentials(createContext({ headers: request.headers, signal: clientGone(reply) }, contextOptions)),
  });

  await registerRestRoutes(app, { contextOptions });

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
    async stop() {
      await app.close();
      await apollo.stop();
    },
  };
}
