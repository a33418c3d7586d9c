import type { FastifyInstance } from 'fastify';
import type { ContextOptions } from '../context';
import { registerDiscovery } from './discovery';
import { registerImageStreamImageRoute } from './image-stream-image.route';
import { registerPassThrough } from './pass-through';

export interface RestRoutesOptions {
  /** The same object the GraphQL context is made with: one caller model for both surfaces. */
  contextOptions: ContextOptions;
  /** The clock of Table ages; default Date.now. */
  now?: () => number;
}

/**
 * The Kubernetes-compatible surface: discovery documents and the imagestreamimages GET route.
 * Registered as an encapsulated plugin so that its body handling (none: bodies are never read,
 * as the read-only API server answers 405 without parsing them) does not leak into /graphql.
 */
export async function registerRestRoutes(app: FastifyInstance, options: RestRoutesOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    registerDiscovery(scope);
    registerImageStreamImageRoute(scope, options);
    registerPassThrough(scope, options.contextOptions);
  });
}
