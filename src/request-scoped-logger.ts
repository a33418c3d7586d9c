import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/** The logger shape Apollo Server takes (`@apollo/utils.logger`). */
export interface ScopedLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/**
 * A logger for libraries that take one logger for the whole server (Apollo Server): a line it
 * writes while a request is being handled goes through that request's logger, so it carries the
 * request id; any other line goes through `root`. Apollo logs a few things per request (a
 * persisted-query store that failed, an unexpected error), and those must meet their request.
 */
export function registerRequestScope(app: FastifyInstance, root: FastifyBaseLogger): ScopedLogger {
  const current = new AsyncLocalStorage<FastifyBaseLogger>();
  // preHandler, not onRequest: the body is read in between, on events that do not carry the
  // asynchronous context of the hooks before them.
  app.addHook('preHandler', (request, _reply, done) => current.run(request.log, done));
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (message?: unknown) => {
    (current.getStore() ?? root)[level](message as string);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
