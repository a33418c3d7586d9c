import { GraphQLError } from 'graphql';
import { Arg, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Context, ImageStreamChange } from '../context';
import { errorCode } from '../errors';
import { namespaceProblem, streamNameProblem } from '../kube/object-names';
import { checkArgument } from './check-argument';
import { ImageStreamEvent } from './types';

interface ChangedArgs {
  namespace: string;
  name?: string | null;
  resourceVersion?: string | null;
}

/** What ended a subscription, delivered as its last event so every transport sends it as a GraphQL error. */
interface Ending {
  ending: unknown;
}

const RESOURCE_VERSION = /^[\x21-\x7e]{1,64}$/;

const notOverHttp = (): GraphQLError =>
  new GraphQLError('subscriptions are served over WebSocket (graphql-transport-ws) on /graphql and over Server-Sent Events on /graphql/stream, not over HTTP POST', {
    extensions: { code: errorCode('BAD_REQUEST') },
  });

/**
 * The changes, then (when they end with an error) that error as one last payload: a source that
 * throws is a protocol error on some transports (SSE drops the stream), a field that throws is a
 * GraphQL error on all of them. Not an async generator: a generator waiting for the next change
 * would hold a `return()` (the client unsubscribing) until that change came.
 */
function endingWithError(source: AsyncIterableIterator<ImageStreamChange>): AsyncIterableIterator<ImageStreamChange | Ending> {
  let ended = false;
  const iterator: AsyncIterableIterator<ImageStreamChange | Ending> = {
    async next() {
      if (ended) return { value: undefined, done: true };
      try {
        return await source.next();
      } catch (error) {
        ended = true;
        return { value: { ending: error }, done: false };
      }
    },
    async return() {
      ended = true;
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

function imageStreamChanges({ args, context }: SubscribeResolverData<unknown, ChangedArgs, Context>): AsyncIterable<ImageStreamChange | Ending> {
  checkArgument('namespace', args.namespace, namespaceProblem);
  if (args.name !== undefined && args.name !== null) checkArgument('name', args.name, streamNameProblem);
  if (args.resourceVersion !== undefined && args.resourceVersion !== null) {
    checkArgument('resourceVersion', args.resourceVersion, (value) => (RESOURCE_VERSION.test(value) ? undefined : 'must be 1-64 visible ASCII characters, as a query returned it'));
  }
  if (!context.live) throw notOverHttp();
  return endingWithError(
    context.live.imageStreamChanges({
      namespace: args.namespace,
      ...(args.name ? { name: args.name } : {}),
      ...(args.resourceVersion ? { resourceVersion: args.resourceVersion } : {}),
    }),
  );
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => ImageStreamEvent, {
    description:
      'Changes of one stream (name given) or of every stream of a namespace; from `resourceVersion` on when given (the value a query returned), else from now.',
    subscribe: imageStreamChanges,
  })
  imageStreamChanged(
    @Root() payload: ImageStreamChange | Ending | undefined,
    @Arg('namespace', () => String) _namespace: string,
    @Arg('name', () => String, { nullable: true }) _name: string | undefined,
    @Arg('resourceVersion', () => String, { nullable: true }) _resourceVersion: string | undefined,
  ): ImageStreamChange {
    // Apollo Server runs a subscription sent to POST /graphql as a query: no event, no source.
    if (payload === undefined) throw notOverHttp();
    if ('ending' in payload) throw payload.ending;
    return payload;
  }
}
