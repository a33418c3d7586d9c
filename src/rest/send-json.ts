import type { FastifyReply } from 'fastify';
import type { UpstreamBody } from '../kube/kube-client';
import { goJson } from '../openshift/go-json';

export interface SendJsonOptions {
  /** Indent the body (`?pretty=true`). */
  pretty: boolean;
  /** Default `application/json`, exactly: the API server names no charset. */
  contentType?: string;
  /** Sets `Retry-After` (seconds). */
  retryAfterSeconds?: number;
}

/**
 * Sends `value` with the bytes and headers the API server would use. The body goes out as a
 * Buffer so that Fastify neither re-serialises it nor appends a charset to the content type.
 */
export function sendJson(reply: FastifyReply, httpStatus: number, value: unknown, options: SendJsonOptions): FastifyReply {
  return withApiServerHeaders(reply, httpStatus, options).send(Buffer.from(goJson(value, options.pretty)));
}

function withApiServerHeaders(reply: FastifyReply, httpStatus: number, options: SendJsonOptions): FastifyReply {
  // As the API server marks every answer: no shared cache may keep it, a private one must revalidate.
  reply.code(httpStatus).header('content-type', options.contentType ?? 'application/json').header('cache-control', 'no-cache, private');
  if (options.retryAfterSeconds !== undefined) reply.header('retry-after', String(options.retryAfterSeconds));
  return reply;
}

/**
 * Sends an upstream answer as it is: the bytes the API server sent (already Go's JSON, one
 * trailing newline), so a cached answer costs a buffer write, not a parse and a serialisation.
 * Pretty-printed on request, as the API server would print it.
 */
export function sendUpstreamBody(reply: FastifyReply, body: UpstreamBody, options: SendJsonOptions): FastifyReply {
  if (options.pretty) return sendJson(reply, 200, body.value, options);
  return withApiServerHeaders(reply, 200, options).send(Buffer.from(body.text));
}
