// The side-by-side benchmark: one ImageStreamImage read directly from the demo cluster, through
// the REST route and through GraphQL, the frontend page query and a query with no upstream call,
// at 0 and 5 ms of upstream latency, with the cache off and on; every rate also as a multiple of
// the direct GET measured in the same configuration, so machines can be compared. Then a memory
// phase of many distinct ISIs. Loopback only; fixed durations; stops by itself; exits 1 on a
// wrong answer or any error under load.
//
//   npm run bench                                        5 s per scenario, 10 connections, 60 s memory phase
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=20 npm run bench
//   BENCH_MEMORY_SECONDS=0 npm run bench                 no memory phase
//   BENCH_PROFILE=1 npm run bench                        the gateways under --cpu-prof; prints where the profiles are
//   BENCH_WRITE=1 npm run bench                          also records the section in bench/RESULTS.md
//   CACHE_TTL_SECONDS=30 npm run bench                   the TTL of the "cache on" runs (default: the gateway's)
import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_TOKENS } from '../src/demo/demo-tokens';
import { PAGE } from '../src/demo/sample-page';
import { BENCH_TOKEN, graphqlPost, isiGet, PAGE_QUERY, pageCheck, pageFloorOnce, readExpected, SCENARIOS, scenarios, sendOnce, type Expected, type Scenario } from './lib/bench-scenarios';
import { configurationName, problemsOf, renderReport, type CeilingResult, type ConfigurationResult, type ScenarioRow, type SingleRequests } from './lib/bench-report';
import { startCeiling } from './lib/ceiling';
import { forkBenchGateway } from './lib/gateway';
import { runLoad } from './lib/load';
import { memoryPhase, type MemoryResult } from './lib/memory-phase';
import { ProcessWatch } from './lib/probe';
import { replaceSection } from './lib/results-section';
import { boundedInteger, median, positiveInteger, sleep } from './lib/stats';
import { startUpstream, type Upstream } from './lib/upstream';

const SCRIPT = 'bench';
const SECONDS = positiveInteger(SCRIPT, 'BENCH_SECONDS', 5);
const CONNECTIONS = positiveInteger(SCRIPT, 'BENCH_CONNECTIONS', 10);
const MEMORY_SECONDS = boundedInteger(SCRIPT, 'BENCH_MEMORY_SECONDS', 60, 3600);
const PROFILE = process.env.BENCH_PROFILE === '1';
const WRITE = process.env.BENCH_WRITE === '1';
const WARMUP_SECONDS = 1;
const SEQUENTIAL_RUNS = 20;
/**
 * Untimed page queries over another namespace before the timed ones, for this long under 4
 * connections: a gateway that has served for a while has its code optimised (a few dozen queries
 * leave V8 interpreting much of it), while the timed namespace's data stays cold.
 */
const CODE_WARMUP_SECONDS = 3;
const CODE_WARMUP_CONNECTIONS = 4;
const WIDE_HISTORY = 5000;
const LATENCIES_MS = [0, 5];
const RESULTS_FILE = path.join(__dirname, '..', '..', 'bench', 'RESULTS.md');

// "Cache on" is the gateway's default TTL: the variable is left out, unless this shell sets one.
const cacheTtl = process.env.CACHE_TTL_SECONDS;
if (cacheTtl === '0') {
  console.error(`${SCRIPT}: CACHE_TTL_SECONDS=0 would turn the cache off in the "cache on" runs; unset it or give a TTL`);
  process.exit(2);
}
const CACHE_ON_ENV: Record<string, string> = cacheTtl ? { CACHE_TTL_SECONDS: cacheTtl } : {};
const CACHE_OFF_ENV: Record<string, string> = { CACHE_TTL_SECONDS: '0' };
/**
 * The memory phase fills the cache: a bound (16 MiB) below what the 5000 distinct answers take,
 * and a TTL longer than the phase, so entries leave by eviction only.
 */
const MEMORY_CACHE_MAX_BYTES = 16_777_216;
const MEMORY_ENV: Record<string, string> = { CACHE_TTL_SECONDS: '600', CACHE_MAX_BYTES: String(MEMORY_CACHE_MAX_BYTES) };
const settingsOf = (cache: boolean): string => (cache ? (cacheTtl ? `CACHE_TTL_SECONDS=${cacheTtl}` : 'CACHE_TTL_SECONDS unset: the default') : 'CACHE_TTL_SECONDS=0');

class WrongAnswer extends Error {}

function check(what: string, status: number, text: string, verdict: (status: number, text: string) => string | undefined): void {
  const wrong = verdict(status, text);
  if (wrong !== undefined) throw new WrongAnswer(`${what}: ${wrong}`);
}

async function upstreamCount(upstream: Upstream): Promise<number> {
  return (await upstream.stats()).requests;
}

