import type { ImageStream, ImageStreamImage } from '../kube/types';
import { projectImageStreamImage } from '../openshift/isi-projection';
import { splitImageStreamImageName } from '../openshift/isi-name';

export interface DerivableKey {
  namespace: string;
  name: string;
  /** The stream the name was reached through, as this request read it. */
  through?: ImageStream;
}

/**
 * The ImageStreamImage `key` names, with one upstream GET per image per namespace: the first key
 * of an image is fetched (and its answer remembered in `fetched`, by namespace and image); every
 * other stream's view of that image is then built from it as the API server builds it
 * (behaviour §4: the name as asked, the namespace, the image's creation time, that stream's own
 * annotations, the same stripped image).
 *
 * Only where that is exactly what the API server would answer, and what the caller may read: the
 * key names a full image name that is in the history of the stream it came through, and that
 * stream was read in this request with the caller's own token (so the stream exists, holds the
 * image, and its annotations are current); the image was read, in this request with the same
 * token, as an ImageStreamImage of the same namespace, which the API server authorizes per
 * namespace. Never across namespaces. Anything else, or a first GET that failed, is a GET of its own.
 */
export async function imageStreamImageThrough(
  key: DerivableKey,
  fetched: Map<string, Promise<ImageStreamImage>>,
  getImageStreamImage: (name: string) => Promise<ImageStreamImage>,
  historyOf: (stream: ImageStream) => ReadonlySet<string> = imagesInHistory,
): Promise<ImageStreamImage> {
  const image = derivableImage(key, historyOf);
  if (image === undefined) return getImageStreamImage(key.name);
  const slot = JSON.stringify([key.namespace, image]);
  const first = fetched.get(slot);
  if (!first) {
    const own = getImageStreamImage(key.name);
    fetched.set(slot, own);
    // A failed first read is no source for the others: each then asks for itself.
    own.catch(() => fetched.get(slot) === own && fetched.delete(slot));
    return own;
  }
  let source: ImageStreamImage;
  try {
    source = await first;
  } catch {
    return getImageStreamImage(key.name);
  }
  if (source.image?.metadata?.name !== image) return getImageStreamImage(key.name);
  return projectImageStreamImage(key.name, key.namespace, key.through?.metadata.annotations, source.image) as ImageStreamImage;
}

/** The full image name `key` asks for when its view may be derived from another stream's; else undefined. */
function derivableImage(key: DerivableKey, historyOf: (stream: ImageStream) => ReadonlySet<string>): string | undefined {
  const stream = key.through;
  const split = splitImageStreamImageName(key.name);
  if (!stream || !split) return undefined;
  if (stream.metadata.namespace !== key.namespace || stream.metadata.name !== split.stream) return undefined;
  return historyOf(stream).has(split.id) ? split.id : undefined;
}

/** Every image a stream's tag histories name. A loader remembers it per stream: a history of thousands is read once, not once per entry. */
export function imagesInHistory(stream: ImageStream): ReadonlySet<string> {
  return new Set((stream.status?.tags ?? []).flatMap((list) => (list.items ?? []).map((event) => event.image)));
}
