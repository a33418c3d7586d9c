import type { BatchingLoader } from '../../src/loaders/create-loaders';
import { testRequest, testServices } from '../helpers/test-session';
import { FakeKubeClient, stream } from './fake-kube-client';

const alice = { kind: 'bearer', token: 'alice-token' } as const;

describe('the onBatch observer of createLoaders', () => {
  test('is told each batch’s loader and number of distinct keys, once per batch, before its calls', async () => {
    const kube = new FakeKubeClient([stream('demo', 'ruby'), stream('demo', 'nginx'), stream('team-a', 'api')]);
    const batches: Array<[BatchingLoader, number, number]> = [];
    const { loaders } = testRequest(testServices(kube), alice, {
      listThreshold: 10,
      onBatch: (loader, size) => batches.push([loader, size, kube.calls.length]),
    });
    // Three streams (one asked twice) in one tick: one batch of three keys, across two namespaces.
    await Promise.all([
      loaders.imageStream.load({ namespace: 'demo', name: 'ruby' }),
      loaders.imageStream.load({ namespace: 'demo', name: 'ruby' }),
      loaders.imageStream.load({ namespace: 'demo', name: 'nginx' }),
      loaders.imageStream.load({ namespace: 'team-a', name: 'api' }),
    ]);
    await Promise.all([loaders.image.load('sha256:1'), loaders.image.load('sha256:2')].map((loaded) => loaded.catch(() => undefined)));
    await loaders.imageStreamTag.load({ namespace: 'demo', name: 'ruby:latest' }).catch(() => undefined);
    await loaders.imageStreamImage.load({ namespace: 'demo', name: 'ruby@sha256:1' }).catch(() => undefined);
    // Already loaded: the loader's own cache answers, and no batch runs.
    await loaders.imageStream.load({ namespace: 'demo', name: 'ruby' });
    expect(batches).toEqual([
      ['imageStream', 3, 0],
      ['image', 2, 3],
      ['imageStreamTag', 1, 5],
      ['imageStreamImage', 1, 6],
    ]);
  });

});
