import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { RequestReport } from './request-report';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the request met, for its one log line; filled by the GraphQL plugin and the REST routes. */
    report: RequestReport;
    /** The upstream calls and bytes the request used, set once its context exists. */
    upstream?: { readonly calls: number; readonly bytes: number };
  }
}

/**
 * One log line per request, written when its response has gone: method, route, path (never the
 * query string, which may hold a token), status, duration, upstream calls and bytes, and the
 * codes of its errors counted. Its level is the most serious of what it met: `warn` when the
 * upstream failed, `error` for a fault of the gateway, else `info`; a client that left before its
 * answer gets its line at once, at `debug`, with what the request had done by then.
 */
export function registerRequestLog(app: FastifyInstance, logger: Logger): void {
  app.decorateRequest('report', null as unknown as RequestReport);
  app.addHook('onRequest', async (request, reply) => {
    request.report = new RequestReport();
    // Fastify runs no onResponse hook for a response the client did not wait for.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) write(request, undefined);
    });
  });
  app.addHook('onResponse', async (request, reply) => write(request, reply));

  /** The request's line; `reply` undefined: the client left before its answer. */
  function write(request: FastifyRequest, reply: FastifyReply | undefined): void {
    const report = request.report;
    const line = {
      reqId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      path: pathOf(request),
      ...(reply ? { status: reply.statusCode, durationMs: Math.round(reply.elapsedTime) } : { clientClosed: true }),
      ...(report.operationName ? { operationName: report.operationName } : {}),
      ...(request.upstream ? { upstreamCalls: request.upstream.calls, upstreamBytes: request.upstream.bytes } : {}),
      ...(Object.keys(report.codes).length > 0 ? { errors: report.codes } : {}),
      ...(report.detail ? { failure: report.detail } : {}),
    };
    // What a client that left caused is its own doing: the operator sees it at debug only.
    const level = reply === undefined ? 'debug' : report.level === 'none' ? 'info' : report.level;
    logger[level](line, 'request');
  }
}

function pathOf(request: FastifyRequest): string {
  const url = request.raw.url ?? '/';
  const query = url.indexOf('?');
  return query >= 0 ? url.slice(0, query) : url;
}
