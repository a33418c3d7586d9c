// The faults of an upstream that answers more than it was asked: an oversized body, a LIST that
// ignores `limit`, a LIST that repeats its `continue` token.
import * as http from 'node:http';
import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { DEFAULT_OVERSIZE_BYTES, FaultInjector, type DemoFaults } from '../../src/demo/demo-faults';
import { goJson } from '../../src/openshift/go-json';
import type { ImageStream, ImageStreamImage } from '../../src/demo/image-types';
import { encodeContinue, restartContinue } from '../../src/demo/list-paging';
import { PADDING_ANNOTATION } from '../../src/demo/oversize';
import { SAMPLE_DATA } from '../../src/demo/sample-data';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { body, IMAGE_API, isiPath, request } from './demo-client';

const ISI = isiPath('demo', 'ubuntu@sha256:ca013ac5');
const DEMO_STREAMS = `${IMAGE_API}/namespaces/demo/imagestreams`;
/** The demo namespace's streams in key order. */
const DEMO_NAMES = ['big', 'frontend', 'pending', 'ruby', 'ubuntu'];
const RV = SAMPLE_DATA.resourceVersion;

interface Page {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: ImageStream[];
}

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());
afterEach(() => {
  cluster.faults = {};
});

const names = (page: Page): string[] => page.items.map((stream) => stream.metadata.name);

/** Reads an answer counting its bytes without keeping them; `keep` bytes of the end are kept. */
function countBytes(path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; end: string }> {
  const url = new URL(cluster.url);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path, agent: false, headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } }, (res) => {
      let bytes = 0;
      let end = '';
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        end = (end + chunk.toString('latin1')).slice(-16);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, end }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

