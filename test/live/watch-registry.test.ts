import type { ImageStreamChange } from '../../src/context';
import { KubeApiError, UpstreamUnavailableError } from '../../src/kube/errors';
import { WatchRegistry } from '../../src/live/watch-registry';
import type { Status } from '../../src/kube/types';
import { ScriptedWatchClient } from '../helpers/scripted-watch-client';
import { until } from '../helpers/until';

// The registry and its namespace watches in-process, against a client whose every upstream
// attempt the test scripts: the failures a real cluster rarely shows on demand.

const alice = { kind: 'bearer' as const, token: 'alice-token' };
const status = (code: number, reason: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message: reason });
const unreachable = () => new UpstreamUnavailableError('connection refused', 'unreachable');

function registryOver(kube: ScriptedWatchClient, overrides: Partial<ConstructorParameters<typeof WatchRegistry>[0]> = {}) {
  return new WatchRegistry({ kube, keySecret: Buffer.from('secret'), maxPerCaller: 10, maxTotal: 100, maxPendingEvents: 5, retries: 3, retryBaseMs: 1, ...overrides });
}

/** Pulls from `changes` in the background, collecting events and the error that ended them. */
function drain(changes: AsyncIterableIterator<ImageStreamChange>) {
  const seen: string[] = [];
  const result: { error?: unknown; done: boolean } = { done: false };
  void (async () => {
    try {
      for await (const change of changes) seen.push(`${change.type} ${change.imageStream.metadata.name} [${change.changedTags.join(',')}]`);
    } catch (error) {
      result.error = error;
    }
    result.done = true;
  })();
  return { seen, result };
}

const codeOf = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code ?? (error as Error).name;

test('an unreachable upstream is retried within the bound, then the subscription ends with the unavailability, and the watch is gone', async () => {
  const kube = new ScriptedWatchClient();
  kube.watchScripts.push({ fail: unreachable() }, { fail: unreachable() }, { fail: unreachable() }, { fail: unreachable() }, { fail: unreachable() });
  const registry = registryOver(kube);
  const { seen, result } = drain(registry.subscribe(alice, { namespace: 'ns' }));
  await until('the end', () => result.done);
  expect(result.error).toBeInstanceOf(UpstreamUnavailableError);
  expect(kube.calls).toEqual(['list ns', 'watch ns from 100', 'watch ns from 100', 'watch ns from 100', 'watch ns from 100']);
  expect(seen).toEqual([]);
  expect(registry.stats()).toEqual({ subscriptions: 0, watches: 0 });
});

test('a failure cured within the retries is not noticed: the watch resumes from the last revision and loses nothing', async () => {
  const kube = new ScriptedWatchClient();
  kube.streams = [kube.stream('a', 90, { latest: ['sha256:1'] })];
  kube.watchScripts.push(
    { events: [{ type: 'MODIFIED', object: kube.stream('a', 101, { latest: ['sha256:2', 'sha256:1'] }) as never }], then: { fail: unreachable() } },
    { fail: unreachable() },
    { events: [{ type: 'MODIFIED', object: kube.stream('a', 101, { latest: ['sha256:2', 'sha256:1'] }) as never }, { type: 'BOOKMARK', object: { metadata: { resourceVersion: '105' } } }], then: 'end' },
    { events: [{ type: 'MODIFIED', object: kube.stream('a', 106, { latest: ['sha256:2', 'sha256:1'], v2: ['sha256:3'] }) as never }], then: 'open' },
  );
  const registry = registryOver(kube);
  const changes = registry.subscribe(alice, { namespace: 'ns' });
  const { seen } = drain(changes);
  await until('two changes', () => seen.length === 2);
  // The repeated MODIFIED at 101 (a resumed watch may start with it) is not delivered twice.
  expect(seen).toEqual(['MODIFIED a [latest]', 'MODIFIED a [v2]']);
  expect(kube.calls).toEqual(['list ns', 'watch ns from 100', 'watch ns from 101', 'watch ns from 101', 'watch ns from 105']);
  await changes.return?.();
  expect(registry.stats()).toEqual({ subscriptions: 0, watches: 0 });
});

test('an HTTP 410 lists again and delivers only the differences: one MODIFIED, one ADDED, one DELETED', async () => {
  const kube = new ScriptedWatchClient();
  kube.streams = [kube.stream('a', 90, { latest: ['sha256:1'] }), kube.stream('b', 91, { v1: ['sha256:b'] }), kube.stream('c', 92, { v1: ['sha256:c'] })];
  kube.watchScripts.push({ fail: new KubeApiError(410, status(410, 'Expired')) });
  const registry = registryOver(kube);
  kube.listAnswers.push(
    { revision: 100, streams: kube.streams },
    { revision: 200, streams: [kube.stream('a', 150, { latest: ['sha256:2', 'sha256:1'] }), kube.stream('b', 91, { v1: ['sha256:b'] }), kube.stream('d', 160, { v1: ['sha256:d'] })] },
  );
  const { seen } = drain(registry.subscribe(alice, { namespace: 'ns' }));
  await until('three changes', () => seen.length === 3);
  expect(seen).toEqual(['MODIFIED a [latest]', 'DELETED c [v1]', 'ADDED d [v1]']);
  await until('the next watch', () => kube.calls.length === 4);
  expect(kube.calls).toEqual(['list ns', 'watch ns from 100', 'list ns', 'watch ns from 200']);
});

