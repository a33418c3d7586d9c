import { GraphQLError } from 'graphql';
import { InvalidNameError, KubeApiError, MissingCredentialsError, UpstreamUnavailableError } from './kube/errors';
import type { Status } from './kube/types';

/**
 * The one client-facing error vocabulary: a GraphQL `extensions.code`, an HTTP status and a
 * Kubernetes `Status` for every failure a client can see. Nothing else reaches a client: an error
 * this module does not know becomes INTERNAL_SERVER_ERROR with a fixed message.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_ERROR'
  | 'INTERNAL_SERVER_ERROR';

/**
 * What a client is told when the upstream failed to answer: the adapter's own message names the
 * API server's address and the upstream path, which are the operator's business, not the caller's.
 */
const UNAVAILABLE_MESSAGES: Record<UpstreamUnavailableError['reason'], string> = {
  timeout: 'the Kubernetes API server did not answer in time; try again later',
  unreachable: 'the Kubernetes API server cannot be reached; try again later',
  aborted: 'the request was cancelled before the Kubernetes API server answered',
  protocol: 'the Kubernetes API server sent an answer the gateway cannot read',
};

/** Seconds a client is told to wait before retrying when the upstream is unavailable. */
export const UPSTREAM_RETRY_AFTER_SECONDS = 1;

export function codeForHttpStatus(httpStatus: number): ErrorCode {
  if (httpStatus === 401) return 'UNAUTHENTICATED';
  if (httpStatus === 403) return 'FORBIDDEN';
  if (httpStatus === 404) return 'NOT_FOUND';
  if (httpStatus === 409) return 'CONFLICT';
  // 410 is an expired `continue` token; the other 4xx are requests the upstream refused.
  if (httpStatus >= 400 && httpStatus < 500 && httpStatus !== 429) return 'BAD_USER_INPUT';
  if (httpStatus === 429 || httpStatus === 503 || httpStatus === 504) return 'UPSTREAM_UNAVAILABLE';
  return 'UPSTREAM_ERROR';
}

/** A client error the gateway itself detects (bad cursor, out-of-range argument). */
export class UserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, ...(argument ? { argument } : {}) } });
  }
}

/** Turns any error a resolver threw into the GraphQL error a client may see. */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof KubeApiError) {
    const { reason, code, details } = error.status;
    return new GraphQLError(error.status.message ?? `the API server answered HTTP ${error.httpStatus}`, {
      extensions: {
        code: codeForHttpStatus(error.httpStatus),
        kubernetes: { reason: reason ?? null, code: code ?? error.httpStatus, details: details ?? null },
      },
    });
  }
  if (error instanceof MissingCredentialsError) {
    return new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' satisfies ErrorCode } });
  }
  if (error instanceof UpstreamUnavailableError) {
    return new GraphQLError(UNAVAILABLE_MESSAGES[error.reason], {
      extensions: { code: 'UPSTREAM_UNAVAILABLE' satisfies ErrorCode, reason: error.reason },
    });
  }
  if (error instanceof InvalidNameError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, argument: error.field },
    });
  }
  if (error instanceof GraphQLError) return error;
  return new GraphQLError('internal server error', {
    extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
  });
}

export interface StatusAnswer {
  httpStatus: number;
  status: Status;
  retryAfterSeconds?: number;
}

export function failureStatus(code: number, reason: string | undefined, message: string, details?: Status['details']): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
    code,
  };
}

/** Turns any error into the Kubernetes `Status` answer of the REST routes. */
export function toStatusAnswer(error: unknown): StatusAnswer {
  if (error instanceof KubeApiError) {
    // The upstream's own Status passes through unchanged: clients written for OpenShift parse it.
    return { httpStatus: error.httpStatus, status: error.status, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof MissingCredentialsError) {
    return { httpStatus: 401, status: failureStatus(401, 'Unauthorized', 'Unauthorized') };
  }
  if (error instanceof UpstreamUnavailableError) {
    const timedOut = error.reason === 'timeout';
    const code = timedOut ? 504 : 503;
    const details = { retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS };
    return {
      httpStatus: code,
      status: failureStatus(code, timedOut ? 'Timeout' : 'ServiceUnavailable', UNAVAILABLE_MESSAGES[error.reason], details),
      retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
    };
  }
  if (error instanceof InvalidNameError) return badRequestAnswer(error.message);
  return { httpStatus: 500, status: failureStatus(500, 'InternalError', 'an internal error occurred') };
}

/** A request the API server refuses as malformed: 400 BadRequest, no details (spec §6.1). */
export function badRequestAnswer(message: string): StatusAnswer {
  return { httpStatus: 400, status: failureStatus(400, 'BadRequest', message) };
}

/** The generic router's answer for a path no route serves; `details` is empty (spec §6.6). */
export function routeNotFoundAnswer(): StatusAnswer {
  return { httpStatus: 404, status: failureStatus(404, 'NotFound', 'the server could not find the requested resource', {}) };
}

/** The generic router's answer for a served path and an unserved method (spec §6.6). */
export function methodNotAllowedAnswer(): StatusAnswer {
  return {
    httpStatus: 405,
    status: failureStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {}),
  };
}
