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
import { checkArgument } from './check-argument';
import { decodeCursor, encodeCursor } from './image-stream-cursor';
import type { UpstreamCost } from './limits/upstream-cost';
import { Image, ImageStream, ImageStreamConnection, ImageStreamImage, ImageStreamTag } from './types';

/** Largest `first` of imageStreams: one upstream page. */
export const MAX_PAGE_SIZE = 500;

interface ImageStreamConnectionValue {
  edges: Array<{ cursor: string; node: kube.ImageStream }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
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
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: `Page size, 1-${MAX_PAGE_SIZE}.` })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from a previous page.' }) after: string | undefined | null,
    @Ctx() ctx: Context,
  ): Promise<ImageStreamConnectionValue> {
    checkArgument('namespace', namespace, namespaceProblem);
    if (first === null || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new UserInputError(`first must be an integer 1-${MAX_PAGE_SIZE}, got ${first}`, 'first');
    }
    const start = after ? decodeCursor(after) : { continue: '', offset: 0 };
    let page: kube.ImageStreamList;
    try {
      page = await ctx.loaders.imageStreamPage(namespace, start.offset + first, start.continue || undefined);
    } catch (error) {
      if (error instanceof KubeApiError && error.httpStatus === 410) {
        throw new UserInputError('after is a cursor that has expired upstream; list again without after', 'after');
      }
      throw error;
    }
    const next = page.metadata.continue || undefined;
    const edges = page.items.slice(start.offset).map((node, i) => ({
      node,
      cursor: encodeCursor({ continue: start.continue, offset: start.offset + i + 1 }),
    }));
    const last = edges.at(-1);
    // The page's end is better resumed from the upstream's own token than by re-reading the page.
    if (last && next) last.cursor = encodeCursor({ continue: next, offset: 0 });
    return { edges, pageInfo: { hasNextPage: next !== undefined, endCursor: last?.cursor ?? null } };
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
