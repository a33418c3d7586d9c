// Fan-out bench: rounds of many maximal requests at once — every entry of a 2000-entry history
// read as an image, far past the call budget of one request — against the gateway with its
// default settings, while /healthz is probed every 100 ms from another process. It reports
// what each round cost: time, answers, upstream calls, peak RSS and probe latency. Loopback
// only; a fixed number of rounds; stops by itself.
//
//   npm run bench:fanout                                   5 rounds of 50 at once, history 2000
//   FANOUT_ROUNDS=2 FANOUT_REQUESTS=20 npm run bench:fanout
//   FANOUT_UPSTREAM=inline npm run bench:fanout            demo cluster in this process
//   FANOUT_CALLERS=distinct npm run bench:fanout           each request with a token of its own
//                                                          (no sharing of identical calls in flight)
//   FANOUT_GATEWAY_NODE_OPTIONS=--max-old-space-size=384 npm run bench:fanout   the gateway under a heap limit
//   FANOUT_GATEWAY=inline npm run bench:fanout             gateway in this process, with the clients
//                                                          (by default it runs in a child process)
import 'reflect-metadata';
import { Pool, request } from 'undici';
import { DEMO_ADMIN_TOKEN, DEMO_TOKENS, type DemoToken } from '../src/demo/demo-tokens';
import { WIDE } from '../src/demo/sample-wide';
import type { ImageStream } from '../src/kube/types';
import { forkBenchGateway, startBenchGateway } from './lib/gateway';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FANOUT_TOKEN, MAXIMAL_QUERY, MAXIMAL_VARIABLES, type FanOutCheck } from './lib/hostile';
import { epochNow, ProcessWatch, startHealthProbe, type ProbeSample } from './lib/probe';
import { bump, choice, counts, mb, positiveInteger, sleep, spread } from './lib/stats';
import { startUpstream } from './lib/upstream';

const SCRIPT = 'bench:fanout';
const ROUNDS = positiveInteger(SCRIPT, 'FANOUT_ROUNDS', 5);
const REQUESTS = positiveInteger(SCRIPT, 'FANOUT_REQUESTS', 50);
const HISTORY = positiveInteger(SCRIPT, 'FANOUT_HISTORY', 2000);
const UPSTREAM = choice(SCRIPT, 'FANOUT_UPSTREAM', ['process', 'inline'] as const);
/** `shared`: every request with FANOUT_TOKEN, so identical GETs in flight are shared; `distinct`: a user per request. */
const CALLERS = choice(SCRIPT, 'FANOUT_CALLERS', ['shared', 'distinct'] as const);
/** `process`: the gateway in a child process, as deployed (its RSS is its own); `inline`: in this one, with the clients. */
const GATEWAY = choice(SCRIPT, 'FANOUT_GATEWAY', ['process', 'inline'] as const);
/** Node options of the gateway process (`--max-old-space-size=384`, as a container's memory limit would set it). */
const GATEWAY_NODE_OPTIONS = (process.env.FANOUT_GATEWAY_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
/** A client gives up on an answer after this long; the gateway's deadline (30 s) comes first. */
const CLIENT_TIMEOUT_MS = 60_000;
const PROBE_INTERVAL_MS = 100;
const IDLE_MS = 2000;

interface Round {
  from: number;
  to: number;
  latencies: number[];
  partial: number;
  callLimited: number;
  resolved: number[];
  codes: Map<string, number>;
  statuses: Map<string, number>;
  wrong: string[];
  upstreamCalls: number;
  responseBytes: number[];
}

/** The answers' checks, on a worker thread (./lib/check-worker), off the gateway's event loop. */
function startChecker() {
  const worker = new Worker(join(__dirname, 'lib', 'check-worker.js'));
  const pending = new Map<number, (check: FanOutCheck) => void>();
  let next = 0;
  worker.on('message', ({ id, check }: { id: number; check: Omit<FanOutCheck, 'codes'> & { codes: Array<[string, number]> } }) => {
    pending.get(id)?.({ ...check, codes: new Map(check.codes) });
    pending.delete(id);
  });
  return {
    check(text: string, history: readonly string[], maxCalls: number): Promise<FanOutCheck> {
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, text, history, maxCalls });
      });
    },
    stop: () => worker.terminate(),
  };
}

