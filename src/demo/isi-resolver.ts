// GET imagestreamimages/<stream>@<id>, behaviour §2–§4: parse the name, collect every image any
// tag's history names plus the members of the manifest lists among them, match the id as a
// prefix of the name or of its hex, fetch the Image and wrap it.
import { MALFORMED_ISI_NAME_MESSAGE, splitImageStreamImageName } from '../openshift/isi-name';
import { projectImageStreamImage } from '../openshift/isi-projection';
import { parseDigest } from './digest';
import type { DemoStore } from './demo-store';
import { badRequest, invalidPathSegment, notFound, type DemoResponse } from './demo-status';
import type { Image, ImageStream, ImageStreamImage } from './image-types';

export { splitImageStreamImageName as parseImageStreamImageName } from '../openshift/isi-name';

/**
 * The candidate set of the stream's layers view (§3 step 3): images of every history entry of
 * every tag, then, recursively, the manifest-list members of those that exist. Names of images
 * that no longer exist stay in (the server flags them `imageMissing`).
 */
export function candidateImages(stream: ImageStream, store: DemoStore): ReadonlySet<string> {
  // The data never changes: a stream's set is worked out once per store (the wide stream's
  // thousands of entries would otherwise cost every read of one of its images a walk of all).
  let ofStore = candidateCache.get(store);
  if (!ofStore) candidateCache.set(store, (ofStore = new WeakMap()));
  let candidates = ofStore.get(stream);
  if (!candidates) ofStore.set(stream, (candidates = collectCandidates(stream, store)));
  return candidates;
}

const candidateCache = new WeakMap<DemoStore, WeakMap<ImageStream, ReadonlySet<string>>>();

function collectCandidates(stream: ImageStream, store: DemoStore): Set<string> {
  const candidates = new Set<string>();
  const pending: string[] = [];
  for (const tag of stream.status.tags ?? []) {
    for (const item of tag.items ?? []) if (item.image) pending.push(item.image);
  }
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (candidates.has(name)) continue;
    candidates.add(name);
    for (const member of store.image(name)?.dockerImageManifests ?? []) pending.push(member.digest);
  }
  return candidates;
}

/** library-go imageutil.DigestOrImageMatch: a prefix of the name, or of the hex of a valid digest. */
export function digestOrImageMatch(candidate: string, id: string): boolean {
  if (candidate.startsWith(id)) return true;
  const digest = parseDigest(candidate);
  return digest !== undefined && digest.hex.startsWith(id);
}

/**
 * Real servers keep the last match of a Go map walk, so a short prefix matching several images
 * picks one at random (§3 step 5). The demo picks the lexicographically smallest name instead:
 * same contract, but tests and users see the same answer every time.
 */
export function pickMatch(candidates: Iterable<string>, id: string): string | undefined {
  // A whole name is its own smallest match: any other candidate it prefixes is longer, and an id
  // with a `:` is no prefix of a hex.
  if (candidates instanceof Set && id.includes(':') && candidates.has(id)) return id;
  let chosen: string | undefined;
  for (const candidate of candidates) {
    if (digestOrImageMatch(candidate, id) && (chosen === undefined || candidate < chosen)) chosen = candidate;
  }
  return chosen;
}

/** The stored Image as reads of ISI and ISTag return it: manifest and config blanked, all else kept (§3 step 8). */
export function withoutManifestAndConfig(image: Image): Image {
  const copy: Image = { ...image };
  delete copy.dockerImageManifest;
  delete copy.dockerImageConfig;
  return copy;
}

export function getImageStreamImage(store: DemoStore, namespace: string, name: string): DemoResponse {
  const parsed = splitImageStreamImageName(name);
  if (!parsed) return badRequest(MALFORMED_ISI_NAME_MESSAGE);
  const invalid = invalidPathSegment(parsed.stream);
  if (invalid) return invalid;
  const stream = store.stream(namespace, parsed.stream);
  // The stream lookup goes through the generic store, which names the resource of the request.
  if (!stream) return notFound('imagestreamimages', parsed.stream);
  const match = pickMatch(candidateImages(stream, store), parsed.id);
  if (!match) return notFound('imagestreamimage', name);
  const image = store.image(match);
  if (!image) return notFound('imagestreamimages', match);
  const isi: ImageStreamImage = projectImageStreamImage(name, namespace, stream.metadata.annotations, image);
  return { code: 200, body: isi };
}
