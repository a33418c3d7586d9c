import { SpanStatusCode, type Span } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ATTR_CLIENT_CLOSED, ATTR_ERROR_CODES } from './span-attributes';
import type { Tracing } from './tracing';

/** What a request met, as the server knows it once the response has gone. */
export interface RequestOutcome {
  /** Client-facing error codes, each with how often it was met. */
  codes: Readonly<Partial<Record<string, number>>>;
}

/**
 * One SERVER span per HTTP request, made as it arrives (continuing the caller's `traceparent`)
 * and ended when its response has been sent or its client has left. It is named by the method
 * and the route pattern (`GET /apis/image.openshift.io/v1/namespaces/:namespace/imagestreamimages/:name`),
 * by the method alone when no route matched; a GraphQL operation renames it (./graphql-span.plugin).
 * The path goes in `url.path`, the query string nowhere: it may hold a token.
 */
export function registerTracing(app: FastifyInstance, tracing: Tracing, outcomeOf: (request: FastifyRequest) => RequestOutcome | undefined): void {
  app.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url;
    const url = request.raw.url ?? '/';
    const query = url.indexOf('?');
    tracing.startServerSpan(reply.raw, route ? `${request.method} ${route}` : request.method, request.headers, {
      [ATTR_HTTP_REQUEST_METHOD]: request.method,
      [ATTR_URL_PATH]: query >= 0 ? url.slice(0, query) : url,
      [ATTR_URL_SCHEME]: request.protocol,
      ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
    });
    // Fastify runs no onResponse hook for a response the client did not wait for.
    reply.raw.once('close', () => {
      const span = reply.raw.writableFinished ? undefined : tracing.takeServerSpan(reply.raw);
      if (span) end(span, request, undefined);
    });
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const span = tracing.takeServerSpan(reply.raw);
    if (span) end(span, request, reply.statusCode);
    done();
  });

  /** `statusCode` undefined: the client left before its answer. */
  function end(span: Span, request: FastifyRequest, statusCode: number | undefined): void {
    const codes = Object.keys(outcomeOf(request)?.codes ?? {});
    if (codes.length > 0) span.setAttribute(ATTR_ERROR_CODES, codes);
    if (statusCode === undefined) {
      span.setAttribute(ATTR_CLIENT_CLOSED, true);
    } else {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
      // A server span is in error for the server's failures only: a 4xx is the client's.
      if (statusCode >= 500) {
        span.setAttribute(ATTR_ERROR_TYPE, String(statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
    }
    span.end();
  }
}
