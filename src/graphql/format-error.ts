import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { classifyError, ERROR_CODES, errorCode } from '../errors';

// graphql-js's own wording of its token limit does not say which setting to change.
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens\. Parsing aborted\.$/;

/** Apollo's `formatError`: every error a client sees goes through the one vocabulary of errors.ts. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const tokenLimit = TOKEN_LIMIT.exec(formatted.message);
  if (tokenLimit) {
    return { ...formatted, message: `Token limit of ${tokenLimit[1]} exceeded (MAX_TOKENS): the document has more tokens.` };
  }
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  // Errors graphql-js or Apollo made themselves (syntax, validation, bad variables) are already safe.
  if (original === error && typeof code === 'string' && code in ERROR_CODES && code !== 'INTERNAL_SERVER_ERROR') {
    return formatted;
  }
  // Apollo's refusals of a request before execution that it gives no code (an APQ hash that does
  // not match its query): a 400 about the request, not a fault of the gateway.
  if (original instanceof GraphQLError && !original.originalError && !formatted.path && httpStatusOf(original) === 400) {
    return { ...formatted, extensions: { ...formatted.extensions, code: errorCode('BAD_REQUEST') } };
  }
  // A plain object, not a GraphQLError: no stack is captured for each of a thousand failed fields.
  const safe = classifyError(original instanceof GraphQLError && !original.path && original.originalError ? original.originalError : original);
  return {
    message: safe.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: safe.code, ...safe.extensions },
  };
}

function httpStatusOf(error: GraphQLError): number | undefined {
  const http = error.extensions.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}
