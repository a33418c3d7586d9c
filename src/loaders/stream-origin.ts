import type { ImageStream, ImageStreamImage, ImageStreamTag } from '../kube/types';

/** The stream through which a nested object (a tag history, a manifest-list member) was read. */
export interface StreamOrigin {
  namespace: string;
  stream: string;
}

// Navigation fields (TagEvent.imageStreamImage, Manifest.imageStreamImage) must go through the
// stream the object was read from, but the API's nested JSON does not name its stream. A WeakMap
// keyed by the fetched objects carries that without changing the JSON the REST route passes on.
const origins = new WeakMap<object, StreamOrigin>();

export function streamOriginOf(object: object): StreamOrigin | undefined {
  return origins.get(object);
}

export function recordImageStreamOrigins(stream: ImageStream): void {
  const namespace = stream.metadata.namespace;
  const name = stream.metadata.name;
  if (!namespace || !name) return;
  const origin = { namespace, stream: name };
  for (const list of stream.status?.tags ?? []) {
    origins.set(list, origin);
    for (const event of list.items ?? []) origins.set(event, origin);
  }
}

export function recordImageOrigins(object: ImageStreamImage | ImageStreamTag, separator: '@' | ':'): void {
  const namespace = object.metadata.namespace;
  const name = object.metadata.name;
  if (!namespace || !name) return;
  const origin = { namespace, stream: name.slice(0, Math.max(0, name.indexOf(separator))) };
  if (!origin.stream) return;
  for (const manifest of object.image?.dockerImageManifests ?? []) origins.set(manifest, origin);
}
