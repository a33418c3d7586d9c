import { Arg, Ctx, Extensions, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type * as kube from '../kube/types';
import type { UpstreamCost } from './limits/upstream-cost';
import { ImageStream, ImageStreamImage, ImageStreamTag } from './types';
import { KubeVerb } from './types/kube-verb';

// What a UI asks before it enables a button: may the caller do this to this object? Each answer
// is a SelfSubjectAccessReview made with the caller's own token, so it is the API server's RBAC
// that answers, never the gateway.

const IMAGE_GROUP = 'image.openshift.io';

const description = (resource: string) =>
  `Whether the caller may do \`verb\` to this object (${resource}.${IMAGE_GROUP}, its namespace and name), as the API server answers a SelfSubjectAccessReview made with the caller's token. Each distinct question is asked once per request, and answers are cached per caller like reads.`;

function viewerCan(resource: string, metadata: kube.ObjectMeta, verb: KubeVerb, ctx: Context): Promise<boolean> {
  return ctx.loaders.access.load({ verb, group: IMAGE_GROUP, resource, namespace: metadata.namespace ?? '', name: metadata.name ?? '' });
}

@Resolver(() => ImageStream)
export class ImageStreamViewerCanResolver {
  @FieldResolver(() => Boolean, { description: description('imagestreams') })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  viewerCan(@Root() stream: kube.ImageStream, @Arg('verb', () => KubeVerb) verb: KubeVerb, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan('imagestreams', stream.metadata, verb, ctx);
  }
}

@Resolver(() => ImageStreamTag)
export class ImageStreamTagViewerCanResolver {
  @FieldResolver(() => Boolean, { description: description('imagestreamtags') })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  viewerCan(@Root() tag: kube.ImageStreamTag, @Arg('verb', () => KubeVerb) verb: KubeVerb, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan('imagestreamtags', tag.metadata, verb, ctx);
  }
}

@Resolver(() => ImageStreamImage)
export class ImageStreamImageViewerCanResolver {
  @FieldResolver(() => Boolean, { description: description('imagestreamimages') })
  @Extensions({ upstreamCalls: 1 } satisfies UpstreamCost)
  viewerCan(@Root() isi: kube.ImageStreamImage, @Arg('verb', () => KubeVerb) verb: KubeVerb, @Ctx() ctx: Context): Promise<boolean> {
    return viewerCan('imagestreamimages', isi.metadata, verb, ctx);
  }
}
