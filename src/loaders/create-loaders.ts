import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import { KubeApiError, MissingCredentialsError } from '../kube/errors';
import type { CallerAuth, CallOptions, GetRequest, KubeClient } from '../kube/kube-client';
import type {
  Image,
  ImageStream,
  ImageStreamImage,
  ImageStreamList,
  ImageStreamTag,
  Resource,
  ResourceTypes,
} from '../kube/types';
import { notFoundError } from './not-found-status';
import { credentialsKey, InflightCalls } from './inflight-calls';
import { recordImageOrigins, recordImageStreamOrigins } from './stream-origin';

export interface NamespacedName {
  namespace: string;
  name: string;
}

export interface LoaderOptions {
  /** Upstream calls in flight at once for this request. */
  concurrency: number;
  /** From this many streams of one namespace in one batch, one paged LIST replaces the GETs. */
  listThreshold: number;
  /** Page size of the LIST that replaces GETs. */
  listPageSize?: number;
  /** Aborted when the client has gone; cancels every upstream call of the request. */
  signal?: AbortSignal;
  /** When the request's time is up (`Date.now()` units); retries that would end later are not made. */
  deadline?: number;
  /** Shared by all requests of the process: coalesces identical GETs of one caller in flight. */
  inflight?: InflightCalls;
}

export interface Loaders {
  imageStream: DataLoader<NamespacedName, ImageStream, string>;
  imageStreamImage: DataLoader<NamespacedName, ImageStreamImage, string>;
  imageStreamTag: DataLoader<NamespacedName, ImageStreamTag, string>;
  image: DataLoader<string, Image>;
  /** One page of a namespace's streams; each stream is also primed into `imageStream`. */
  imageStreamPage(namespace: string, limit: number, continueToken?: string): Promise<ImageStreamList>;
}

const namespacedKey = (key: NamespacedName): string => `${key.namespace}/${key.name}`;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * The loaders of one request and one caller; `auth` is a MissingCredentialsError when the request
 * has no usable credentials, so every load fails with it and no upstream call is made. They are never shared: a cache filled with one
 * caller's token must not answer another caller.
 */
export function createLoaders(
  kube: KubeClient,
  auth: CallerAuth | MissingCredentialsError,
  options: LoaderOptions,
): Loaders {
  const limit = pLimit(options.concurrency);
  const pageSize = options.listPageSize ?? 500;
  const unlistable = new Set<string>();

  function call<T>(fetch: (callOptions: CallOptions) => Promise<T>): Promise<T> {
    // No credentials: fail before any upstream call, never fall back to the gateway's own.
    if (auth instanceof MissingCredentialsError) return Promise.reject(auth);
    const callOptions: CallOptions = { auth, signal: options.signal, deadline: options.deadline };
    return limit(() => fetch(callOptions));
  }

  const inflight = options.inflight;
  const callerKey = auth instanceof MissingCredentialsError ? '' : credentialsKey(auth);

  function get<R extends Resource>(request: GetRequest<R>): Promise<ResourceTypes[R]['item']> {
    if (auth instanceof MissingCredentialsError || !inflight) return call((callOptions) => kube.get(request, callOptions));
    const key = `${callerKey} ${request.resource} ${request.namespace ?? ''} ${request.name}`;
    return inflight.run(key, options.signal, (signal) => limit(() => kube.get(request, { auth, signal, deadline: options.deadline })));
  }

  const getEach = <K, R extends Resource>(keys: readonly K[], request: (key: K) => GetRequest<R>) =>
    Promise.all(keys.map((key) => get(request(key)).catch(asError)));

  const getStreams = (keys: readonly NamespacedName[]) =>
    getEach(keys, (key) => ({ resource: 'imagestreams', namespace: key.namespace, name: key.name }));

  async function listStreams(namespace: string): Promise<Map<string, ImageStream>> {
    const byName = new Map<string, ImageStream>();
    let continueToken: string | undefined;
    do {
      const page = await call((callOptions) =>
        kube.list({ resource: 'imagestreams', namespace, limit: pageSize, continue: continueToken }, callOptions),
      );
      for (const stream of page.items) if (stream.metadata.name) byName.set(stream.metadata.name, stream);
      continueToken = page.metadata.continue || undefined;
    } while (continueToken);
    return byName;
  }

  async function loadStreamsOfNamespace(namespace: string, keys: NamespacedName[]): Promise<Array<ImageStream | Error>> {
    if (keys.length < options.listThreshold || unlistable.has(namespace)) return getStreams(keys);
    try {
      const byName = await listStreams(namespace);
      return keys.map((key) => byName.get(key.name) ?? notFoundError('imagestreams', key.name));
    } catch (error) {
      // A caller may be allowed to get streams but not to list them: fall back to GETs.
      if (!(error instanceof KubeApiError && error.httpStatus === 403)) throw error;
      unlistable.add(namespace);
      return getStreams(keys);
    }
  }

  const imageStream = new DataLoader<NamespacedName, ImageStream, string>(
    async (keys) => {
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
      return keys.map((key) => {
        const result = results.get(namespacedKey(key)) ?? new Error('stream not loaded');
        if (!(result instanceof Error)) recordImageStreamOrigins(result);
        return result;
      });
    },
    { cacheKeyFn: namespacedKey, maxBatchSize: 1000 },
  );

  const imageStreamImage = new DataLoader<NamespacedName, ImageStreamImage, string>(
    async (keys) => {
      const loaded = await getEach(keys, (key) => ({
        resource: 'imagestreamimages',
        namespace: key.namespace,
        name: key.name,
      }));
      for (const result of loaded) if (!(result instanceof Error)) recordImageOrigins(result, '@');
      return loaded;
    },
    { cacheKeyFn: namespacedKey },
  );

  const imageStreamTag = new DataLoader<NamespacedName, ImageStreamTag, string>(
    async (keys) => {
      const loaded = await getEach(keys, (key) => ({
        resource: 'imagestreamtags',
        namespace: key.namespace,
        name: key.name,
      }));
      for (const result of loaded) if (!(result instanceof Error)) recordImageOrigins(result, ':');
      return loaded;
    },
    { cacheKeyFn: namespacedKey },
  );

  const image = new DataLoader<string, Image>((names) => getEach(names, (name) => ({ resource: 'images', name })));

  async function imageStreamPage(namespace: string, pageLimit: number, continueToken?: string): Promise<ImageStreamList> {
    const page = await call((callOptions) =>
      kube.list({ resource: 'imagestreams', namespace, limit: pageLimit, continue: continueToken }, callOptions),
    );
    for (const stream of page.items) {
      recordImageStreamOrigins(stream);
      if (stream.metadata.name) imageStream.prime({ namespace, name: stream.metadata.name }, stream);
    }
    return page;
  }

  return { imageStream, imageStreamImage, imageStreamTag, image, imageStreamPage };
}
