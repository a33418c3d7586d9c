import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { toGraphQLError } from '../errors';

// graphql-js's own wording of its token limit does not say which setting to change.
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens\. Parsing aborted\.$/;

/** Apollo's `formatError`: every error a client sees goes through the one vocabulary of errors.ts. */
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
