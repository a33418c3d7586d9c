import DataLoader from 'dataloader';
import { KubeApiError, UpstreamUnavailableError } from '../kube/errors';
import { MAX_LIST_LIMIT, type GetRequest } from '../kube/kube-client';
import type { Image, ImageStream, ImageStreamImage, ImageStreamList, ImageStreamTag, Resource, ResourceTypes } from '../kube/types';
import type { UpstreamSession } from '../upstream/upstream-session';
import type { AccessQuestion } from '../kube/kube-client';
import { createAccessLoader } from './access-loader';
import { imageStreamImageThrough, imagesInHistory } from './derive-image-stream-image';
import { notFoundError } from './not-found-status';

export interface NamespacedName {
  namespace: string;
  name: string;
}

/**
 * An ImageStreamImage asked for by name; `through` is the stream it was reached through, as this
 * request read it, when navigation came from that stream's history.
 */
export interface ImageStreamImageKey extends NamespacedName {
  through?: ImageStream;
}

/** The loaders that batch, by the name they have in `Loaders`: a fixed set, fit for a metric's label. */
export type BatchingLoader = 'imageStream' | 'imageStreamImage' | 'imageStreamTag' | 'image';

/** Told the number of keys of each batch a loader runs, before it runs it. */
export type LoaderBatchObserver = (loader: BatchingLoader, size: number) => void;

export interface LoaderOptions {
  /** From this many streams of one namespace in one batch, one paged LIST replaces the GETs. */
  listThreshold: number;
  /** Page size of the LIST that replaces GETs. */
  listPageSize?: number;
  /** Watches the batches (the metrics); the loaders keep no state beyond their request. */
  onBatch?: LoaderBatchObserver;
}

/** Pages the LIST that replaces GETs may read; past them, the streams not yet seen are read with GETs. */
export const MAX_LIST_PAGES = 10;

export interface Loaders {
  imageStream: DataLoader<NamespacedName, ImageStream, string>;
  imageStreamImage: DataLoader<ImageStreamImageKey, ImageStreamImage, string>;
  imageStreamTag: DataLoader<NamespacedName, ImageStreamTag, string>;
  image: DataLoader<string, Image>;
  /** Whether the caller may do what each question asks (./access-loader). */
  access: DataLoader<AccessQuestion, boolean, string>;
  /**
   * One page of at most `limit` (<= MAX_LIST_LIMIT) of a namespace's streams; each stream is also
   * primed into `imageStream`. `cut` says the upstream sent more than `limit` and the rest was dropped.
   */
  imageStreamPage(namespace: string, limit: number, continueToken?: string): Promise<{ list: ImageStreamList; cut: boolean }>;
}

const namespacedKey = (key: NamespacedName): string => `${key.namespace}/${key.name}`;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * The loaders of one request, over its upstream session (one caller's credentials, lifetime and
 * bounds). They are never shared: what they hold was read with one caller's token. Pure: they
 * return the upstream's objects, or objects built exactly as the API server builds them.
 */
