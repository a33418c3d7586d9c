// A KubeClient whose lists and watches a test scripts: each list answers the current streams
// (or a failure the test queued), each watch call takes the next script the test queued, so a
// test decides exactly what every upstream attempt meets. It records every call.
import type { CallOptions, KubeClient, ListRequest, ReadRequest, UpstreamBody, WatchEvent, WatchRequest } from '../../src/kube/kube-client';
import type { ImageStream } from '../../src/kube/types';
import { readByMethods } from './read-by-methods';

/** What one watch attempt does: fail before any event, or yield events and then end, fail, or stay open. */
export type WatchScript = { fail: Error } | { events: WatchEvent[]; then: 'end' | 'open' | { fail: Error } };

export class ScriptedWatchClient implements KubeClient {
  readonly server = 'http://scripted';
  readonly calls: string[] = [];
  streams: ImageStream[] = [];
  revision = 100;
  readonly listFailures: Error[] = [];
  /** Answers of the next lists, in order, before the current streams are answered. */
  readonly listAnswers: Array<{ revision: number; streams: ImageStream[] }> = [];
  readonly watchScripts: WatchScript[] = [];
  /** Each open watch's way to push an event or end. */
  readonly open = new Set<{ push(event: WatchEvent): void; end(): void }>();

  stream(name: string, resourceVersion: number, tags: Record<string, string[]>): ImageStream {
    return {
      metadata: { namespace: 'ns', name, resourceVersion: String(resourceVersion) },
      status: { dockerImageRepository: '', tags: Object.entries(tags).map(([tag, images]) => ({ tag, items: images.map((image) => ({ image, dockerImageReference: '', created: '', generation: 1 })) })) },
    } as ImageStream;
  }

  async get(): Promise<never> {
    throw new Error('not scripted');
  }

  async list(request: ListRequest): Promise<never> {
    this.calls.push(`list ${request.namespace}${request.resourceVersion ? ` at ${request.resourceVersion}` : ''}`);
    await Promise.resolve();
    const failure = this.listFailures.shift();
    if (failure) throw failure;
    const answer = this.listAnswers.shift() ?? { revision: this.revision, streams: this.streams };
    return { metadata: { resourceVersion: String(answer.revision) }, items: answer.streams } as never;
  }

  async getPath(): Promise<unknown> {
    return {};
  }

  read(request: ReadRequest, options: CallOptions): Promise<UpstreamBody> {
    return readByMethods(this, request, options);
  }

  watch(request: WatchRequest, options: CallOptions): AsyncIterable<WatchEvent> {
    this.calls.push(`watch ${request.namespace} from ${request.resourceVersion ?? ''}`);
    const script = this.watchScripts.shift() ?? { events: [], then: 'open' as const };
    const open = this.open;
    return {
      async *[Symbol.asyncIterator]() {
        await Promise.resolve();
        if ('fail' in script) throw script.fail;
        for (const event of script.events) yield event;
        if (script.then === 'end') return;
        if (script.then !== 'open') throw script.then.fail;
        const queued: WatchEvent[] = [];
        let wake: (() => void) | undefined;
        let ended = false;
        const handle = {
          push(event: WatchEvent) {
            queued.push(event);
            wake?.();
          },
          end() {
            ended = true;
            wake?.();
          },
        };
        open.add(handle);
        const abort = () => handle.end();
        options.signal?.addEventListener('abort', abort);
        try {
          for (;;) {
            while (queued.length > 0) yield queued.shift()!;
            if (ended || options.signal?.aborted) return;
            await new Promise<void>((resolve) => (wake = resolve));
          }
        } finally {
          open.delete(handle);
          options.signal?.removeEventListener('abort', abort);
        }
      },
    };
  }

  async close(): Promise<void> {}
}
