import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createContext, type Context, type ContextOptions } from './context';
import { toGraphQLError } from './errors';
import { InflightCalls } from './loaders/inflight-calls';
import { buildGatewaySchema } from './graphql/build-gateway-schema';
import { KubeApiError } from './kube/errors';
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
}

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

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
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
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
    // Object names can be long; the router's default of 100 characters would answer 414.
    maxParamLength: 1024,
  }) as unknown as FastifyInstance;

  const contextOptions: ContextOptions = {
    kube: options.kube,
    lendCredentials: options.lendCredentials,
    concurrency: options.concurrency,
    listThreshold: options.listThreshold,
    inflight: new InflightCalls(),
  };

  const apollo = new ApolloServer<Context>({
    schema: options.schema ?? (await buildGatewaySchema()),
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      fastifyApolloDrainPlugin(app),
      options.landingPage === false
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });
  await apollo.start();

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request: FastifyRequest, reply: FastifyReply) =>
      createContext({ headers: request.headers, signal: clientGone(reply) }, contextOptions),
  });

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
