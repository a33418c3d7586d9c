import type { FastifyInstance, FastifyRequest } from 'fastify';
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
 * upstream failed, `error` for a fault of the gateway, `debug` for a client that left, else `info`.
 */
export function registerRequestLog(app: FastifyInstance, logger: Logger): void {
  app.decorateRequest('report', null as unknown as RequestReport);
  app.addHook('onRequest', async (request) => {
    request.report = new RequestReport();
  });
  app.addHook('onResponse', async (request, reply) => {
    const report = request.report;
    const line = {
      reqId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      path: pathOf(request),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime),
      ...(report.operationName ? { operationName: report.operationName } : {}),
      ...(request.upstream ? { upstreamCalls: request.upstream.calls, upstreamBytes: request.upstream.bytes } : {}),
      ...(Object.keys(report.codes).length > 0 ? { errors: report.codes } : {}),
      ...(report.detail ? { failure: report.detail } : {}),
    };
    const level = report.level === 'none' ? 'info' : report.level;
    logger[level](line, 'request');
  });
}

function pathOf(request: FastifyRequest): string {
  const url = request.raw.url ?? '/';
  const query = url.indexOf('?');
  return query >= 0 ? url.slice(0, query) : url;
}
