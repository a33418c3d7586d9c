import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import { KubeApiError, MissingCredentialsError, UpstreamUnavailableError } from '../kube/errors';
import { MAX_LIST_LIMIT, type CallerAuth, type CallOptions, type GetRequest, type KubeClient } from '../kube/kube-client';
import type {
  Image,
  ImageStream,
  ImageStreamImage,
  ImageStreamList,
  ImageStreamTag,
  Resource,
  ResourceTypes,
} from '../kube/types';
import type { FairLimiter } from '../upstream/fair-limiter';
import type { RequestBudget } from '../upstream/request-budget';
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
  /** The request's bound on upstream calls and bytes, counted as they happen. */
  budget?: RequestBudget;
  /** Shared by all requests of the process: calls in flight to the API server, fair between callers. */
  fair?: FairLimiter;
}

/** Pages the LIST that replaces GETs may read; past them, the streams not yet seen are read with GETs. */
export const MAX_LIST_PAGES = 10;

export interface Loaders {
  imageStream: DataLoader<NamespacedName, ImageStream, string>;
  imageStreamImage: DataLoader<NamespacedName, ImageStreamImage, string>;
  imageStreamTag: DataLoader<NamespacedName, ImageStreamTag, string>;
  image: DataLoader<string, Image>;
  /**
   * One page of at most `limit` (<= MAX_LIST_LIMIT) of a namespace's streams; each stream is also
   * primed into `imageStream`. `cut` says the upstream sent more than `limit` and the rest was dropped.
   */
  imageStreamPage(namespace: string, limit: number, continueToken?: string): Promise<{ list: ImageStreamList; cut: boolean }>;
  /** The API server's own answer to GET `path` (an absolute API path, sent as given), with the caller's credentials. */
  apiPath(path: string): Promise<unknown>;
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
  const pageSize = Math.min(options.listPageSize ?? MAX_LIST_LIMIT, MAX_LIST_LIMIT);
  const unlistable = new Set<string>();
  const { budget, fair, inflight } = options;
  const callerKey = auth instanceof MissingCredentialsError ? '' : credentialsKey(auth);

  /** One upstream call within both concurrency bounds: the request's own, and the process's fair one. */
  function send<T>(signal: AbortSignal | undefined, fetch: (callOptions: CallOptions) => Promise<T>): Promise<T> {
    if (auth instanceof MissingCredentialsError) return Promise.reject(auth);
    const callOptions: CallOptions = { auth, signal, deadline: options.deadline, meter: budget };
    return limit(() => (fair ? fair.run(callerKey, signal, () => fetch(callOptions)) : fetch(callOptions)));
  }

  /**
   * Counts a call against the request's budget, then runs `next` once the request may go on: at
   * once while it is light, after it has a heavy slot once it is heavy (RequestBudget.admission),
   * also when the call would only join one another request already has in flight.
   */
  function spend<T>(next: () => Promise<T>): Promise<T> {
    // No credentials: fail before any upstream call, never fall back to the gateway's own.
    if (auth instanceof MissingCredentialsError) return Promise.reject(auth);
    try {
      budget?.spendCall();
    } catch (error) {
      return Promise.reject(error);
    }
    const admission = budget?.admission();
    return admission ? admission.then(next) : next();
  }

  function call<T>(fetch: (callOptions: CallOptions) => Promise<T>): Promise<T> {
    return spend(() => send(options.signal, fetch));
  }

  function get<R extends Resource>(request: GetRequest<R>): Promise<ResourceTypes[R]['item']> {
    if (!inflight) return call((callOptions) => kube.get(request, callOptions));
    // JSON of the parts: no two different (resource, namespace, name) can make the same key.
    const key = JSON.stringify([callerKey, request.resource, request.namespace ?? null, request.name]);
    return spend(() => inflight.run(key, options.signal, (signal) => send(signal, (callOptions) => kube.get(request, callOptions))));
  }

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
      const page = await call((callOptions) =>
        kube.list({ resource: 'imagestreams', namespace, limit: pageSize, continue: continueToken }, callOptions),
      );
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

  async function imageStreamPage(namespace: string, pageLimit: number, continueToken?: string) {
    const limit = Math.min(pageLimit, MAX_LIST_LIMIT);
    const answer = await call((callOptions) =>
      kube.list({ resource: 'imagestreams', namespace, limit, continue: continueToken }, callOptions),
    );
    // A page that hands back the token it was asked with would have a client page for ever.
    if (continueToken && answer.metadata.continue === continueToken) {
      throw new UpstreamUnavailableError(`the API server answered a page of imagestreams of ${namespace} with the continue token it was asked with`, 'protocol');
    }
    // An upstream that ignores `limit` is held to it all the same: the rest is not looked at.
    const cut = answer.items.length > limit;
    const page = cut ? { ...answer, items: answer.items.slice(0, limit) } : answer;
    for (const stream of page.items) {
      recordImageStreamOrigins(stream);
      if (stream.metadata.name) imageStream.prime({ namespace, name: stream.metadata.name }, stream);
    }
    return { list: page, cut };
  }

  const apiPath = (path: string): Promise<unknown> => call((callOptions) => kube.getPath(path, callOptions));

  return { imageStream, imageStreamImage, imageStreamTag, image, imageStreamPage, apiPath };
}