export function createLoaders(session: UpstreamSession, options: LoaderOptions): Loaders {
  const pageSize = Math.min(options.listPageSize ?? MAX_LIST_LIMIT, MAX_LIST_LIMIT);
  const unlistable = new Set<string>();
  const onBatch = options.onBatch;
  const observed = <K, V>(loader: BatchingLoader, batch: DataLoader.BatchLoadFn<K, V>): DataLoader.BatchLoadFn<K, V> =>
    onBatch
      ? (keys) => {
          onBatch(loader, keys.length);
          return batch(keys);
        }
      : batch;

  const get = <R extends Resource>(request: GetRequest<R>): Promise<ResourceTypes[R]['item']> => session.get(request);

  const getEach = <K, R extends Resource>(keys: readonly K[], request: (key: K) => GetRequest<R>) =>
    Promise.all(keys.map((key) => get(request(key)).catch(asError)));

  const getStreams = (keys: readonly NamespacedName[]) =>
    getEach(keys, (key) => ({ resource: 'imagestreams', namespace: key.namespace, name: key.name }));

  /**
   * The namespace's streams by name, read a page at a time until every wanted name is seen or
   * the list ends, for at most MAX_LIST_PAGES pages; `complete` says whether the list ended.
   */
  async function listStreams(namespace: string, wanted: ReadonlySet<string>): Promise<{ byName: Map<string, ImageStream>; complete: boolean }> {
    const byName = new Map<string, ImageStream>();
    const tokens = new Set<string>();
    let continueToken: string | undefined;
    for (let pages = 0; pages < MAX_LIST_PAGES; pages++) {
      const page = await session.list({ resource: 'imagestreams', namespace, limit: pageSize, continue: continueToken });
      // An upstream that ignores `limit` is held to it all the same.
      for (const stream of page.items.slice(0, pageSize)) if (stream.metadata.name) byName.set(stream.metadata.name, stream);
      continueToken = page.metadata.continue || undefined;
      if (!continueToken) return { byName, complete: true };
      if (tokens.has(continueToken)) {
        throw new UpstreamUnavailableError(`the API server repeated a continue token while listing imagestreams of ${namespace}`, 'protocol');
      }
      tokens.add(continueToken);
      if ([...wanted].every((name) => byName.has(name))) break;
    }
    return { byName, complete: false };
  }

  async function loadStreamsOfNamespace(namespace: string, keys: NamespacedName[]): Promise<Array<ImageStream | Error>> {
    if (keys.length < options.listThreshold || unlistable.has(namespace)) return getStreams(keys);
    try {
      const { byName, complete } = await listStreams(namespace, new Set(keys.map((key) => key.name)));
      const unseen = complete ? [] : keys.filter((key) => !byName.has(key.name));
      const read = new Map((await getStreams(unseen)).map((result, i) => [unseen[i]!.name, result]));
      return keys.map((key) => byName.get(key.name) ?? read.get(key.name) ?? notFoundError('imagestreams', key.name));
    } catch (error) {
      // A caller may be allowed to get streams but not to list them: fall back to GETs.
      if (!(error instanceof KubeApiError && error.httpStatus === 403)) throw error;
      unlistable.add(namespace);
      return getStreams(keys);
    }
  }

  const imageStream = new DataLoader<NamespacedName, ImageStream, string>(
    observed('imageStream', async (keys) => {
      const byNamespace = new Map<string, NamespacedName[]>();
      for (const key of keys) {
        const group = byNamespace.get(key.namespace);
        if (group) group.push(key);
        else byNamespace.set(key.namespace, [key]);
      }
      const results = new Map<string, ImageStream | Error>();
      await Promise.all(
        [...byNamespace].map(async ([namespace, group]) => {
          const loaded = await loadStreamsOfNamespace(namespace, group).catch((error) => group.map(() => asError(error)));
          group.forEach((key, i) => results.set(namespacedKey(key), loaded[i] ?? new Error('stream not loaded')));
        }),
      );
      return keys.map((key) => results.get(namespacedKey(key)) ?? new Error('stream not loaded'));
    }),
    { cacheKeyFn: namespacedKey, maxBatchSize: 1000 },
  );

  // One GET per distinct image of a namespace: the other streams' views of it are built from
  // that answer (./derive-image-stream-image), across the batches of the request.
  const fetchedImages = new Map<string, Promise<ImageStreamImage>>();
  const histories = new WeakMap<ImageStream, ReadonlySet<string>>();
  const historyOf = (stream: ImageStream): ReadonlySet<string> => {
    let images = histories.get(stream);
    if (!images) histories.set(stream, (images = imagesInHistory(stream)));
    return images;
  };
  const imageStreamImage = new DataLoader<ImageStreamImageKey, ImageStreamImage, string>(
    observed('imageStreamImage', (keys) =>
      Promise.all(
        keys.map((key) =>
          imageStreamImageThrough(key, fetchedImages, (name) => get({ resource: 'imagestreamimages', namespace: key.namespace, name }), historyOf).catch(asError),
        ),
      ),
    ),
    { cacheKeyFn: namespacedKey },
  );

  const imageStreamTag = new DataLoader<NamespacedName, ImageStreamTag, string>(
    observed('imageStreamTag', (keys) => getEach(keys, (key) => ({ resource: 'imagestreamtags', namespace: key.namespace, name: key.name }))),
    { cacheKeyFn: namespacedKey },
  );

  const image = new DataLoader<string, Image>(observed('image', (names) => getEach(names, (name) => ({ resource: 'images', name }))));

  async function imageStreamPage(namespace: string, pageLimit: number, continueToken?: string) {
    const limit = Math.min(pageLimit, MAX_LIST_LIMIT);
    const answer = await session.list({ resource: 'imagestreams', namespace, limit, continue: continueToken });
    // A page that hands back the token it was asked with would have a client page for ever.
    if (continueToken && answer.metadata.continue === continueToken) {
      throw new UpstreamUnavailableError(`the API server answered a page of imagestreams of ${namespace} with the continue token it was asked with`, 'protocol');
    }
    // An upstream that ignores `limit` is held to it all the same: the rest is not looked at.
    const cut = answer.items.length > limit;
    const page = cut ? { ...answer, items: answer.items.slice(0, limit) } : answer;
    for (const stream of page.items) if (stream.metadata.name) imageStream.prime({ namespace, name: stream.metadata.name }, stream);
    return { list: page, cut };
  }

  return { imageStream, imageStreamImage, imageStreamTag, image, access: createAccessLoader(session), imageStreamPage };
}
