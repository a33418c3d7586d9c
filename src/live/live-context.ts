import type { FastifyBaseLogger } from 'fastify';
import type { Context, ContextOptions, ImageStreamChange } from '../context';
import { createLoaders } from '../loaders/create-loaders';
import type { CallerAuth } from '../kube/kube-client';
import { createUpstreamSession, type UpstreamSession } from '../upstream/upstream-session';
import type { WatchRegistry } from './watch-registry';

/**
 * The context of one subscription. Its events are read one after another, each with a session
 * and loaders of its own, made just before the event is handed to execution: an event's
 * navigation fields read what is upstream now, never what an earlier event cached, and each
 * event has the bounds (calls, bytes, deadline) of one request.
 */
export function createLiveContext(auth: CallerAuth, options: ContextOptions, registry: WatchRegistry, log?: FastifyBaseLogger): Context {
  let session: UpstreamSession | undefined;
  const context: Context = { auth, ...scope(), ...(log ? { log } : {}) };

  function scope(): Pick<Context, 'session' | 'loaders' | 'signal' | 'budget'> {
    session?.end(false);
    session = createUpstreamSession(options.upstream, auth);
    const loaders = createLoaders(session, { listThreshold: options.listThreshold, ...(options.onLoaderBatch ? { onBatch: options.onLoaderBatch } : {}) });
    return { session, loaders, signal: session.signal, budget: session.budget };
  }

  context.live = {
    imageStreamChanges(request) {
      const changes = registry.subscribe(auth, request);
      const renewing: AsyncIterableIterator<ImageStreamChange> = {
        async next() {
          let result: IteratorResult<ImageStreamChange>;
          try {
            result = await changes.next();
          } catch (error) {
            session?.end(true);
            throw error;
          }
          if (result.done) session?.end(true);
          else Object.assign(context, scope());
          return result;
        },
        async return() {
          session?.end(true);
          return changes.return ? changes.return() : { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return renewing;
        },
      };
      return renewing;
    },
  };
  return context;
}
