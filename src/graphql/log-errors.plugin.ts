import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { KubeApiError, MissingCredentialsError } from '../kube/errors';

/**
 * Logs, with their full detail, the errors a client only sees in general terms: an upstream that
 * could not be reached or answered 5xx, and anything unexpected. A client's own mistakes (bad
 * input, refused credentials, 4xx from the API server) are not the operator's business.
 */
export function logErrorsPlugin<C extends BaseContext>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof MissingCredentialsError) continue;
            if (original instanceof KubeApiError && original.httpStatus < 500) continue;
            if (original instanceof GraphQLError && original === error && !original.originalError) continue;
            logger.warn({ err: original, path: error.path, operationName }, 'a GraphQL field failed');
          }
        },
      };
    },
  };
}
