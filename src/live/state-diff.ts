import type { ImageStreamChange } from '../context';
import type { ImageStream } from '../kube/types';
import { changedTags, tagsOf } from './changed-tags';

/**
 * The changes that lead from `before` to `after` (streams by name), by name: a stream only in
 * `after` is ADDED, one only in `before` DELETED, one whose resourceVersion differs MODIFIED.
 * What a subscriber needs after a gap it cannot replay: each real difference once, not every
 * stream again.
 */
export function diffStates(before: ReadonlyMap<string, ImageStream>, after: ReadonlyMap<string, ImageStream>): ImageStreamChange[] {
  const changes: ImageStreamChange[] = [];
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const was = before.get(name);
    const is = after.get(name);
    if (was && !is) changes.push({ type: 'DELETED', imageStream: was, changedTags: tagsOf(was) });
    else if (!was && is) changes.push({ type: 'ADDED', imageStream: is, changedTags: tagsOf(is) });
    else if (was && is && was.metadata.resourceVersion !== is.metadata.resourceVersion) {
      changes.push({ type: 'MODIFIED', imageStream: is, changedTags: changedTags(was, is) });
    }
  }
  return changes;
}

/** Streams by name. */
export function byName(streams: Iterable<ImageStream>): Map<string, ImageStream> {
  const map = new Map<string, ImageStream>();
  for (const stream of streams) if (stream.metadata.name) map.set(stream.metadata.name, stream);
  return map;
}
