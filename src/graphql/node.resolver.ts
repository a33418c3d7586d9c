import { Arg, Ctx, Extensions, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { UserInputError } from '../errors';
import { splitImageStreamImageName } from '../kube/object-names';
import type * as kube from '../kube/types';
import type { UpstreamCost } from './limits/upstream-cost';
import { encodeNodeId, type NodeKey } from './node-id';
import { loadNode } from './node-lookup';
import { Image, ImageStream, ImageStreamImage, ImageStreamTag } from './types';
import { Node, NODE_ID_DESCRIPTION } from './types/node.type';

/**
 * Most ids one `nodes` may ask for: more than a page of a UI shows; the estimate counts each
 * against MAX_UPSTREAM_CALLS as well.
 */
export const MAX_NODE_IDS = 100;

/** The key of a namespaced object, from the metadata the API server sent with it. */
function namespacedKey(type: 'ImageStream' | 'ImageStreamTag', metadata: kube.ObjectMeta): NodeKey {
  if (!metadata.namespace || !metadata.name) throw new Error(`the API server sent a ${type} without metadata.namespace and metadata.name`);
  return { type, namespace: metadata.namespace, name: metadata.name };
}

@Resolver()
export class NodeQueryResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'The object a global id names (an `id` of ImageStream, ImageStreamTag, ImageStreamImage or Image), read again with the caller\'s token. A malformed id is BAD_USER_INPUT; an object the caller may not read is the API server\'s answer (FORBIDDEN, NOT_FOUND).',
  })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object> {
    return loadNode(id, 'id', ctx);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The objects of up to ${MAX_NODE_IDS} global ids, in their order, loaded together as the same fields would be (batched, each distinct object read once); an id that fails is null with its error at its index.`,
  })
  @Extensions({ upstreamCalls: 1, countedBy: 'ids' } satisfies UpstreamCost)
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Array<Promise<object>> {
    if (ids.length > MAX_NODE_IDS) throw new UserInputError(`ids must hold at most ${MAX_NODE_IDS} ids, got ${ids.length}`, 'ids');
    return ids.map((id, i) => loadNode(id, `ids[${i}]`, ctx));
  }
}

@Resolver(() => ImageStream)
export class ImageStreamIdResolver {
  @FieldResolver(() => ID, { description: NODE_ID_DESCRIPTION })
  id(@Root() stream: kube.ImageStream): string {
    return encodeNodeId(namespacedKey('ImageStream', stream.metadata));
  }
}

@Resolver(() => ImageStreamTag)
export class ImageStreamTagIdResolver {
  @FieldResolver(() => ID, { description: NODE_ID_DESCRIPTION })
  id(@Root() tag: kube.ImageStreamTag): string {
    return encodeNodeId(namespacedKey('ImageStreamTag', tag.metadata));
  }
}

@Resolver(() => ImageStreamImage)
export class ImageStreamImageIdResolver {
  @FieldResolver(() => ID, { description: NODE_ID_DESCRIPTION })
  id(@Root() isi: kube.ImageStreamImage): string {
    const { namespace, name } = isi.metadata;
    const split = splitImageStreamImageName(name ?? '');
    if (!namespace || !split) throw new Error('the API server sent an ImageStreamImage without metadata.namespace and a <stream>@<id> name');
    // By the full digest, not the prefix it was asked by: one image of one stream, one id.
    return encodeNodeId({ type: 'ImageStreamImage', namespace, name: `${split.stream}@${isi.image?.metadata?.name || split.id}` });
  }
}

@Resolver(() => Image)
export class ImageIdResolver {
  @FieldResolver(() => ID, { description: NODE_ID_DESCRIPTION })
  id(@Root() image: kube.Image): string {
    if (!image.metadata?.name) throw new Error('the API server sent an Image without metadata.name');
    return encodeNodeId({ type: 'Image', name: image.metadata.name });
  }
}
