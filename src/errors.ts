import { GraphQLError } from 'graphql';
import {
  InvalidNameError,
  KubeApiError,
  MissingCredentialsError,
  UpstreamLimitError,
  UpstreamUnavailableError,
  type UpstreamLimit,
} from './kube/errors';
import type { Status } from './kube/types';
import { badRequestStatus, failureStatus, methodNotAllowedStatus, routeNotFoundStatus, unauthorizedStatus } from './openshift/status';

export { failureStatus };

/**
 * The one client-facing error vocabulary: every `extensions.code` the gateway sends (its own and
 * the ones Apollo Server makes), each with what it means. The README's error table is checked
 * against this object.
 */
export const ERROR_CODES = {
  BAD_REQUEST: 'the HTTP request itself is malformed: a body that is not JSON, a bad header, two Authorization headers, an APQ hash that does not match its query',
  PAYLOAD_TOO_LARGE: 'the request body exceeds MAX_BODY_BYTES (HTTP 413)',
  METHOD_NOT_ALLOWED: 'a method the path does not serve (HTTP 405)',
  GRAPHQL_PARSE_FAILED: 'the document is not GraphQL, or has more than MAX_TOKENS tokens',
  GRAPHQL_VALIDATION_FAILED: 'the document does not fit the schema, or expands to more than MAX_SELECTIONS selections',
  OPERATION_RESOLUTION_FAILURE: 'operationName names no operation of the document',
  PERSISTED_QUERY_NOT_FOUND: 'an automatic persisted query hash the gateway does not know yet: send the query with it',
  PERSISTED_QUERY_NOT_SUPPORTED: 'persisted queries are switched off',
  BAD_USER_INPUT: 'a malformed argument (named in `extensions.argument`), a bad or expired cursor, or a limit checked before any call (named in `extensions.limit`)',
  UNAUTHENTICATED: 'no usable bearer token (the whole request is answered HTTP 401), or the API server refused the token',
  FORBIDDEN: 'the API server says the caller may not read it',
  NOT_FOUND: 'no such stream, no image in the stream matching the digest, the image object was pruned, or no such route',
  CONFLICT: 'the API server answered 409',
  UPSTREAM_CALL_LIMIT_EXCEEDED: 'the request has made MAX_UPSTREAM_CALLS upstream calls; this field would have made another (`extensions.limit`, `max`, `count`)',
  UPSTREAM_BYTES_LIMIT_EXCEEDED: 'the request has read MAX_REQUEST_UPSTREAM_BYTES of upstream answers; this field needed more',
  UPSTREAM_BODY_TOO_LARGE: 'one API server answer was larger than MAX_UPSTREAM_BODY_BYTES',
  UPSTREAM_UNAVAILABLE: 'the API server could not be reached, timed out, is overloaded (429/503), sent an answer that cannot be used, or the gateway is at its process-wide bound of upstream work; try again',
  UPSTREAM_ERROR: 'the API server failed in another way',
  SUBSCRIPTION_LIMIT_EXCEEDED: 'a subscription past MAX_SUBSCRIPTIONS_PER_CALLER open subscriptions of one caller, or MAX_SUBSCRIPTIONS of the whole process (`extensions.limit`, `max`)',
  SLOW_CONSUMER: 'a subscription whose client did not take its events as fast as they came (more than MAX_PENDING_EVENTS waiting) was ended; subscribe again from the last resourceVersion received',
  INTERNAL_SERVER_ERROR: 'a fault of the gateway itself (logged with detail; the client sees a fixed message)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** `code`, checked against the vocabulary where it is written. */
export const errorCode = <C extends ErrorCode>(code: C): C => code;

/**
 * What a client is told when the upstream failed to answer: the adapter's own message names the
 * API server's address and the upstream path, which are the operator's business, not the caller's.
 */
const UNAVAILABLE_MESSAGES: Record<UpstreamUnavailableError['reason'], string> = {
  timeout: 'the Kubernetes API server did not answer in time; try again later',
  unreachable: 'the Kubernetes API server cannot be reached; try again later',
  aborted: 'the request was cancelled before the Kubernetes API server answered',
  protocol: 'the Kubernetes API server sent an answer the gateway cannot read',
  overloaded: 'the gateway is at its limit of upstream work in progress; try again later',
};

const LIMIT_CODES: Record<UpstreamLimit, ErrorCode> = {
  MAX_UPSTREAM_CALLS: 'UPSTREAM_CALL_LIMIT_EXCEEDED',
  MAX_REQUEST_UPSTREAM_BYTES: 'UPSTREAM_BYTES_LIMIT_EXCEEDED',
  MAX_UPSTREAM_BODY_BYTES: 'UPSTREAM_BODY_TOO_LARGE',
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
    super(message, { extensions: { code: errorCode('BAD_USER_INPUT'), ...(argument ? { argument } : {}) } });
  }
}

