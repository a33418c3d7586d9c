import { loadConfig } from '../src/config';
import { cacheOptionsOf } from '../src/server';

describe('cacheOptionsOf', () => {
  test('gives the default cache: 5 s for answers, 60 s for images, 64 MiB', () => {
    expect(cacheOptionsOf(loadConfig({}))).toEqual({ ttlMs: 5000, imageTtlMs: 60_000, maxBytes: 67_108_864 });
  });

  test('gives no cache at all when CACHE_TTL_SECONDS is 0', () => {
    expect(cacheOptionsOf(loadConfig({ CACHE_TTL_SECONDS: '0' }))).toBeUndefined();
  });

  test('reads the three settings in their units', () => {
    expect(cacheOptionsOf(loadConfig({ CACHE_TTL_SECONDS: '2', CACHE_IMAGE_TTL_SECONDS: '600', CACHE_MAX_BYTES: '2097152' }))).toEqual({
      ttlMs: 2000,
      imageTtlMs: 600_000,
      maxBytes: 2_097_152,
    });
  });
});
