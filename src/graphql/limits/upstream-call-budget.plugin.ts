import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { estimateUpstreamCalls } from './upstream-call-estimate';

/**
 * Refuses, before any upstream call, an operation whose estimated upstream calls exceed `max`.
 * A plugin rather than a validation rule, because the estimate needs the variables (`first`).
 */
export function upstreamCallBudgetPlugin<C extends BaseContext>(max: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // No prototype: a fragment may be named `__proto__`.
          const fragments = Object.create(null) as Record<string, FragmentDefinitionNode>;
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const estimate = estimateUpstreamCalls(schema, operation, fragments, request.variables ?? {});
          if (estimate > max) {
            throw new GraphQLError(
              `Upstream call budget of ${max} exceeded: this operation could cause about ${estimate} Kubernetes API calls. Ask for fewer items (first) or fewer navigation fields per item.`,
              { extensions: { code: 'BAD_USER_INPUT', limit: 'MAX_UPSTREAM_CALLS', estimate, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
