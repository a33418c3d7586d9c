import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Span } from '@opentelemetry/api';
import { ATTR_GRAPHQL_OPERATION_NAME, ATTR_GRAPHQL_OPERATION_TYPE } from './span-attributes';

/** Longest operation name a span keeps: the name is the client's to choose. */
const OPERATION_NAME_LENGTH = 100;

/**
 * Names the request's server span after its GraphQL operation, as the semantic conventions for
 * GraphQL do: `query FirstLook`, or `query` for an anonymous one, with `graphql.operation.type`
 * and `graphql.operation.name`. A document that does not parse or validate leaves the span named
 * by its route. With HTTP batching, the first operation of the batch names it.
 */
export function graphqlSpanPlugin<TContext extends BaseContext & { span?: Span }>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const span = contextValue.span;
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation || !span.isRecording() || named.has(span)) return;
          named.add(span);
          const name = operationName?.slice(0, OPERATION_NAME_LENGTH);
          span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, operation.operation);
          if (name) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, name);
        },
      };
    },
  };
}

/** Spans already named by an operation of their batch. */
const named = new WeakSet<Span>();