/** One scenario: its first answer checked, an uncounted warm-up, then the measured run. */
async function measureScenario(upstream: Upstream, watch: ProcessWatch, scenario: Scenario, label: string): Promise<ScenarioRow> {
  const first = await sendOnce(scenario.target);
  check(`${label}, ${scenario.name}, first answer`, first.status, first.text, scenario.check);
  await runLoad(scenario.target, CONNECTIONS, WARMUP_SECONDS);
  const before = await upstreamCount(upstream);
  const load = await runLoad(scenario.target, CONNECTIONS, SECONDS);
  // Calls of the answers still in flight when the run stopped land now, not in the next run.
  await sleep(100);
  const after = await upstreamCount(upstream);
  return {
    scenario: scenario.name,
    load,
    upstreamPerRequest: scenario.against === 'upstream' ? 1 : (after - before) / Math.max(1, load.total),
    peakRss: watch.peak(load.from, load.to),
  };
}

/**
 * The page query one request at a time: wall time and upstream calls of each, then as many runs
 * of the floor (pageFloorOnce) under the same conditions.
 */
async function sequentialPage(upstream: Upstream, gatewayUrl: string, expected: Expected, cache: boolean, label: string): Promise<SingleRequests> {
  // The code warm, the data not: the same query over another namespace first.
  await runLoad(graphqlPost(gatewayUrl, PAGE_QUERY, { namespace: 'demo' }), CODE_WARMUP_CONNECTIONS, CODE_WARMUP_SECONDS);
  const target = graphqlPost(gatewayUrl, PAGE_QUERY, { namespace: PAGE.namespace });
  const verdict = pageCheck(expected);
  const once = async (): Promise<{ ms: number; calls: number }> => {
    const before = await upstreamCount(upstream);
    const answer = await sendOnce(target);
    const after = await upstreamCount(upstream);
    check(`${label}, page one at a time`, answer.status, answer.text, verdict);
    return { ms: answer.ms, calls: after - before };
  };
  const cold = cache ? await once() : undefined;
  const runs: Array<{ ms: number; calls: number }> = [];
  const floors: number[] = [];
  for (let i = 0; i < SEQUENTIAL_RUNS; i++) runs.push(await once());
  // After, not between: the garbage of a floor run (this process parses every answer) would be
  // collected during the next timed request.
  for (let i = 0; i < SEQUENTIAL_RUNS; i++) floors.push(await pageFloorOnce(upstream.url));
  const counts = runs.map((r) => r.calls);
  return {
    ...(cold ? { cold } : {}),
    medianMs: median(runs.map((r) => r.ms)),
    floorMs: median(floors),
    calls: { min: Math.min(...counts), max: Math.max(...counts) },
    runs: SEQUENTIAL_RUNS,
  };
}

