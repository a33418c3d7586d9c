import type { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { ContextOptions } from '../context';
import type { WatchRegistry } from './watch-registry';

/** What both subscription transports need from the composition root (../server). */
export interface LiveTransportOptions {
  schema: GraphQLSchema;
  registry: WatchRegistry;
  contextOptions: ContextOptions;
  lendCredentials: boolean;
  /** CORS_ORIGINS: besides the gateway's own, the browser origins that may subscribe. */
  corsOrigins: readonly string[];
  /** The query path's limits on a document, applied to a subscription's (../graphql/limits/check-subscription). */
  check(request: { query?: unknown; variables?: unknown; operationName?: unknown }): { document: DocumentNode; operationName?: string; variableValues?: Record<string, unknown> } | GraphQLError[];
  /** Every error a client sees goes through the one vocabulary. */
  formatError(error: GraphQLError): GraphQLFormattedError;
  /** TOKEN_REVIEW: whether the API server accepts a token; absent: not checked. */
  reviewToken?(token: string): Promise<boolean>;
  /** SUBSCRIPTION_PING_MS: how often an idle connection is pinged; one without a pong by the next ping is closed. */
  pingIntervalMs: number;
  /** Largest message a client may send (MAX_BODY_BYTES). */
  maxMessageBytes: number;
  /** Bytes an SSE response may have waiting to be sent before its client is dropped as too slow. */
  maxBufferedBytes: number;
}