async function main(): Promise<void> {
  const maxSeconds = 120 + ROUNDS * 90;
  const hardStop = setTimeout(() => {
    console.error(`${SCRIPT}: still running after ${maxSeconds} s; giving up`);
    process.exit(2);
  }, maxSeconds * 1000);
  hardStop.unref();

  const callers: DemoToken[] =
    CALLERS === 'shared' ? [FANOUT_TOKEN] : Array.from({ length: REQUESTS }, (_, i) => ({ ...FANOUT_TOKEN, token: `${FANOUT_TOKEN.token}-${i}`, user: `${FANOUT_TOKEN.user}-${i}` }));
  const upstream = await startUpstream(UPSTREAM, { wide: { historyLength: HISTORY }, tokens: [...DEMO_TOKENS, ...callers], maxRecordedRequests: 100 }, maxSeconds);
  const gateway =
    GATEWAY === 'process'
      ? await forkBenchGateway(upstream.url, {}, maxSeconds, GATEWAY_NODE_OPTIONS)
      : await startBenchGateway(upstream.url).then((inline) => ({ config: inline.config, url: inline.server.url, pid: undefined, stop: () => inline.stop() }));
  const read = await request(`${upstream.url}/apis/image.openshift.io/v1/namespaces/${WIDE.namespace}/imagestreams/${WIDE.stream}`, {
    headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
  });
  const stream = (await read.body.json()) as ImageStream;
  const history = (stream.status?.tags?.find((t) => t.tag === WIDE.tag)?.items ?? []).map((item) => item.image);
  if (history.length !== HISTORY) throw new Error(`the wide stream has ${history.length} entries, expected ${HISTORY}`);
  const maxCalls = gateway.config.maxUpstreamCalls;

  const checker = startChecker();
  const client = new Pool(gateway.url, { connections: REQUESTS, headersTimeout: CLIENT_TIMEOUT_MS, bodyTimeout: CLIENT_TIMEOUT_MS });
  // The gateway's RSS (its own process's, or this one's when inline); the event-loop delay is this process's.
  const watch = new ProcessWatch(100, gateway.pid);
  const probe = await startHealthProbe(gateway.url, PROBE_INTERVAL_MS, maxSeconds);
  const rssStart = watch.sample();
  const idleFrom = epochNow();
  await sleep(IDLE_MS);
  const idleTo = epochNow();

  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const before = (await upstream.stats()).requests;
    const round: Round = {
      from: epochNow(),
      to: 0,
      latencies: [],
      partial: 0,
      callLimited: 0,
      resolved: [],
      codes: new Map(),
      statuses: new Map(),
      wrong: [],
      upstreamCalls: 0,
      responseBytes: [],
    };
    await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const token = callers[i % callers.length]!.token;
        const sent = performance.now();
        try {
          const response = await client.request({
            path: '/graphql',
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ query: MAXIMAL_QUERY, variables: MAXIMAL_VARIABLES }),
          });
          const text = await response.body.text();
          round.latencies.push(performance.now() - sent);
          round.responseBytes.push(Buffer.byteLength(text));
          bump(round.statuses, `HTTP ${response.statusCode}`);
          const check = await checker.check(text, history, maxCalls);
          round.resolved.push(check.resolved);
          if (check.partial) round.partial++;
          if (check.partial && check.codes.has('UPSTREAM_CALL_LIMIT_EXCEEDED')) round.callLimited++;
          for (const [code, n] of check.codes) bump(round.codes, code, n);
          round.wrong.push(...check.wrong);
        } catch (error) {
          round.latencies.push(performance.now() - sent);
          bump(round.statuses, `client error ${(error as { code?: string }).code ?? String(error)}`);
        }
      }),
    );
    round.to = epochNow();
    round.upstreamCalls = (await upstream.stats()).requests - before;
    rounds.push(round);
    // Let the round's garbage go before the next, so that rounds are alike.
    await sleep(1000);
  }
  const samples = await probe.stop();
  watch.stop();
  const upstreamStats = await upstream.stats();
  await client.close();
  await checker.stop();
  await gateway.stop();
  await upstream.stop();

  const within = (from: number, to: number): ProbeSample[] => samples.filter((s) => s.at >= from && s.at <= to);
  const probeCell = (list: ProbeSample[]): string => {
    const failed = new Map<string, number>();
    for (const sample of list) if (!sample.ok) bump(failed, sample.error ?? 'failed');
    return `${spread(list.map((s) => s.ms))}${failed.size > 0 ? ` (failed: ${counts(failed)})` : ''}`;
  };
  const lines: string[] = [];
  lines.push(
    `Fan-out: ${ROUNDS} rounds of ${REQUESTS} maximal requests at once (every entry of ${WIDE.namespace}/${WIDE.stream}:${WIDE.tag}, ${HISTORY} entries, ` +
      `read as \`imageStreamImage { image { dockerImageLayers { size } } }\`), gateway defaults (MAX_UPSTREAM_CALLS ${maxCalls}, ` +
      `UPSTREAM_CONCURRENCY ${gateway.config.upstreamConcurrency}, UPSTREAM_MAX_IN_FLIGHT ${gateway.config.upstreamMaxInFlight}); ` +
      `${CALLERS === 'shared' ? 'one token for all (identical calls in flight are shared)' : 'a token per request'}; ` +
      `gateway ${GATEWAY === 'process' ? `in a child process${GATEWAY_NODE_OPTIONS.length ? ` (node ${GATEWAY_NODE_OPTIONS.join(' ')})` : ''}, its RSS its own` : 'in this process, with the clients (RSS is both)'}, ` +
      `demo cluster ${UPSTREAM === 'process' ? 'in a child process' : 'in this process'}, /healthz probed every ${PROBE_INTERVAL_MS} ms from another process; Node ${process.version}.`,
    '',
    '| round | wall ms | answer p50 / p99 / max ms | partial + UPSTREAM_CALL_LIMIT_EXCEEDED | images per answer (min-max) | upstream calls | answer KB (max) | peak RSS MB | /healthz p50 / p99 / max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  lines.push(`| idle | - | - | - | - | - | - | ${mb(watch.peak(idleFrom, idleTo))} | ${probeCell(within(idleFrom, idleTo))} |`);
  rounds.forEach((round, index) => {
    const resolved = [...round.resolved].sort((a, b) => a - b);
    lines.push(
      `| ${index + 1} | ${Math.round(round.to - round.from)} | ${spread(round.latencies)} | ${round.callLimited} of ${REQUESTS} | ` +
        `${resolved.length ? `${resolved[0]}-${resolved.at(-1)}` : '-'} | ${round.upstreamCalls} | ${Math.round(Math.max(0, ...round.responseBytes) / 1024)} | ` +
        `${mb(watch.peak(round.from, round.to))} | ${probeCell(within(round.from, round.to))} |`,
    );
  });
  const all = within(rounds[0]?.from ?? 0, rounds.at(-1)?.to ?? 0);
  const wrong = rounds.flatMap((r) => r.wrong);
  const codes = new Map<string, number>();
  const statuses = new Map<string, number>();
  for (const round of rounds) {
    for (const [code, n] of round.codes) bump(codes, code, n);
    for (const [status, n] of round.statuses) bump(statuses, status, n);
  }
  lines.push(
    '',
    '| measure | value |',
    '| --- | --- |',
    `| answers | ${counts(statuses)} |`,
    `| error codes in the answers | ${counts(codes)} |`,
    `| upstream requests received by the demo cluster | ${upstreamStats.requests} |`,
    `| **wrong answers** | **${wrong.length}** |`,
    `| gateway RSS start / end (peak during the rounds) | ${mb(rssStart)} / ${mb(watch.samples.at(-1)?.rss ?? 0)} (${mb(watch.peak(rounds[0]?.from, rounds.at(-1)?.to))}) MB |`,
    `| demo cluster RSS at the end | ${UPSTREAM === 'process' ? `${mb(upstreamStats.rss)} MB` : 'in this process'} |`,
    `| /healthz during the rounds: probes, p50 / p99 / max ms | ${all.length}, ${probeCell(all)} |`,
    `| event-loop delay of ${GATEWAY === 'process' ? 'the clients\' process' : 'this process (gateway and clients)'}, p99 / max ms | ${watch.loopDelay().p99.toFixed(0)} / ${watch.loopDelay().max.toFixed(0)} |`,
  );
  if (wrong.length > 0) lines.push('', 'wrong answers:', ...[...new Set(wrong)].slice(0, 20).map((w) => `- ${w}`));
  console.log(lines.join('\n'));
  if (wrong.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
