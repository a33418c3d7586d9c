// A KubeClient over made-up data that misbehaves on request, for the bounded-work tests: streams
// with histories far longer than any estimate, lists that ignore `limit` or repeat their
// `continue` token. It records every call, so tests assert exact counts.
import type { CallOptions, GetRequest, KubeClient, ListRequest, ReadRequest, UpstreamBody } from '../../src/kube/kube-client';
import type { ImageStream, ImageStreamImage } from '../../src/kube/types';
import { notFoundError } from '../../src/loaders/not-found-status';
import { readByMethods } from './read-by-methods';

export interface HostileBehaviour {
  /** LIST answers hold every item, whatever `limit` asked. */
  ignoreLimit?: boolean;
  /** LIST answers always carry this continue token. */
  repeatContinue?: string;
  /** The tokens a TokenReview authenticates; absent: the client cannot review tokens. */
  validTokens?: readonly string[];
  /** A TokenReview fails with this error. */
  reviewFailure?: Error;
}

export const digestOf = (i: number): string => `sha256:${i.toString(16).padStart(64, '0')}`;

/** A stream whose one tag `latest` has `entries` history entries, each a distinct image. */
export function longHistoryStream(namespace: string, name: string, entries: number): ImageStream {
  const items = Array.from({ length: entries }, (_, i) => ({
    created: '2024-01-01T00:00:00Z',
    dockerImageReference: `registry.example/${name}@${digestOf(i)}`,
    image: digestOf(i),
    generation: 1,
  }));
  return { metadata: { namespace, name }, status: { dockerImageRepository: '', tags: [{ tag: 'latest', items }] } } as ImageStream;
}

export class HostileKubeClient implements KubeClient {
  readonly server = 'http://hostile';
  readonly calls: string[] = [];

  constructor(
    private readonly streams: ImageStream[],
    private readonly behaviour: HostileBehaviour = {},
  ) {}

  async get(request: GetRequest, _options: CallOptions): Promise<never> {
    this.calls.push(`get ${request.resource} ${request.namespace ?? ''}/${request.name}`);
    await Promise.resolve();
    if (request.resource === 'imagestreams') {
      const found = this.streams.find((s) => s.metadata.namespace === request.namespace && s.metadata.name === request.name);
      if (found) return found as never;
    }
    if (request.resource === 'imagestreamimages') {
      const isi: ImageStreamImage = {
        metadata: { namespace: request.namespace, name: request.name },
        image: { metadata: { name: request.name.split('@')[1] ?? '' }, dockerImageReference: '', dockerImageMetadata: {} },
      } as ImageStreamImage;
      return isi as never;
    }
    throw notFoundError(request.resource, request.name);
  }

  async list(request: ListRequest, _options: CallOptions): Promise<never> {
    this.calls.push(`list ${request.resource} ${request.namespace ?? ''} limit=${request.limit ?? ''} continue=${request.continue ?? ''}`);
    await Promise.resolve();
    const all = this.streams.filter((s) => s.metadata.namespace === request.namespace);
    const start = request.continue && !this.behaviour.repeatContinue ? Number(request.continue) : 0;
    const end = this.behaviour.ignoreLimit || request.limit === undefined ? all.length : start + request.limit;
    const next = this.behaviour.repeatContinue ?? (end < all.length ? String(end) : undefined);
    return { kind: 'ImageStreamList', apiVersion: 'image.openshift.io/v1', metadata: next ? { continue: next } : {}, items: all.slice(start, end) } as never;
  }

  async getPath(): Promise<unknown> {
    return {};
  }

  read(request: ReadRequest, options: CallOptions): Promise<UpstreamBody> {
    return readByMethods(this, request, options);
  }

  readonly reviewToken = async (token: string, options: CallOptions): Promise<boolean> => {
    this.calls.push(`review ${options.auth.kind}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.behaviour.reviewFailure) throw this.behaviour.reviewFailure;
    return (this.behaviour.validTokens ?? []).includes(token);
  };

  async close(): Promise<void> {}
}
