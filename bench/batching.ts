// Batching benchmark: the BIG_STREAM history query (12 tags x 4 entries over 20 images, each
// entry's image layers asked for) behind an injected upstream latency, with the default calls in
// flight (UPSTREAM_CONCURRENCY) and with 1 (one call after another), to show that depth, not
// object count, sets the time. Loopback only; a fixed number of runs.
//
//   npm run bench:batching                 50 ms latency, 10 runs each
//   BENCH_LATENCY_MS=100 BENCH_RUNS=5 npm run bench:batching
import { loadConfig } from '../src/config';
import 'reflect-metadata';
import { BIG_STREAM } from '../src/demo/sample-data';
import { StreamHistoryLayersDocument } from '../test/generated/graphql';
import { startHarness } from '../test/helpers/gateway-harness';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

async function measure(concurrency: number): Promise<{ calls: number; medianMs: number; maxMs: number }> {
  const harness = await startHarness({ concurrency, demo: { faults: { latencyMs: LATENCY_MS } } });
  try {
    const times: number[] = [];
    let calls = 0;
    for (let run = 0; run < RUNS; run += 1) {
      harness.demo.resetRequests();
      const started = performance.now();
      const { body } = await harness.run(StreamHistoryLayersDocument, { namespace: BIG_STREAM.namespace, name: BIG_STREAM.name });
      times.push(performance.now() - started);
      if (body.errors) throw new Error(`the query failed: ${JSON.stringify(body.errors)}`);
      calls = harness.upstreamCalls().length;
    }
    times.sort((a, b) => a - b);
    return { calls, medianMs: times[Math.floor(times.length / 2)] ?? NaN, maxMs: times.at(-1) ?? NaN };
  } finally {
    await harness.stop();
  }
}

async function main(): Promise<void> {
  const sequentialFloor = (1 + BIG_STREAM.distinctImages) * LATENCY_MS;
  console.log(`BIG_STREAM history query, ${LATENCY_MS} ms upstream latency, ${RUNS} runs; one call after another would take >= ${sequentialFloor} ms\n`);
  console.log('| calls in flight (UPSTREAM_CONCURRENCY) | upstream calls | median ms | max ms |');
  console.log('| --- | --- | --- | --- |');
  // The default per-request bound, then one call after another.
  for (const concurrency of [loadConfig({}).upstreamConcurrency, 1]) {
    const { calls, medianMs, maxMs } = await measure(concurrency);
    console.log(`| ${concurrency} | ${calls} | ${medianMs.toFixed(0)} | ${maxMs.toFixed(0)} |`);
  }
}

void main();
