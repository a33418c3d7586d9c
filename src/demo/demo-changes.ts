// Changes to the demo cluster's data, made the way the cluster itself would make them: a build
// pushing an image to a tag (a new Image, a new first entry in the tag's history), a stream
// created or deleted. Each goes through the store, which bumps the revision and tells watches.
import { createHash } from 'node:crypto';
import { RevisionCounter } from './image-builder';
import type { ImageStream, NamedTagEventList } from './image-types';
import type { DemoStore } from './demo-store';
import { pushedBuild } from './sample-images';
import { buildStream } from './stream-builder';

export interface PushedImage {
  /** The new image's digest, now first in the tag's history. */
  digest: string;
  /** The stream as stored after the push. */
  stream: ImageStream;
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Pushes a new build to `namespace/stream:tag`: a new Image object, and a tag event for it first
 * in the tag's history (the tag is made if the stream has none of that name). Builds are
 * numbered per stream from the history's length, so every push is a new digest.
 */
export function pushImage(store: DemoStore, target: { namespace: string; stream: string; tag: string; now?: number }): PushedImage {
  const current = store.stream(target.namespace, target.stream);
  if (!current) throw new RangeError(`no stream ${target.namespace}/${target.stream} in the demo cluster`);
  const tags = current.status.tags ?? [];
  const history = tags.find((list) => list.tag === target.tag);
  const build = 100 + Number(store.resourceVersion);
  const created = isoSeconds(target.now ?? Date.now());
  const commit = createHash('sha1').update(`${target.namespace}/${target.stream}:${target.tag}#${build}`).digest('hex');
  const image = store.addImage(pushedBuild(target.namespace, target.stream, build, commit, created, new RevisionCounter(1)));
  const generation = current.metadata.generation ?? 1;
  const entry = { created, dockerImageReference: image.dockerImageReference, image: image.metadata.name, generation };
  const updated: NamedTagEventList = history
    ? { ...history, items: [entry, ...(history.items ?? [])] }
    : { tag: target.tag, items: [entry] };
  const statusTags = [...tags.filter((list) => list !== history), updated].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const stream = store.putStream({ ...current, status: { ...current.status, tags: statusTags } });
  return { digest: image.metadata.name, stream };
}

/** Creates an empty stream (no tags), as `oc create imagestream` does. */
export function createStream(store: DemoStore, target: { namespace: string; name: string; now?: number }): ImageStream {
  if (store.stream(target.namespace, target.name)) throw new RangeError(`stream ${target.namespace}/${target.name} exists already`);
  const built = buildStream({ namespace: target.namespace, name: target.name, created: isoSeconds(target.now ?? Date.now()), tags: [] }, new RevisionCounter(1));
  return store.putStream(built);
}

export function deleteStream(store: DemoStore, target: { namespace: string; name: string }): void {
  if (!store.deleteStream(target.namespace, target.name)) throw new RangeError(`no stream ${target.namespace}/${target.name} in the demo cluster`);
}
