// GET and list of imagestreamtags (`<stream>:<tag>`), after openshift-apiserver's
// imagestreamtag REST: the newest history entry of the status tag, the spec tag copied in, the
// image stripped like the ISI's, its reference taken from the tag event.
import type { DemoStore } from './demo-store';
import { badRequest, invalidPathSegment, notFound, type DemoResponse } from './demo-status';
import type { Image, ImageStream, ImageStreamTag } from './image-types';
import { withoutManifestAndConfig } from './isi-resolver';

/** library-go ParseImageStreamTagName: no `@`, exactly one `:`, both sides non-empty. */
export function parseImageStreamTagName(name: string): { stream: string; tag: string } | undefined {
  if (name.includes('@')) return undefined;
  const pieces = name.split(':');
  if (pieces.length !== 2) return undefined;
  const [stream, tag] = pieces;
  if (!stream || !tag) return undefined;
  return { stream, tag };
}

/**
 * ResolveReferenceForTagEvent: a spec tag with referencePolicy Local points pulls at the
 * integrated registry (`<status.dockerImageRepository>@<image>`); otherwise the event's own reference.
 */
export function referenceForTagEvent(stream: ImageStream, tag: string, event: { dockerImageReference: string; image: string }): string {
  const specTag = stream.spec.tags?.find((candidate) => candidate.name === tag);
  const local = stream.status.dockerImageRepository;
  if (specTag?.referencePolicy.type !== 'Local' || !local || !event.image) return event.dockerImageReference;
  // A `:` after the last `/` is a tag, which the exact reference drops; one before it is a registry port.
  const repository = local.lastIndexOf(':') > local.lastIndexOf('/') ? local.slice(0, local.lastIndexOf(':')) : local;
  return `${repository}@${event.image}`;
}

/** undefined when the tag has no image (never imported, or only failure conditions): the server's 404. */
export function imageStreamTag(stream: ImageStream, tag: string, image: Image | undefined, withImage: boolean): ImageStreamTag | undefined {
  const status = stream.status.tags?.find((candidate) => candidate.tag === tag);
  const event = status?.items?.[0];
  if (!event?.image) return undefined;
  // A tag whose image was pruned is not found either, on get; list never loads images.
  if (withImage && !image) return undefined;
  const specTag = stream.spec.tags?.find((candidate) => candidate.name === tag) ?? null;
  const tagAnnotations = specTag?.annotations ?? {};

  let istagImage: Image;
  if (image && withImage) {
    const stripped = withoutManifestAndConfig(image);
    // Spec tag annotations are copied onto the image as well as onto the ISTag.
    if (Object.keys(tagAnnotations).length > 0) {
      stripped.metadata = { ...stripped.metadata, annotations: { ...stripped.metadata.annotations, ...tagAnnotations } };
    }
    istagImage = { ...stripped, dockerImageReference: referenceForTagEvent(stream, tag, event) };
  } else {
    // An empty internal Image still converts with metadata version 1.0 and an encoded (empty) DockerImage.
    istagImage = {
      metadata: { name: event.image, creationTimestamp: null },
      dockerImageReference: referenceForTagEvent(stream, tag, event),
      dockerImageMetadata: { kind: 'DockerImage', apiVersion: 'image.openshift.io/1.0', Id: '', Created: null, ContainerConfig: {} },
      dockerImageMetadataVersion: '1.0',
    };
  }

  return {
    kind: 'ImageStreamTag',
    apiVersion: 'image.openshift.io/v1',
    metadata: {
      name: `${stream.metadata.name}:${tag}`,
      namespace: stream.metadata.namespace,
      ...(stream.metadata.uid ? { uid: stream.metadata.uid } : {}),
      ...(stream.metadata.resourceVersion ? { resourceVersion: stream.metadata.resourceVersion } : {}),
      creationTimestamp: event.created,
      ...(stream.metadata.labels ? { labels: stream.metadata.labels } : {}),
      ...(Object.keys(tagAnnotations).length > 0 ? { annotations: { ...tagAnnotations } } : {}),
    },
    tag: specTag,
    generation: event.generation,
    lookupPolicy: stream.spec.lookupPolicy,
    ...(status?.conditions ? { conditions: status.conditions } : {}),
    image: istagImage,
  };
}

export function getImageStreamTag(store: DemoStore, namespace: string, name: string): DemoResponse {
  const parsed = parseImageStreamTagName(name);
  if (!parsed) return badRequest('ImageStreamTags must be retrieved with <name>:<tag>');
  const invalid = invalidPathSegment(parsed.stream);
  if (invalid) return invalid;
  const stream = store.stream(namespace, parsed.stream);
  if (!stream) return notFound('imagestreamtags', parsed.stream);
  const event = stream.status.tags?.find((candidate) => candidate.tag === parsed.tag)?.items?.[0];
  const image = event ? store.image(event.image) : undefined;
  const istag = imageStreamTag(stream, parsed.tag, image, true);
  return istag ? { code: 200, body: istag } : notFound('imagestreamtags', name);
}

/** Every tag of every stream in the namespace that has an image, sorted; images are not loaded. */
export function listImageStreamTags(store: DemoStore, namespace: string): ImageStreamTag[] {
  const items: ImageStreamTag[] = [];
  for (const stream of store.streamsIn(namespace)) {
    for (const status of stream.status.tags ?? []) {
      const istag = imageStreamTag(stream, status.tag, undefined, false);
      if (istag) items.push(istag);
    }
  }
  return items;
}