describe('oversizeRate', () => {
  it('pads a 200 answer to exactly oversizeBytes with one annotation, chunked, without a content-length', async () => {
    const normal = await request(cluster.url, ISI);
    cluster.faults = { oversizeRate: 1, oversizeBytes: 100_000 };
    const answer = await request(cluster.url, ISI);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    expect(answer.headers['content-type']).toBe('application/json');
    expect(Buffer.byteLength(answer.text)).toBe(100_000);
    const padded = body<ImageStreamImage>(answer);
    const padding = padded.metadata.annotations?.[PADDING_ANNOTATION] ?? '';
    const { [PADDING_ANNOTATION]: _padding, ...annotations } = padded.metadata.annotations ?? {};
    expect({ ...padded, metadata: { ...padded.metadata, annotations } }).toEqual(normal.json);
    // What is not padding is the normal answer with the annotation added last, so the padding is the rest.
    const withEmpty = goJson({ ...padded, metadata: { ...padded.metadata, annotations: { ...annotations, [PADDING_ANNOTATION]: '' } } });
    expect(padding).toBe('x'.repeat(100_000 - Buffer.byteLength(withEmpty)));
    expect(cluster.injected.oversize).toBe(1);
  });

  it('streams 64 MiB by default', async () => {
    expect(DEFAULT_OVERSIZE_BYTES).toBe(67_108_864);
    cluster.faults = { oversizeRate: 1 };
    const answer = await countBytes(ISI);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.bytes).toBe(67_108_864);
    expect(answer.end.endsWith('}\n')).toBe(true);
  });

  it("pads a list's first item only", async () => {
    cluster.faults = { oversizeRate: 1, oversizeBytes: 50_000 };
    const answer = await request(cluster.url, `${DEMO_STREAMS}?limit=2`);
    expect(Buffer.byteLength(answer.text)).toBe(50_000);
    const page = body<Page>(answer);
    expect(names(page)).toEqual(['big', 'frontend']);
    expect(page.items[0]?.metadata.annotations?.[PADDING_ANNOTATION]).toMatch(/^x+$/);
    expect(page.items[1]?.metadata.annotations?.[PADDING_ANNOTATION]).toBeUndefined();
  });

  it('leaves an answer already longer than oversizeBytes, and non-200 answers, as they are', async () => {
    cluster.faults = { oversizeRate: 1, oversizeBytes: 10 };
    const short = await request(cluster.url, ISI);
    expect(body<ImageStreamImage>(short).metadata.annotations?.[PADDING_ANNOTATION]).toBe('');
    const missing = await request(cluster.url, isiPath('demo', 'ubuntu@sha256:0000'));
    expect(missing.status).toBe(404);
    expect(missing.headers['content-length']).toBe(String(Buffer.byteLength(missing.text)));
    expect(body(missing).reason).toBe('NotFound');
  });

  it('stops streaming when the client goes away, and keeps serving', async () => {
    const before = cluster.injected.oversize;
    cluster.faults = { oversizeRate: 1 };
    const url = new URL(cluster.url);
    const firstChunk = await new Promise<number>((resolve, reject) => {
      const req = http.get({ host: url.hostname, port: url.port, path: ISI, agent: false, headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } }, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    });
    expect(firstChunk).toBeGreaterThan(0);
    expect(firstChunk).toBeLessThan(DEFAULT_OVERSIZE_BYTES);
    cluster.faults = {};
    const started = performance.now();
    expect((await request(cluster.url, ISI)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(500);
    expect(cluster.injected.oversize).toBe(before + 1);
  });
});

describe('ignoreLimitRate', () => {
  it('answers every item from where the page starts, whatever limit asked', async () => {
    cluster.faults = { ignoreLimitRate: 1 };
    const page = body<Page>(await request(cluster.url, `${DEMO_STREAMS}?limit=2`));
    expect(names(page)).toEqual(DEMO_NAMES);
    expect(page.metadata).toEqual({ resourceVersion: RV });
    const token = encodeContinue('demo/frontend', RV);
    const rest = body<Page>(await request(cluster.url, `${DEMO_STREAMS}?limit=1&continue=${token}`));
    expect(names(rest)).toEqual(['pending', 'ruby', 'ubuntu']);
    expect(cluster.injected.ignoreLimit).toBe(2);
  });

  it('counts only LISTs that asked for a limit', async () => {
    const before = cluster.injected.ignoreLimit;
    cluster.faults = { ignoreLimitRate: 1 };
    expect(names(body<Page>(await request(cluster.url, DEMO_STREAMS)))).toEqual(DEMO_NAMES);
    expect((await request(cluster.url, `${DEMO_STREAMS}/ruby`)).status).toBe(200);
    expect(cluster.injected.ignoreLimit).toBe(before);
  });
});

describe('repeatContinueRate', () => {
  it('hands out a token that restarts the list on a first page, so following it loops', async () => {
    cluster.faults = { repeatContinueRate: 1 };
    const first = body<Page>(await request(cluster.url, `${DEMO_STREAMS}?limit=2`));
    expect(names(first)).toEqual(['big', 'frontend']);
    const restart = restartContinue(RV);
    expect(restart).toBe(Buffer.from(`{"v":"meta.k8s.io/v1","rv":${RV},"start":"\\u0000"}`).toString('base64url'));
    expect(first.metadata).toEqual({ resourceVersion: RV, continue: restart, remainingItemCount: 3 });
    const again = body<Page>(await request(cluster.url, `${DEMO_STREAMS}?limit=2&continue=${restart}`));
    expect(names(again)).toEqual(['big', 'frontend']);
    expect(again.metadata.continue).toBe(restart);
  });

  it("echoes the request's own token, and adds one to a last page", async () => {
    const token = encodeContinue('demo/frontend', RV);
    cluster.faults = { repeatContinueRate: 1 };
    const echoed = body<Page>(await request(cluster.url, `${DEMO_STREAMS}?limit=2&continue=${token}`));
    expect(names(echoed)).toEqual(['pending', 'ruby']);
    expect(echoed.metadata.continue).toBe(token);
    const whole = body<Page>(await request(cluster.url, `${DEMO_STREAMS}?limit=10`));
    expect(names(whole)).toEqual(DEMO_NAMES);
    expect(whole.metadata).toEqual({ resourceVersion: RV, continue: restartContinue(RV) });
  });

  it('leaves gets and the unpaged imagestreamtags list alone', async () => {
    const before = cluster.injected.repeatContinue;
    cluster.faults = { repeatContinueRate: 1, ignoreLimitRate: 1 };
    expect(body(await request(cluster.url, `${DEMO_STREAMS}/ruby`)).metadata).not.toHaveProperty('continue');
    const tags = body<{ metadata: Record<string, unknown> }>(await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreamtags?limit=1`));
    expect(tags.metadata).toEqual({ resourceVersion: RV });
    expect(cluster.injected.repeatContinue).toBe(before);
  });
});

describe('seeded determinism of the new faults', () => {
  const decisions = (faults: DemoFaults, n = 12) => {
    const injector = new FaultInjector(() => faults);
    return Array.from({ length: n }, () => injector.decide());
  };

  it('draws the same decisions for the same seed, exactly', () => {
    const faults = { oversizeRate: 0.3, oversizeBytes: 1000, ignoreLimitRate: 0.5, repeatContinueRate: 0.5, seed: 11 };
    const first = decisions(faults);
    expect(decisions(faults)).toEqual(first);
    const short = (d: ReturnType<FaultInjector['decide']>): string =>
      `${d.oversizeBytes === undefined ? '-' : 'O'}${d.ignoreLimit ? 'L' : '-'}${d.repeatContinue ? 'C' : '-'}`;
    expect(first.map(short)).toEqual(EXPECTED_SEED_11);
    expect(first.every((d) => d.outcome === 'answer' && d.delayMs === 0 && !d.spiked)).toBe(true);
  });

  it('keeps the sequence of the older faults when the new rates are zero, and draws them only for answers', () => {
    const old = { errorRate: 0.3, hangRate: 0.2, spikeRate: 0.4, spikeMs: 5, seed: 3 };
    expect(decisions({ ...old, oversizeRate: 0, ignoreLimitRate: 0, repeatContinueRate: 0 }, 40)).toEqual(decisions(old, 40));
    const mixed = decisions({ ...old, oversizeRate: 1, ignoreLimitRate: 1, repeatContinueRate: 1 }, 40);
    for (const decision of mixed) {
      const answered = decision.outcome === 'answer';
      expect([decision.oversizeBytes !== undefined, decision.ignoreLimit, decision.repeatContinue]).toEqual([answered, answered, answered]);
    }
  });

  it('counts what a seeded cluster injects', async () => {
    const seeded = await startDemoCluster({ faults: { ignoreLimitRate: 0.5, repeatContinueRate: 0.5, seed: 11 } });
    try {
      for (let i = 0; i < 12; i++) expect((await request(seeded.url, `${DEMO_STREAMS}?limit=2`)).status).toBe(200);
      expect(seeded.requestCount).toBe(12);
      const expected = decisions({ ignoreLimitRate: 0.5, repeatContinueRate: 0.5, seed: 11 });
      expect(seeded.injected).toEqual({
        spike: 0,
        hang: 0,
        error: 0,
        rateLimit: 0,
        oversize: 0,
        ignoreLimit: expected.filter((d) => d.ignoreLimit).length,
        repeatContinue: expected.filter((d) => d.repeatContinue).length,
      });
      expect(seeded.injected).toEqual(EXPECTED_COUNTS_SEED_11);
    } finally {
      await seeded.stop();
    }
  });
});

// Filled from the first run of the seeded PRNG (mulberry32), so that a change to the order of
// draws shows.
const EXPECTED_SEED_11 = ['---', '---', 'O--', '-L-', '---', 'OLC', '-L-', 'O--', '---', '-L-', 'OL-', '-LC'];
const EXPECTED_COUNTS_SEED_11 = { spike: 0, hang: 0, error: 0, rateLimit: 0, oversize: 0, ignoreLimit: 5, repeatContinue: 5 };
