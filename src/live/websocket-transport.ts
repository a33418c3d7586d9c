// Subscriptions over WebSocket with the graphql-transport-ws protocol (graphql-ws) on /graphql,
// as Apollo Sandbox, Apollo Client's GraphQLWsLink and urql speak it. The caller's token comes
// from connectionParams.authorization or the upgrade's Authorization header; a connection without
// one is closed with 4401 unless the gateway lends credentials. Idle connections are pinged, and
// closed when the pong does not come.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, subscribe, type ExecutionArgs } from 'graphql';
import type { ServerOptions as GraphQLWsOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { callerAuth } from '../context';
import { MissingCredentialsError } from '../kube/errors';
import type { CallerAuth } from '../kube/kube-client';
import { createLiveContext } from './live-context';
import { originAllowed } from './origin-check';
import type { LiveTransportOptions } from './live-transport-options';

/** The close code for a connection without usable credentials (graphql-ws's convention for 401). */
export const UNAUTHORIZED_CLOSE = 4401;

export interface WebSocketTransport {
  /** Connections open now. */
  readonly connections: number;
  /** Closes every connection (1001 Going away) and stops accepting upgrades. */
  close(): Promise<void>;
}

type Extra = { socket: WebSocket; request: IncomingMessage };

/** A close reason is at most 123 bytes. */
const reason = (text: string): string => (Buffer.byteLength(text) <= 123 ? text : `${text.slice(0, 119)}…`);

function refuseUpgrade(socket: Duplex, status: string, message: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`);
}

export function attachWebSocketTransport(server: Server, options: LiveTransportOptions): WebSocketTransport {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const auths = new WeakMap<object, CallerAuth>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/graphql') {
      refuseUpgrade(socket, '404 Not Found', 'WebSocket subscriptions are served on /graphql');
      return;
    }
    if (!originAllowed(request.headers.origin, request.headers.host, options.corsOrigins)) {
      refuseUpgrade(socket, '403 Forbidden', `a page at ${JSON.stringify(request.headers.origin)} may not open a WebSocket to this gateway: its origin is not in CORS_ORIGINS`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);

  const wsOptions: GraphQLWsOptions<Record<string, unknown> | undefined, Extra> = {
    schema: options.schema,
    async onConnect(ctx) {
      const fromParams = ctx.connectionParams?.authorization;
      const header = typeof fromParams === 'string' ? fromParams : ctx.extra.request.headers.authorization;
      const auth = callerAuth(header, options.lendCredentials);
      let refusal = auth instanceof MissingCredentialsError ? auth.message : undefined;
      if (!refusal && !(auth instanceof MissingCredentialsError) && auth.kind === 'bearer' && options.reviewToken && !(await options.reviewToken(auth.token))) {
        refusal = 'the API server does not accept the bearer token (TokenReview)';
      }
      if (refusal || auth instanceof MissingCredentialsError) {
        ctx.extra.socket.close(UNAUTHORIZED_CLOSE, reason(`Unauthorized: ${refusal}`));
        return false;
      }
      auths.set(ctx, auth);
      return true;
    },
    onSubscribe(ctx, _id, payload) {
      const checked = options.check(payload);
      if (Array.isArray(checked)) return checked;
      const auth = auths.get(ctx);
      if (!auth) return [new GraphQLError('the connection is not initialised', { extensions: { code: 'UNAUTHENTICATED' } })];
      const args: ExecutionArgs = { schema: options.schema, ...checked, contextValue: createLiveContext(auth, options.contextOptions, options.registry) };
      return args;
    },
    onNext: (_ctx, _id, _payload, _args, result) => ({ ...result, ...(result.errors ? { errors: result.errors.map(options.formatError) } : {}) }) as never,
    onError: (_ctx, _id, _payload, errors) => errors.map(options.formatError),
  };
  const disposable = useServer({ ...wsOptions, subscribe, isProd: true }, wss, options.pingIntervalMs);

  return {
    get connections() {
      return wss.clients.size;
    },
    async close() {
      server.off('upgrade', onUpgrade);
      await disposable.dispose();
    },
  };
}
