// The adapter's own cost: the page's 19 distinct ImageStreamImages read at once from the demo
// cluster (in a child process), through the adapter (src/kube/http-kube-client.ts) and with bare
// undici plus JSON.parse, alternating, in this one process. Prints the median wall time of a wave
// and this process's CPU per wave (all threads), each after untimed waves that warm the code.
//
//   npm run bench:adapter
//   BENCH_LATENCY_MS=5 npm run bench:adapter
import 'reflect-metadata';
import { Pool } from 'undici';
import { DEMO_ADMIN_TOKEN } from '../src/demo/demo-tokens';
import { PAGE } from '../src/demo/sample-page';
import { kubeConfigForServer } from '../src/kube/cluster-access';
import { createKubeClient } from '../src/kube/http-kube-client';
import type { ImageStream } from '../src/kube/types';
import { BENCH_TOKEN, distinctLatestImages, getJson, isiPathOf, PAGE_LIST_PATH } from './lib/bench-scenarios';
import { median, boundedInteger } from './lib/stats';
import { startUpstream } from './lib/upstream';

const SCRIPT = 'bench:adapter';
const LATENCY_MS = boundedInteger(SCRIPT, 'BENCH_LATENCY_MS', 0, 1000);
const WARM_WAVES = 1000;
const TIMED_WAVES = 500;
const ROUNDS = 2;

async function main(): Promise<void> {
  const upstream = await startUpstream('process', { tokens: [BENCH_TOKEN], page: true }, 600);
  const pool = new Pool(upstream.url, { connections: 64 });
  const kube = await createKubeClient(kubeConfigForServer(upstream.url, DEMO_ADMIN_TOKEN), { timeoutMs: 10_000 });
  try {
    const names = distinctLatestImages((await getJson<{ items: ImageStream[] }>(upstream.url, PAGE_LIST_PATH)).items);
    await upstream.setFaults({ latencyMs: LATENCY_MS });
    const headers = { authorization: `Bearer ${BENCH_TOKEN.token}` };
    const auth = { kind: 'bearer' as const, token: BENCH_TOKEN.token };
    const readers: Record<string, (name: string) => Promise<unknown>> = {
      bare: async (name) => JSON.parse(await (await pool.request({ path: isiPathOf(PAGE.namespace, name), method: 'GET', headers })).body.text()),
      adapter: (name) => kube.read({ verb: 'get', resource: 'imagestreamimages', namespace: PAGE.namespace, name }, { auth, signal: new AbortController().signal }),
    };
    const wave = (read: (name: string) => Promise<unknown>) => Promise.all(names.map(read));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [label, read] of Object.entries(readers)) {
        for (let i = 0; i < WARM_WAVES; i++) await wave(read);
        const times: number[] = [];
        const cpu = process.cpuUsage();
        for (let i = 0; i < TIMED_WAVES; i++) {
          const started = performance.now();
          await wave(read);
          times.push(performance.now() - started);
        }
        const used = process.cpuUsage(cpu);
        console.log(`round ${round}, ${label}: ${names.length} ISIs at once, ${LATENCY_MS} ms upstream: median ${median(times).toFixed(2)} ms, CPU ${((used.user + used.system) / TIMED_WAVES / 1000).toFixed(2)} ms per wave`);
      }
    }
  } finally {
    await pool.close();
    await kube.close();
    await upstream.stop();
  }
}

main()
  .then(() => process.exit())
  .catch((error: unknown) => {
    console.error(`${SCRIPT} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
