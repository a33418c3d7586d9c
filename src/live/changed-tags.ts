import { isDeepStrictEqual } from 'node:util';
import type { ImageStream } from '../kube/types';

/** Every tag a stream names, in its spec or its status, sorted. */
export function tagsOf(stream: ImageStream): string[] {
  const names = new Set<string>();
  for (const tag of stream.spec?.tags ?? []) names.add(tag.name);
  for (const list of stream.status?.tags ?? []) names.add(list.tag);
  return [...names].sort();
}

/**
 * The tags whose history (`status.tags[].items`, conditions included) or spec (`spec.tags[]`)
 * differ between two states of a stream, sorted; a tag that appears or vanishes has changed.
 * Without a previous state, every tag has (the stream is new to whoever sees it).
 */
export function changedTags(previous: ImageStream | undefined, next: ImageStream): string[] {
  if (!previous) return tagsOf(next);
  const names = new Set([...tagsOf(previous), ...tagsOf(next)]);
  const specOf = (stream: ImageStream, name: string) => stream.spec?.tags?.find((tag) => tag.name === name);
  const historyOf = (stream: ImageStream, name: string) => stream.status?.tags?.find((list) => list.tag === name);
  return [...names]
    .filter((name) => !isDeepStrictEqual(specOf(previous, name), specOf(next, name)) || !isDeepStrictEqual(historyOf(previous, name), historyOf(next, name)))
    .sort();
}
