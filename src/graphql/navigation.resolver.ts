import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { originOf, originOfStream } from '../loaders/stream-view';
import { locatedLoad } from './located-error';
import { tagEventListView } from './stream-views.resolver';
import { splitImageStreamImageName } from '../kube/object-names';
import type * as kube from '../kube/types';
import type { UpstreamCost } from './limits/upstream-cost';
import { ImageStream, ImageStreamImage, Manifest, NamedTagEventList, TagEvent } from './types';

// Navigation fields: each one a load through the request's loaders, so the same object reached
// along many paths is fetched once, and distinct ones in one batch.

// Fields reached once per history entry fail with errors made located (./located-error): a
// request past its budget fails thousands of them at once.
function imageStreamImageThroughOrigin(object: object, digest: string, ctx: Context, info: GraphQLResolveInfo): Promise<kube.ImageStreamImage> | null {
  const origin = originOf(object);
  if (!origin || !digest) return null;
  return locatedLoad(ctx.loaders.imageStreamImage.load({ namespace: origin.namespace, name: `${origin.stream}@${digest}`, through: origin.imageStream }), info);
}

@Resolver(() => TagEvent)
export class TagEventResolver {
  @FieldResolver(() => ImageStreamImage, {
    nullable: true,
    description:
      'The image behind this history entry, read as `<stream>@<image>` through its stream, so callers who may not read cluster-scoped images see it too.',
  })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  imageStreamImage(@Root() event: kube.TagEvent, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<kube.ImageStreamImage> | null {
    return imageStreamImageThroughOrigin(event, event.image, ctx, info);
  }
}

@Resolver(() => Manifest)
export class ManifestResolver {
  @FieldResolver(() => ImageStreamImage, {
    nullable: true,
    description: 'This manifest-list member as an image, read through the stream the list was read from.',
  })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  imageStreamImage(@Root() manifest: kube.ImageManifest, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<kube.ImageStreamImage> | null {
    return imageStreamImageThroughOrigin(manifest, manifest.digest, ctx, info);
  }
}

@Resolver(() => NamedTagEventList)
export class NamedTagEventListResolver {
  @FieldResolver(() => TagEvent, { nullable: true, description: 'The newest history entry of this tag (the first item).' })
  latest(@Root() list: kube.NamedTagEventList): kube.TagEvent | null {
    return list.items?.[0] ?? null;
  }
}

@Resolver(() => ImageStream)
export class ImageStreamResolver {
  @FieldResolver(() => NamedTagEventList, { nullable: true, description: 'The history of one tag, by tag name; null when the stream has no such tag in its status.' })
  tag(@Root() stream: kube.ImageStream, @Arg('name', () => String) name: string): kube.NamedTagEventList | null {
    const list = stream.status?.tags?.find((candidate) => candidate.tag === name);
    return list ? tagEventListView(list, originOfStream(stream)) : null;
  }
}

@Resolver(() => ImageStreamImage)
export class ImageStreamImageResolver {
  @FieldResolver(() => ImageStream, { nullable: true, description: 'The image stream this image was read through.' })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  imageStream(@Root() isi: kube.ImageStreamImage, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<kube.ImageStream> | null {
    const namespace = isi.metadata.namespace;
    const stream = splitImageStreamImageName(isi.metadata.name ?? '')?.stream;
    if (!namespace || !stream) return null;
    return locatedLoad(ctx.loaders.imageStream.load({ namespace, name: stream }), info);
  }
}
