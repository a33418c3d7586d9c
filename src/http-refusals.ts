import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCode, failureStatus, routeNotFoundAnswer, type ErrorCode } from './errors';
import type { Status } from './kube/types';
import { prettyPrint } from './rest/pretty-print';
import { sendStatus } from './rest/send-status';

export const graphQLErrorBody = (message: string, code: ErrorCode) => ({ errors: [{ message, extensions: { code } }] });

/** The Kubernetes paths answer in Status objects (as Kubernetes clients parse them); /graphql in GraphQL-shaped errors. */
const isKubernetesPath = (url: string) => /^\/(api|apis|openapi|version)(\/|\?|$)/.test(url);

/** A Status written as the REST routes write theirs: Go's JSON and the API server's headers. */
const sendStatusBody = (request: FastifyRequest, reply: FastifyReply, status: Status, retryAfterSeconds?: number) =>
  sendStatus(reply, { httpStatus: status.code, status, retryAfterSeconds }, prettyPrint(request));

/**
 * Requests Fastify refuses before a route runs (a body too large or not JSON, a bad header):
 * answered in the caller's vocabulary, with the 4xx Fastify chose and never a stack trace.
 */
export function answerRequestError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'request failed');
  const message =
    status === 500
      ? 'internal server error'
      : status === 413
        ? `the request body exceeds the limit of ${request.server.initialConfig.bodyLimit} bytes (MAX_BODY_BYTES)`
        : error.message;
  if (isKubernetesPath(request.url)) return sendStatusBody(request, reply, failureStatus(status, status === 500 ? 'InternalError' : 'BadRequest', message));
  const code = status === 500 ? errorCode('INTERNAL_SERVER_ERROR') : status === 413 ? errorCode('PAYLOAD_TOO_LARGE') : errorCode('BAD_REQUEST');
  return reply.code(status).send(graphQLErrorBody(message, code));
}

/**
 * Refuses a request before any route runs with the answer `error` classifies to: its Status on
 * the Kubernetes paths, its GraphQL error (and the Status's HTTP code) elsewhere.
 */
export function answerRefusal(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const classified = request.report.addClassified(error);
  const { httpStatus, status, retryAfterSeconds } = classified.answer;
  if (httpStatus === 401) reply.header('www-authenticate', 'Bearer');
  if (isKubernetesPath(request.url)) return sendStatusBody(request, reply, { ...status, code: httpStatus }, retryAfterSeconds);
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(httpStatus).send({ errors: [{ message: classified.message, extensions: { code: classified.code, ...classified.extensions } }] });
}

/**
 * A path no route serves: the router's Status under the Kubernetes paths, a GraphQL error on
 * /graphql, and a plain JSON error anywhere else (what a browser or a script reads most easily).
 */
export function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '/';
  if (isKubernetesPath(path)) return sendStatusBody(request, reply, routeNotFoundAnswer().status);
  const message = `no route ${request.method} ${path}; GraphQL is served at /graphql`;
  if (path === '/graphql' || path.startsWith('/graphql/')) return reply.code(404).send(graphQLErrorBody(message, 'NOT_FOUND'));
  return reply.code(404).send({ statusCode: 404, error: 'Not Found', message });
}
