import { KubeApiError } from '../../src/kube/errors';
import type { CallOptions, GetRequest, KubeClient, ListRequest, ReadRequest, UpstreamBody } from '../../src/kube/kube-client';
import { notFoundError } from '../../src/loaders/not-found-status';
import type { ImageStream, Status } from '../../src/kube/types';
import { readByMethods } from '../helpers/read-by-methods';

export interface RecordedCall {
  verb: 'get' | 'list';
  resource: string;
  namespace?: string;
  name?: string;
  limit?: number;
  continue?: string;
  auth: CallOptions['auth'];
}


const forbidden: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'forbidden', reason: 'Forbidden', code: 403 };

/** A KubeClient over in-memory streams that records every call and the most calls in flight. */
export class FakeKubeClient implements KubeClient {
  readonly server = 'http://fake';
  readonly calls: RecordedCall[] = [];
  inFlight = 0;
  maxInFlight = 0;
  listForbidden = false;
  delayMs = 5;

  constructor(private readonly streams: ImageStream[]) {}

  private async track<T>(work: () => T): Promise<T> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      return work();
    } finally {
      this.inFlight -= 1;
    }
  }

  get(request: GetRequest, options: CallOptions): Promise<never> {
    this.calls.push({ verb: 'get', resource: request.resource, namespace: request.namespace, name: request.name, auth: options.auth });
    return this.track(() => {
      const found = this.streams.find((s) => s.metadata.namespace === request.namespace && s.metadata.name === request.name);
      if (request.resource === 'imagestreams' && found) return found as never;
      if (request.resource === 'imagestreamimages' && request.name.startsWith('ok')) {
        return { metadata: { namespace: request.namespace, name: request.name }, image: { metadata: { name: request.name } } } as never;
      }
      throw notFoundError(request.resource, request.name);
    });
  }

  list(request: ListRequest, options: CallOptions): Promise<never> {
    this.calls.push({ verb: 'list', resource: request.resource, namespace: request.namespace, limit: request.limit, continue: request.continue, auth: options.auth });
    return this.track(() => {
      if (this.listForbidden) throw new KubeApiError(403, forbidden);
      const all = this.streams.filter((s) => s.metadata.namespace === request.namespace);
      const start = request.continue ? Number(request.continue) : 0;
      const end = request.limit ? start + request.limit : all.length;
      return { metadata: end < all.length ? { continue: String(end) } : {}, items: all.slice(start, end) } as never;
    });
  }

  async getPath(): Promise<unknown> {
    return {};
  }

  read(request: ReadRequest, options: CallOptions): Promise<UpstreamBody> {
    return readByMethods(this, request, options);
  }

  async close(): Promise<void> {}
}

export const stream = (namespace: string, name: string): ImageStream => ({
  metadata: { namespace, name },
  status: { tags: [{ tag: 'latest', items: [{ created: '2024-01-01T00:00:00Z', dockerImageReference: `r/${name}@sha256:1`, image: 'sha256:1' }] }] },
});
