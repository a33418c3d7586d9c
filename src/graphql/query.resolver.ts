import { Arg, Ctx, Extensions, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { UserInputError } from '../errors';
import { KubeApiError } from '../kube/errors';
import {
  imageNameProblem,
  imageStreamImageNameProblem,
  imageStreamTagNameProblem,
  namespaceProblem,
  streamNameProblem,
} from '../kube/object-names';
import type * as kube from '../kube/types';
import { MAX_LIST_LIMIT } from '../kube/kube-client';
import { checkArgument } from './check-argument';
import { decodeCursor, encodeCursor } from './image-stream-cursor';
import type { UpstreamCost } from './limits/upstream-cost';
import { Image, ImageStream, ImageStreamConnection, ImageStreamImage, ImageStreamTag } from './types';


interface ImageStreamConnectionValue {
  edges: Array<{ cursor: string; node: kube.ImageStream }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  resourceVersion: string | null;
}

@Resolver()
export class QueryResolver {
  @Query(() => ImageStreamImage, {
    nullable: true,
    description:
      'An image as seen through an image stream: `name` is `<stream>@<digest>` or a unique digest prefix. Works for callers who may read the namespace but not cluster-scoped images.',
  })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  imageStreamImage(
    @Arg('namespace', () => String) namespace: string,
    @Arg('name', () => String, { description: '`<stream>@<digest or digest prefix>`' }) name: string,
    @Ctx() ctx: Context,
  ): Promise<kube.ImageStreamImage> {
    checkArgument('namespace', namespace, namespaceProblem);
    checkArgument('name', name, imageStreamImageNameProblem);
    return ctx.loaders.imageStreamImage.load({ namespace, name });
  }

  @Query(() => ImageStream, { nullable: true, description: 'One image stream of a namespace.' })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  imageStream(
    @Arg('namespace', () => String) namespace: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: Context,
  ): Promise<kube.ImageStream> {
    checkArgument('namespace', namespace, namespaceProblem);
    checkArgument('name', name, streamNameProblem);
    return ctx.loaders.imageStream.load({ namespace, name });
  }

  @Query(() => ImageStreamConnection, {
    description:
      "A namespace's image streams, a page at a time (Relay connection over Kubernetes `limit`/`continue`). A cursor expires with the upstream's continue token (about 5 minutes); an expired one is a BAD_USER_INPUT error.",
  })
  @Extensions({ upstreamCalls: 1, pagedBy: 'first' } satisfies UpstreamCost)
  async imageStreams(
    @Arg('namespace', () => String) namespace: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: `Page size, 1-${MAX_LIST_LIMIT}.` })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from a previous page.' }) after: string | undefined | null,
    @Ctx() ctx: Context,
  ): Promise<ImageStreamConnectionValue> {
    checkArgument('namespace', namespace, namespaceProblem);
    if (first === null || !Number.isInteger(first) || first < 1 || first > MAX_LIST_LIMIT) {
      throw new UserInputError(`first must be an integer 1-${MAX_LIST_LIMIT}, got ${first}`, 'first');
    }
    const start = after ? decodeCursor(after, namespace) : { namespace, continue: '', offset: 0 };
    // One upstream page holds at most MAX_LIST_LIMIT: from a cursor deep in a page, the answer
    // ends at the page's end (fewer than `first`, as Relay allows) rather than ask for more.
    const limit = Math.min(start.offset + first, MAX_LIST_LIMIT);
    let page: kube.ImageStreamList;
    let cut: boolean;
    try {
      ({ list: page, cut } = await ctx.loaders.imageStreamPage(namespace, limit, start.continue || undefined));
    } catch (error) {
      if (error instanceof KubeApiError && error.httpStatus === 410) {
        throw new UserInputError('after is a cursor that has expired upstream; list again without after', 'after');
      }
      throw error;
    }
    const next = page.metadata.continue || undefined;
    const edges = page.items.slice(start.offset).map((node, i) => ({
      node,
      cursor: encodeCursor({ namespace, continue: start.continue, offset: start.offset + i + 1 }),
    }));
    const last = edges.at(-1);
    // The page's end is better resumed from the upstream's own token than by re-reading the page.
    if (last && next) last.cursor = encodeCursor({ namespace, continue: next, offset: 0 });
    // An upstream that ignored `limit` sent more than asked: the rest is reachable by offset
    // within its page, up to one page's worth.
    const more = next !== undefined || (cut && limit < MAX_LIST_LIMIT);
    return { edges, pageInfo: { hasNextPage: more, endCursor: last?.cursor ?? null }, resourceVersion: page.metadata.resourceVersion || null };
  }

  @Query(() => ImageStreamTag, { nullable: true, description: 'The image a tag of a stream points at: `name` is `<stream>:<tag>`.' })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  imageStreamTag(
    @Arg('namespace', () => String) namespace: string,
    @Arg('name', () => String, { description: '`<stream>:<tag>`' }) name: string,
    @Ctx() ctx: Context,
  ): Promise<kube.ImageStreamTag> {
    checkArgument('namespace', namespace, namespaceProblem);
    checkArgument('name', name, imageStreamTagNameProblem);
    return ctx.loaders.imageStreamTag.load({ namespace, name });
  }

  @Query(() => Image, {
    nullable: true,
    description:
      'A cluster-scoped image by digest. Most users may not read these (FORBIDDEN); read images through `imageStreamImage` instead.',
  })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  image(@Arg('name', () => String, { description: 'The image digest, e.g. `sha256:…`' }) name: string, @Ctx() ctx: Context): Promise<kube.Image> {
    checkArgument('name', name, imageNameProblem);
    return ctx.loaders.image.load(name);
  }
}
