// Subscriptions as real clients make them: graphql-ws's client over a `ws` WebSocket, and
// graphql-sse's client over fetch (distinct connections). Each collects what it receives.
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

export interface Received<T = Record<string, unknown>> {
  /** `data` of each result, in order. */
  readonly data: T[];
  /** The errors of each result that had any, in order. */
  readonly errors: Array<Array<{ message: string; extensions?: Record<string, unknown> }>>;
  /** A protocol-level error (a close code, an error message). */
  readonly failure: unknown;
  readonly completed: boolean;
  /** Unsubscribes (and closes the connection). */
  close(): Promise<void>;
}

interface Sink<T> {
  data: T[];
  errors: Received['errors'];
  failure: unknown;
  completed: boolean;
}

/** What one subscription receives, collected as it comes; `close` unsubscribes, then disposes of the client. */
function collect<T>(subscribe: (sink: ReturnType<typeof sinkFor<T>>) => () => void, dispose: () => unknown): Received<T> {
  const received: Sink<T> & Pick<Received<T>, 'close'> = {
    data: [],
    errors: [],
    failure: undefined,
    completed: false,
    async close() {
      unsubscribe();
      await dispose();
    },
  };
  const unsubscribe = subscribe(sinkFor(received));
  return received;
}

function sinkFor<T>(sink: Sink<T>) {
  return {
    next(result: { data?: unknown; errors?: readonly unknown[] }) {
      if (result.data) sink.data.push(result.data as T);
      if (result.errors) sink.errors.push(result.errors as Received['errors'][number]);
    },
    error(error: unknown) {
      sink.failure = error;
    },
    complete() {
      sink.completed = true;
    },
  };
}

export interface WsOptions {
  /** Sent as connectionParams.authorization. */
  token?: string;
  /** Sent as the upgrade's Authorization header. */
  headerToken?: string;
  origin?: string;
  /** Told the close event of the socket. */
  onClosed?: (code: number, reason: string) => void;
}

/** One subscription over its own WebSocket connection. */
export function subscribeWs<T = Record<string, unknown>>(baseUrl: string, query: string, variables: Record<string, unknown>, options: WsOptions = {}): Received<T> & { client: Client } {
  const headers: Record<string, string> = {};
  if (options.headerToken) headers.authorization = `Bearer ${options.headerToken}`;
  if (options.origin) headers.origin = options.origin;
  class Socket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createWsClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: Socket,
    retryAttempts: 0,
    lazy: true,
    ...(options.token ? { connectionParams: { authorization: `Bearer ${options.token}` } } : {}),
    on: { closed: (event) => options.onClosed?.((event as { code: number }).code, String((event as { reason: unknown }).reason)) },
  });
  // The same object, not a copy: `failure` and `completed` are set on it as they happen.
  return Object.assign(collect<T>((sink) => client.subscribe({ query, variables }, sink), () => client.dispose()), { client });
}

/** One subscription over its own SSE response. */
export function subscribeSse<T = Record<string, unknown>>(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string): Received<T> {
  const client = createSseClient({
    url: `${baseUrl}/graphql/stream`,
    singleConnection: false,
    retryAttempts: 0,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  return collect<T>((sink) => client.subscribe({ query, variables }, sink), () => client.dispose());
}