function profileArgs(root: string | undefined, name: string): { execArgv: string[]; dir?: string } {
  if (!root) return { execArgv: [] };
  const dir = path.join(root, name.replace(/[^a-z0-9]+/gi, '-'));
  return { execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`], dir };
}

async function measureConfiguration(upstream: Upstream, expected: Expected, latencyMs: number, cache: boolean, profileRoot: string | undefined, maxSeconds: number): Promise<ConfigurationResult> {
  const label = configurationName({ latencyMs, cache });
  await upstream.setFaults({ latencyMs });
  const profile = profileArgs(profileRoot, label);
  const gateway = await forkBenchGateway(upstream.url, cache ? CACHE_ON_ENV : CACHE_OFF_ENV, maxSeconds, profile.execArgv);
  const watch = new ProcessWatch(250, gateway.pid);
  try {
    // Before any scenario, so that with the cache on the first request finds it empty.
    const single = await sequentialPage(upstream, gateway.url, expected, cache, label);
    const rows: ScenarioRow[] = [];
    for (const scenario of scenarios(upstream.url, gateway.url, expected)) rows.push(await measureScenario(upstream, watch, scenario, label));
    return { latencyMs, cache, settings: settingsOf(cache), rows, single };
  } finally {
    watch.stop();
    await gateway.stop();
  }
}

/** The direct GET at 0 ms, then the same request of a bare server answering its bytes from memory (./lib/ceiling-process). */
async function measureCeiling(upstream: Upstream, expected: Expected, maxSeconds: number): Promise<CeilingResult> {
  await upstream.setFaults({ latencyMs: 0 });
  const direct = isiGet(upstream.url, expected.isiPath);
  const answer = await sendOnce(direct);
  const ceiling = await startCeiling(answer.text, maxSeconds);
  try {
    const bare = isiGet(ceiling.url, expected.isiPath);
    const measured = async (target: typeof direct) => {
      await runLoad(target, CONNECTIONS, WARMUP_SECONDS);
      return runLoad(target, CONNECTIONS, SECONDS);
    };
    const directLoad = await measured(direct);
    const bareLoad = await measured(bare);
    return { directRps: directLoad.rps, ceilingRps: bareLoad.rps, problems: problemsOf({ load: bareLoad }) + problemsOf({ load: directLoad }) };
  } finally {
    ceiling.stop();
  }
}

async function runMemoryPhase(profileRoot: string | undefined, maxSeconds: number): Promise<MemoryResult> {
  const upstream = await startUpstream('process', { wide: { historyLength: WIDE_HISTORY }, tokens: [...DEMO_TOKENS, BENCH_TOKEN], maxRecordedRequests: 100 }, maxSeconds);
  try {
    const gateway = await forkBenchGateway(upstream.url, MEMORY_ENV, maxSeconds, ['--expose-gc', ...profileArgs(profileRoot, 'memory').execArgv]);
    try {
      return await memoryPhase(upstream, gateway, CONNECTIONS, MEMORY_SECONDS);
    } finally {
      await gateway.stop();
    }
  } finally {
    await upstream.stop();
  }
}

async function main(): Promise<void> {
  const configurations = LATENCIES_MS.flatMap((latencyMs) => [false, true].map((cache) => ({ latencyMs, cache })));
  const perConfiguration = 30 + CODE_WARMUP_SECONDS + (SCENARIOS.length * (WARMUP_SECONDS + SECONDS + 4));
  const maxSeconds = 60 + configurations.length * perConfiguration + 2 * (WARMUP_SECONDS + SECONDS + 4) + (MEMORY_SECONDS > 0 ? MEMORY_SECONDS + 60 : 0);
  const hardStop = setTimeout(() => {
    console.error(`${SCRIPT}: still running after ${maxSeconds} s; giving up`);
    process.exit(2);
  }, maxSeconds * 1000);
  hardStop.unref();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const profileRoot = PROFILE ? mkdtempSync(path.join(os.tmpdir(), 'imagestream-gateway-bench-profile-')) : undefined;

  const upstream = await startUpstream('process', { page: true, tokens: [...DEMO_TOKENS, BENCH_TOKEN], maxRecordedRequests: 100 }, maxSeconds);
  const results: ConfigurationResult[] = [];
  let ceiling: CeilingResult | undefined;
  const expected = await readExpected(upstream.url).catch(async (error: unknown) => {
    await upstream.stop();
    throw error;
  });
  try {
    for (const { latencyMs, cache } of configurations) {
      console.error(`${SCRIPT}: ${configurationName({ latencyMs, cache })} ...`);
      results.push(await measureConfiguration(upstream, expected, latencyMs, cache, profileRoot, maxSeconds));
    }
    console.error(`${SCRIPT}: the ceiling at 0 ms ...`);
    ceiling = await measureCeiling(upstream, expected, maxSeconds);
  } finally {
    await upstream.stop();
  }
  let memory: MemoryResult | undefined;
  if (MEMORY_SECONDS > 0) {
    console.error(`${SCRIPT}: memory phase, ${MEMORY_SECONDS} s ...`);
    memory = await runMemoryPhase(profileRoot, maxSeconds);
  }

  const notes = [
    `The cache setting (CACHE_TTL_SECONDS) is passed to the gateway whether or not this version reads it; a gateway without a cache answers alike in both.`,
    ...(PROFILE ? ['Gateways ran under `--cpu-prof`, which slows them: compare these numbers only with other profiled runs.'] : []),
  ];
  const report = renderReport(
    {
      date: new Date().toISOString().slice(0, 10),
      cores: os.cpus().length,
      node: process.version,
      loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
      seconds: SECONDS,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      isiName: expected.isiName,
      layers: expected.layers.length,
      pageTags: expected.page.length,
      pageImages: expected.pageImages,
      caller: `\`${BENCH_TOKEN.user}\` (namespaces ${(BENCH_TOKEN.namespaces as string[]).join(', ')}; no cluster-scoped images)`,
    },
    results,
    ceiling,
    memory ? { result: memory, settings: `CACHE_TTL_SECONDS=${MEMORY_ENV.CACHE_TTL_SECONDS} CACHE_MAX_BYTES=${MEMORY_CACHE_MAX_BYTES} (the cache fills, then evicts)` } : undefined,
    notes,
  );
  console.log(report);
  if (profileRoot) {
    const files = readdirSync(profileRoot, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cpuprofile'));
    console.error(`${SCRIPT}: ${files.length} CPU profiles under ${profileRoot}:\n${files.map((f) => `  ${path.join(profileRoot, f)}`).join('\n')}`);
  }
  if (WRITE) {
    writeFileSync(RESULTS_FILE, replaceSection(readFileSync(RESULTS_FILE, 'utf8'), report));
    console.error(`${SCRIPT}: recorded in ${RESULTS_FILE}`);
  }
  const problems = results.flatMap((c) => c.rows.filter((r) => problemsOf(r) > 0).map((r) => `${configurationName(c)}, ${r.scenario}`));
  if (ceiling && ceiling.problems > 0) problems.push('ceiling');
  if (memory && memory.load.errors + memory.load.non2xx + memory.load.mismatches > 0) problems.push('memory phase');
  if (problems.length > 0) {
    console.error(`${SCRIPT}: errors, non-2xx or wrong bodies under load in: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
}

main()
  .then(() => process.exit())
  .catch((error: unknown) => {
    console.error(`${SCRIPT} failed:`, error instanceof WrongAnswer ? `wrong answer: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
