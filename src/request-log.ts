import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from './request-id';
import { RequestReport } from './request-report';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the request met, for its one log line; filled by the GraphQL plugin, the REST routes and the context. */
    report: RequestReport;
  }
}

/**
 * One log line per request, written when its response has gone, through the request's own
 * logger (so it carries `reqId`, like every other line logged for the request): method, route,
 * path (never the query string, which may hold a token), status, duration, the upstream calls
 * the request sent, the reads the cache answered, the answer bytes read, and the codes of its
 * errors counted. Its level is the most serious of what it met: `warn` when the upstream
 * failed, `error` for a fault of the gateway, else `info`; a client that left before its answer
 * gets its line at once, at `debug`, with what the request had done by then.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.decorateRequest('report', null as unknown as RequestReport);
  app.addHook('onRequest', async (request, reply) => beginRequestLog(request, reply));
}

/**
 * Starts a request's report, returns its id on the response, and writes its line when the
 * response is done. Called by the `onRequest` hook, and by the handler of the requests Fastify
 * refuses before any hook runs (a URL it cannot decode).
 */
export function beginRequestLog(request: FastifyRequest, reply: FastifyReply): void {
  request.report = new RequestReport();
  reply.header(REQUEST_ID_HEADER, request.id);
  // `close` comes after `finish` for a response sent whole, and alone for one the client left;
  // Fastify runs no onResponse hook for the latter, nor for requests refused before its hooks.
  reply.raw.once('close', () => write(request, reply.raw.writableFinished ? reply : undefined));
}

/** The request's line; `reply` undefined: the client left before its answer. */
function write(request: FastifyRequest, reply: FastifyReply | undefined): void {
  const report = request.report;
  const upstream = report.upstream;
  const line = {
    method: request.method,
    route: request.routeOptions.url ?? 'unmatched',
    path: pathOf(request),
    ...(reply ? { status: reply.statusCode, durationMs: Math.round(reply.elapsedTime) } : { clientClosed: true }),
    ...(report.operationName ? { operationName: report.operationName } : {}),
    ...(upstream ? { upstreamCalls: upstream.stats.upstreamCalls, cacheHits: upstream.stats.cacheHits, upstreamBytes: upstream.budget.bytes } : {}),
    ...(Object.keys(report.codes).length > 0 ? { errors: report.codes } : {}),
    ...(report.detail ? { failure: report.detail } : {}),
  };
  // What a client that left caused is its own doing: the operator sees it at debug only.
  const level = reply === undefined ? 'debug' : report.level === 'none' ? 'info' : report.level;
  request.log[level](line, 'request');
}

function pathOf(request: FastifyRequest): string {
  const url = request.raw.url ?? '/';
  const query = url.indexOf('?');
  return query >= 0 ? url.slice(0, query) : url;
}
