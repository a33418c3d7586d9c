import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Extensions, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { originOf, originOfNamed, originOfStream, viewThrough, type StreamOrigin } from '../loaders/stream-view';
import type * as kube from '../kube/types';
import { admitList } from './admit-list';
import type { UpstreamCost } from './limits/upstream-cost';
import { Image, ImageStream, ImageStreamImage, ImageStreamStatus, ImageStreamTag, NamedTagEventList } from './types';

// The fields whose values lead back to a stream: each hands its children views of the upstream
// JSON that carry the stream they were read through (../loaders/stream-view), so navigation
// below them (TagEvent.imageStreamImage, Manifest.imageStreamImage) knows where to read from,
// whichever path or loader brought the object. The lists among them, which the API does not
// page, are admitted against the request's budget before their items' fields run (./admit-list).

const viewsThrough = <T extends object>(items: T[] | null | undefined, origin: StreamOrigin | undefined): T[] | null | undefined =>
  origin && items ? items.map((item) => viewThrough(item, origin)) : items;

/** A tag history with its entries seen through the history's stream. */
export function tagEventListView(list: kube.NamedTagEventList, origin: StreamOrigin | undefined): kube.NamedTagEventList {
  return origin ? viewThrough({ ...list, items: viewsThrough(list.items, origin) ?? null }, origin) : list;
}

@Resolver(() => ImageStream)
export class ImageStreamViewResolver {
  @FieldResolver()
  status(@Root() stream: kube.ImageStream): kube.ImageStreamStatus | undefined {
    const origin = originOfStream(stream);
    return stream.status && origin ? viewThrough(stream.status, origin) : stream.status;
  }
}

@Resolver(() => ImageStreamStatus)
export class ImageStreamStatusViewResolver {
  @FieldResolver()
  // Loads nothing itself; admits its items' calls (./admit-list).
  @Extensions({ upstreamCalls: 0 } satisfies UpstreamCost)
  tags(@Root() status: kube.ImageStreamStatus, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const origin = originOf(status);
    return admitList(
      status.tags?.map((list) => tagEventListView(list, origin)),
      info,
      ctx,
    );
  }
}

@Resolver(() => NamedTagEventList)
export class NamedTagEventListViewResolver {
  @FieldResolver()
  // Loads nothing itself; admits its items' calls (./admit-list).
  @Extensions({ upstreamCalls: 0 } satisfies UpstreamCost)
  items(@Root() list: kube.NamedTagEventList, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return admitList(list.items, info, ctx);
  }
}

/** The image of an ISI (`<stream>@<id>`) or an ISTag (`<stream>:<tag>`), seen through the stream its name names. */
function imageThroughName(object: kube.ImageStreamImage | kube.ImageStreamTag, separator: '@' | ':'): kube.Image {
  const origin = originOfNamed(object.metadata.namespace, object.metadata.name, separator);
  return origin ? viewThrough(object.image, origin) : object.image;
}

@Resolver(() => ImageStreamImage)
export class ImageStreamImageViewResolver {
  @FieldResolver()
  image(@Root() isi: kube.ImageStreamImage): kube.Image {
    return imageThroughName(isi, '@');
  }
}

@Resolver(() => ImageStreamTag)
export class ImageStreamTagViewResolver {
  @FieldResolver()
  image(@Root() tag: kube.ImageStreamTag): kube.Image {
    return imageThroughName(tag, ':');
  }
}

@Resolver(() => Image)
export class ImageViewResolver {
  @FieldResolver()
  // Loads nothing itself; admits its items' calls (./admit-list).
  @Extensions({ upstreamCalls: 0 } satisfies UpstreamCost)
  dockerImageManifests(@Root() image: kube.Image, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return admitList(viewsThrough(image.dockerImageManifests, originOf(image)), info, ctx);
  }
}