test('a 401 or 403 of the watch ends every subscription of it with UNAUTHENTICATED or FORBIDDEN, after the events before it', async () => {
  const kube = new ScriptedWatchClient();
  kube.streams = [kube.stream('a', 90, { latest: ['sha256:1'] })];
  kube.watchScripts.push({ events: [{ type: 'MODIFIED', object: kube.stream('a', 101, { latest: ['sha256:2', 'sha256:1'] }) as never }], then: { fail: new KubeApiError(401, status(401, 'Unauthorized')) } });
  const registry = registryOver(kube);
  const first = drain(registry.subscribe(alice, { namespace: 'ns' }));
  const second = drain(registry.subscribe(alice, { namespace: 'ns', name: 'a' }));
  await until('both ends', () => first.result.done && second.result.done);
  expect([first.seen, second.seen]).toEqual([['MODIFIED a [latest]'], ['MODIFIED a [latest]']]);
  expect([(first.result.error as KubeApiError).httpStatus, (second.result.error as KubeApiError).httpStatus]).toEqual([401, 401]);
  expect(kube.calls).toEqual(['list ns', 'watch ns from 100']);

  const refusing = new ScriptedWatchClient();
  refusing.listFailures.push(new KubeApiError(403, status(403, 'Forbidden')));
  const denied = drain(registryOver(refusing).subscribe(alice, { namespace: 'ns' }));
  await until('the refusal', () => denied.result.done);
  expect((denied.result.error as KubeApiError).httpStatus).toBe(403);
  expect(refusing.calls).toEqual(['list ns']);
});

test('an ERROR event with 410 Expired is answered like an HTTP 410', async () => {
  const kube = new ScriptedWatchClient();
  kube.streams = [kube.stream('a', 90, { latest: ['sha256:1'] })];
  kube.watchScripts.push({ events: [{ type: 'ERROR', object: status(410, 'Expired') as never }], then: 'open' });
  const registry = registryOver(kube);
  kube.listAnswers.push({ revision: 100, streams: kube.streams }, { revision: 120, streams: [kube.stream('a', 95, { latest: ['sha256:1'], new: ['sha256:9'] })] });
  const { seen } = drain(registry.subscribe(alice, { namespace: 'ns' }));
  await until('the change', () => seen.length === 1);
  expect(seen).toEqual(['MODIFIED a [new]']);
});

test('a client that does not read is dropped with SLOW_CONSUMER once MAX_PENDING_EVENTS wait; others on the watch go on', async () => {
  const kube = new ScriptedWatchClient();
  kube.streams = [kube.stream('a', 90, { latest: ['sha256:0'] })];
  const registry = registryOver(kube, { maxPendingEvents: 3 });
  const slow = registry.subscribe(alice, { namespace: 'ns' });
  const reader = drain(registry.subscribe(alice, { namespace: 'ns' }));
  await until('the open watch', () => kube.open.size === 1);
  const [watch] = [...kube.open];
  for (let i = 1; i <= 5; i++) watch!.push({ type: 'MODIFIED', object: kube.stream('a', 100 + i, { latest: [`sha256:${i}`] }) as never });
  await until('five changes read', () => reader.seen.length === 5);
  expect(registry.stats()).toEqual({ subscriptions: 1, watches: 1 });
  const failure = await slow.next().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(codeOf(failure)).toBe('SLOW_CONSUMER');
  expect((failure as Error).message).toBe(
    'the subscription was ended: more than 3 events waited to be sent to this client (MAX_PENDING_EVENTS); subscribe again from the resourceVersion of the last event received',
  );
});

test('a subscriber joining from a revision the watch has logged is served the changes after it, then the live ones', async () => {
  const kube = new ScriptedWatchClient();
  kube.streams = [kube.stream('a', 90, { latest: ['sha256:0'] }), kube.stream('b', 91, { latest: ['sha256:b'] })];
  const registry = registryOver(kube);
  const early = drain(registry.subscribe(alice, { namespace: 'ns' }));
  await until('the open watch', () => kube.open.size === 1);
  const [watch] = [...kube.open];
  watch!.push({ type: 'MODIFIED', object: kube.stream('a', 101, { latest: ['sha256:1', 'sha256:0'] }) as never });
  watch!.push({ type: 'MODIFIED', object: kube.stream('b', 102, { latest: ['sha256:c', 'sha256:b'] }) as never });
  await until('two changes', () => early.seen.length === 2);
  const late = drain(registry.subscribe(alice, { namespace: 'ns', resourceVersion: '101' }));
  await until('the logged change', () => late.seen.length === 1);
  watch!.push({ type: 'DELETED', object: kube.stream('a', 103, { latest: ['sha256:1', 'sha256:0'] }) as never });
  await until('the live change', () => late.seen.length === 2);
  expect(late.seen).toEqual(['MODIFIED b [latest]', 'DELETED a [latest]']);
  expect(kube.calls).toEqual(['list ns', 'watch ns from 100']);
});

test('a second caller never shares the first caller\'s watch', async () => {
  const kube = new ScriptedWatchClient();
  const registry = registryOver(kube);
  drain(registry.subscribe(alice, { namespace: 'ns' }));
  drain(registry.subscribe({ kind: 'bearer', token: 'bob-token' }, { namespace: 'ns' }));
  drain(registry.subscribe(alice, { namespace: 'ns' }));
  await until('two watches', () => kube.open.size === 2);
  expect(registry.stats()).toEqual({ subscriptions: 3, watches: 2 });
});