/**
 * How the operator's log treats an error: `none` for the client's own mistakes and answers the
 * API server gave (the client has them), `debug` for work cancelled because the client left,
 * `warn` for an upstream that failed, `error` for a fault of the gateway.
 */
export type LogLevelOfError = 'none' | 'debug' | 'warn' | 'error';

export interface StatusAnswer {
  httpStatus: number;
  status: Status;
  retryAfterSeconds?: number;
}

/** One error as every surface sees it: GraphQL's extensions, REST's Status, the log's level. */
export interface ClassifiedError {
  code: ErrorCode;
  /** Safe for a client: no address, no token, no stack. */
  message: string;
  /** `extensions` beyond `code` (kubernetes Status fields, reason, argument, limit …). */
  extensions: Record<string, unknown>;
  answer: StatusAnswer;
  log: LogLevelOfError;
}

const answerOf = (httpStatus: number, reason: string, message: string): StatusAnswer => ({
  httpStatus,
  status: failureStatus(httpStatus, reason, message),
});

/** The one classification of errors, read by the GraphQL formatter, the REST routes and the logs. */
export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof KubeApiError) {
    const { reason, code, details } = error.status;
    const message = error.status.message ?? `the API server answered HTTP ${error.httpStatus}`;
    return {
      code: codeForHttpStatus(error.httpStatus),
      message,
      extensions: { kubernetes: { reason: reason ?? null, code: code ?? error.httpStatus, details: details ?? null } },
      // The upstream's own Status passes through unchanged: clients written for OpenShift parse it.
      answer: { httpStatus: error.httpStatus, status: error.status, retryAfterSeconds: error.retryAfterSeconds },
      log: error.httpStatus >= 500 ? 'warn' : 'none',
    };
  }
  if (error instanceof MissingCredentialsError) {
    return { code: 'UNAUTHENTICATED', message: error.message, extensions: {}, answer: { httpStatus: 401, status: unauthorizedStatus() }, log: 'none' };
  }
  if (error instanceof UpstreamUnavailableError) {
    const timedOut = error.reason === 'timeout';
    const httpStatus = timedOut ? 504 : 503;
    const message = UNAVAILABLE_MESSAGES[error.reason];
    const details = { retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS };
    return {
      code: 'UPSTREAM_UNAVAILABLE',
      message,
      extensions: { reason: error.reason },
      answer: {
        httpStatus,
        status: failureStatus(httpStatus, timedOut ? 'Timeout' : 'ServiceUnavailable', message, details),
        retryAfterSeconds: UPSTREAM_RETRY_AFTER_SECONDS,
      },
      log: error.reason === 'aborted' ? 'debug' : 'warn',
    };
  }
  if (error instanceof UpstreamLimitError) {
    const tooLarge = error.limit === 'MAX_UPSTREAM_BODY_BYTES';
    return {
      code: LIMIT_CODES[error.limit],
      message: error.message,
      extensions: { limit: error.limit, max: error.max, count: error.count },
      // An answer too large is the upstream's doing (502); a request's own budget is the client's.
      answer: tooLarge ? answerOf(502, 'InternalError', error.message) : answerOf(429, 'TooManyRequests', error.message),
      log: tooLarge ? 'warn' : 'none',
    };
  }
  if (error instanceof InvalidNameError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { argument: error.field }, answer: answerOf(400, 'BadRequest', error.message), log: 'none' };
  }
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code in ERROR_CODES) {
    const { code, http: _http, ...extensions } = error.extensions as Record<string, unknown> & { code: ErrorCode };
    return { code, message: error.message, extensions, answer: answerOf(400, 'BadRequest', error.message), log: 'none' };
  }
  return {
    code: 'INTERNAL_SERVER_ERROR',
    message: 'internal server error',
    extensions: {},
    answer: answerOf(500, 'InternalError', 'an internal error occurred'),
    log: 'error',
  };
}

/** Turns any error a resolver threw into the GraphQL error a client may see. */
export function toGraphQLError(error: unknown): GraphQLError {
  const classified = classifyError(error);
  return new GraphQLError(classified.message, { extensions: { code: classified.code, ...classified.extensions } });
}

/** Turns any error into the Kubernetes `Status` answer of the REST routes. */
export function toStatusAnswer(error: unknown): StatusAnswer {
  return classifyError(error).answer;
}

/** A request the API server refuses as malformed: 400 BadRequest, no details (behaviour §6.1). */
export function badRequestAnswer(message: string): StatusAnswer {
  return { httpStatus: 400, status: badRequestStatus(message) };
}

/** The generic router's answer for a path no route serves; `details` is empty (behaviour §6.6). */
export function routeNotFoundAnswer(): StatusAnswer {
  return { httpStatus: 404, status: routeNotFoundStatus() };
}

/** The generic router's answer for a served path and an unserved method (behaviour §6.6). */
export function methodNotAllowedAnswer(): StatusAnswer {
  return { httpStatus: 405, status: methodNotAllowedStatus() };
}
