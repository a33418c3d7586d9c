// Subscriptions over Server-Sent Events (GraphQL over SSE, graphql-sse's distinct connections
// mode) on /graphql/stream: one subscription per response, the token in the Authorization header.
// The library keeps what it has not yet written in memory of its own; this route writes it on as
// it comes and drops a client whose unsent bytes pass the bound, after telling it why.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { createHandler } from 'graphql-sse';
import type { ServerResponse } from 'node:http';
import { callerAuth } from '../context';
import { errorCode } from '../errors';
import { MissingCredentialsError } from '../kube/errors';
import type { CallerAuth } from '../kube/kube-client';
import { createLiveContext } from './live-context';
import type { LiveTransportOptions } from './live-transport-options';

export interface SseTransport {
  /** Streams open now. */
  readonly streams: number;
  /** Ends every open stream. */
  close(): Promise<void>;
}

interface RequestContext {
  auth: CallerAuth;
  request: FastifyRequest;
}

const sseEvent = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export function registerSseTransport(app: FastifyInstance, options: LiveTransportOptions): SseTransport {
  const open = new Set<() => void>();
  const handler = createHandler<unknown, RequestContext>({
    schema: options.schema,
    onSubscribe(req, params) {
      const checked = options.check(params);
      // `data: null` makes it a result the library sends (as one event), not execution arguments.
      if (Array.isArray(checked)) return { data: null, errors: checked.map(options.formatError) } as never;
      const { auth, request } = req.context;
      const args: ExecutionArgs = { schema: options.schema, ...checked, contextValue: createLiveContext(auth, options.contextOptions, options.registry, request.log) };
      return args as never;
    },
    onNext: (_ctx, _req, result) => ({ ...result, ...(result.errors ? { errors: result.errors.map((error) => options.formatError(error as GraphQLError)) } : {}) }) as never,
  });

  async function serve(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // A subscription of this route's single connection mode (a PUT reserving a stream) is not served.
    if (request.headers['x-graphql-event-stream-token'] !== undefined) {
      await reply.code(400).send({ errors: [{ message: 'this gateway serves GraphQL over SSE in distinct connections mode only: send no X-GraphQL-Event-Stream-Token', extensions: { code: errorCode('BAD_REQUEST') } }] });
      return;
    }
    const auth = callerAuth(request.headers.authorization, options.lendCredentials);
    if (auth instanceof MissingCredentialsError) {
      await reply.code(401).header('www-authenticate', 'Bearer').send({ errors: [{ message: auth.message, extensions: { code: errorCode('UNAUTHENTICATED') } }] });
      return;
    }
    const [body, init] = await handler({
      method: request.method,
      url: request.url,
      headers: {
        get: (key: string) => {
          const value = request.headers[key.toLowerCase()];
          return Array.isArray(value) ? value.join('\n') : (value ?? null);
        },
      },
      body: request.method === 'GET' ? null : ((request.body as Record<string, unknown> | string | undefined) ?? null),
      raw: request.raw,
      context: { auth, request },
    });
    reply.hijack();
    const res: ServerResponse = reply.raw;
    res.writeHead(init.status, init.statusText, { ...init.headers, 'x-request-id': request.id, 'cache-control': 'no-cache, private' });
    if (!body || typeof body === 'string') {
      res.end(body ?? undefined);
      return;
    }
    const end = (): void => void body.return(undefined);
    open.add(end);
    res.once('close', end);
    try {
      for await (const chunk of body) {
        if (res.writableEnded || res.destroyed) break;
        if (res.writableLength > options.maxBufferedBytes) {
          res.write(
            sseEvent('next', {
              errors: [
                {
                  message: `the subscription was ended: more than ${options.maxBufferedBytes} bytes waited to be sent to this client; subscribe again from the resourceVersion of the last event received`,
                  extensions: { code: errorCode('SLOW_CONSUMER'), max: options.maxBufferedBytes },
                },
              ],
            }),
          );
          res.write(sseEvent('complete', ''));
          break;
        }
        res.write(chunk);
      }
    } finally {
      open.delete(end);
      res.off('close', end);
      await body.return(undefined);
      res.end();
    }
  }

  app.route({ method: ['GET', 'POST'], url: '/graphql/stream', handler: serve });
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: '/graphql/stream',
    handler: async (_request, reply) =>
      reply.code(405).header('allow', 'GET, POST').send({ errors: [{ message: '/graphql/stream accepts GET and POST (distinct connections mode) only', extensions: { code: errorCode('METHOD_NOT_ALLOWED') } }] }),
  });

  return {
    get streams() {
      return open.size;
    },
    async close() {
      for (const end of [...open]) end();
    },
  };
}
