import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { DockerImageMetadataResolver } from './docker-image-metadata.resolver';
import {
  ImageStreamImageResolver,
  ImageStreamResolver,
  ManifestResolver,
  NamedTagEventListResolver,
  TagEventResolver,
} from './navigation.resolver';
import { ImageIdResolver, ImageStreamIdResolver, ImageStreamImageIdResolver, ImageStreamTagIdResolver, NodeQueryResolver } from './node.resolver';
import { QueryResolver } from './query.resolver';
import { SubscriptionResolver } from './subscription.resolver';
import {
  ImageStreamImageViewResolver,
  ImageStreamStatusViewResolver,
  ImageStreamTagViewResolver,
  ImageStreamViewResolver,
  NamedTagEventListViewResolver,
  ImageViewResolver,
} from './stream-views.resolver';
import { IMAGE_GRAPH_TYPES } from './types';
import { ImageStreamImageViewerCanResolver, ImageStreamTagViewerCanResolver, ImageStreamViewerCanResolver } from './viewer-can.resolver';

/**
 * type-graphql asks for a PubSub whenever the schema has subscriptions; every subscription here
 * has a `subscribe` of its own (the caller's watch), so this one is never asked for anything.
 */
const NO_PUB_SUB: PubSub = {
  publish() {
    throw new Error('the gateway publishes no topics: subscriptions read their caller\'s watch');
  },
  subscribe() {
    throw new Error('the gateway has no topics: subscriptions read their caller\'s watch');
  },
};

/** The gateway's GraphQL schema, built from the type-graphql classes (emitted to schema/schema.graphql). */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      QueryResolver,
      SubscriptionResolver,
      NodeQueryResolver,
      TagEventResolver,
      ManifestResolver,
      NamedTagEventListResolver,
      ImageStreamResolver,
      ImageStreamImageResolver,
      DockerImageMetadataResolver,
      ImageStreamViewResolver,
      NamedTagEventListViewResolver,
      ImageStreamStatusViewResolver,
      ImageStreamImageViewResolver,
      ImageStreamTagViewResolver,
      ImageViewResolver,
      ImageStreamIdResolver,
      ImageStreamTagIdResolver,
      ImageStreamImageIdResolver,
      ImageIdResolver,
      ImageStreamViewerCanResolver,
      ImageStreamTagViewerCanResolver,
      ImageStreamImageViewerCanResolver,
    ],
    orphanedTypes: IMAGE_GRAPH_TYPES,
    // Arguments are checked by the resolvers themselves; class-validator is not used.
    validate: false,
    pubSub: NO_PUB_SUB,
  });
}
