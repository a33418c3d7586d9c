// Soak: the gateway in front of a misbehaving demo cluster, under many concurrent callers with
// different rights and a few hostile ones, for a fixed time. It answers four questions: does
// every caller only ever see what its token may see (the run fails otherwise), how fast are the
// answers, does the gateway stay responsive (/healthz probed from another process every 100 ms)
// and does the memory level off. Loopback only; stops by itself.
//
//   npm run soak                                   60 s, 100 clients
//   SOAK_SECONDS=10 SOAK_CLIENTS=20 npm run soak   shorter, fewer
//   SOAK_SEED=7 npm run soak                       another sequence of requests and faults
//   SOAK_UPSTREAM=inline npm run soak              the demo cluster in this process (as the first soak)
//   SOAK_FANOUT_CLIENTS=0 SOAK_DOUBLING_CLIENTS=0 SOAK_DRIP_SOCKETS=0 npm run soak   without hostile clients
//
// Hostile clients, mixed into the same run: a few clients sending fragment-doubling documents, a
// few sending maximal requests (every entry of a 2000-entry history, far past the call budget),
// 20 sockets dripping a request body a byte a second, and an upstream that now and then answers
// 64 MiB, ignores `limit` or repeats its `continue` token.
import 'reflect-metadata';
import { Pool } from 'undici';
import type { DemoFaults, InjectedFault } from '../src/demo/demo-cluster';
import { mulberry32 } from '../src/demo/seeded-random';
import { DEMO_TOKENS, DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN, VIEWER_TOKEN, type DemoToken } from '../src/demo/demo-tokens';
import { WIDE } from '../src/demo/sample-wide';
import type { ImageStreamList } from '../src/kube/types';
import { startBenchGateway } from './lib/gateway';
import {
  checkFanOut,
  codeOf,
  DOUBLING_QUERY,
  drip,
  FANOUT_TOKEN,
  GARBAGE_TOKEN,
  MAXIMAL_QUERY,
  MAXIMAL_VARIABLES,
  type DripResult,
  type GraphQLBody,
} from './lib/hostile';
import { epochNow, ProcessWatch, startHealthProbe } from './lib/probe';
import { boundedInteger, bump, choice, counts, mb, percentile, positiveInteger, signed, sleep, spread } from './lib/stats';
import { startUpstream } from './lib/upstream';

const SCRIPT = 'soak';
const SECONDS = positiveInteger(SCRIPT, 'SOAK_SECONDS', 60);
const CLIENTS = positiveInteger(SCRIPT, 'SOAK_CLIENTS', 100);
const SEED = positiveInteger(SCRIPT, 'SOAK_SEED', 42);
const UPSTREAM = choice(SCRIPT, 'SOAK_UPSTREAM', ['process', 'inline'] as const);
const FAULTS: DemoFaults = {
  errorRate: 0.05,
  hangRate: 0.01,
  spikeRate: 0.05,
  spikeMs: 200,
  oversizeRate: 0.002,
  ignoreLimitRate: 0.05,
  repeatContinueRate: 0.05,
  seed: SEED,
};
const UPSTREAM_TIMEOUT_MS = 2_000;
/** A client gives up on an answer after this long; the gateway's own deadline (30 s) comes first. */
const CLIENT_TIMEOUT_MS = 35_000;
/** Memory has levelled off when it grew less than this between the middle and the end. */
const LEVEL_OFF_GROWTH = 0.2;
const CALLER_TOKENS = [DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN, VIEWER_TOKEN];
const MISSING_DIGEST = `sha256:${'0'.repeat(64)}`;
/** History of the wide stream the maximal requests read. */
const WIDE_HISTORY = 2000;
/** Shares of the clients that are hostile (at least one of each unless set). */
const DOUBLING_CLIENTS = boundedInteger(SCRIPT, 'SOAK_DOUBLING_CLIENTS', Math.max(1, Math.round(CLIENTS * 0.03)), CLIENTS);
const FANOUT_CLIENTS = boundedInteger(SCRIPT, 'SOAK_FANOUT_CLIENTS', Math.max(1, Math.round(CLIENTS * 0.03)), CLIENTS);
/** A doubling client sends one document every this many ms. */
const DOUBLING_PACE_MS = 100;
const DRIP_SOCKETS = boundedInteger(SCRIPT, 'SOAK_DRIP_SOCKETS', 20, 100);
const DRIP_INTERVAL_MS = 1000;
const PROBE_INTERVAL_MS = 100;
/** /healthz answers slower than this count as slow; the goal is a p99 under it. */
const PROBE_GOAL_MS = 100;
/** Pages one imageStreams paging run reads at most. */
const MAX_PAGES = 8;
/** Names asked for in one streamsByName request: LIST_THRESHOLD (10), so that one LIST replaces the GETs. */
const BY_NAME_COUNT = 10;

type Kind = 'ok' | 'NOT_FOUND' | 'FORBIDDEN' | 'UPSTREAM_UNAVAILABLE' | 'LIMIT' | 'other';
const KINDS: readonly Kind[] = ['ok', 'NOT_FOUND', 'FORBIDDEN', 'UPSTREAM_UNAVAILABLE', 'LIMIT', 'other'];
/** Codes of the bounds on one request's upstream work and on one answer (errors.ts). */
const LIMIT_CODES = new Set(['UPSTREAM_CALL_LIMIT_EXCEEDED', 'UPSTREAM_BYTES_LIMIT_EXCEEDED', 'UPSTREAM_BODY_TOO_LARGE']);
type Operation = 'imageStream' | 'imageStreamImage' | 'navigation' | 'image' | 'REST imagestreamimages' | 'imageStreams (page)' | 'streamsByName';
/** Relative frequency of each operation in the mix (the first five as in the first soak). */
const MIX: ReadonlyArray<[Operation, number]> = [
  ['imageStream', 25],
  ['imageStreamImage', 20],
  ['navigation', 20],
  ['image', 10],
  ['REST imagestreamimages', 25],
  ['imageStreams (page)', 10],
  ['streamsByName', 5],
];

interface Stream {
  namespace: string;
  name: string;
  /** Tags with their history's image digests, newest first. */
  tags: Array<{ tag: string; images: string[] }>;
}

/** One request as sent: what it asked for, so that the answer can be checked against it. */
interface Request {
  operation: Operation;
  namespace?: string;
  name: string;
  stream?: string;
  tag?: string;
  /** imageStreams: the page size. */
  first?: number;
  /** streamsByName: the names asked for, real ones first. */
  names?: string[];
}

interface Outcome {
  kind: Kind;
  /** For `other`: the code or status seen; for UPSTREAM_UNAVAILABLE: why (timeout, the upstream's 503); for LIMIT: the code. */
  detail?: string;
  /** Problems found in the data of the answer; empty when it is right. */
  wrong: string[];
  /** Whether the answer carried data that was checked. */
  checked: boolean;
  /** Every error code in the answer (GraphQL), or the one of the Status (REST). */
  codes?: string[];
}

interface Tally {
  kinds: Record<Kind, number>;
  latencies: number[];
}

const QUERIES = {
  imageStream: 'query($ns: String!, $name: String!) { imageStream(namespace: $ns, name: $name) { metadata { name namespace uid } status { tags { tag } } } }',
  imageStreamImage:
    'query($ns: String!, $name: String!) { imageStreamImage(namespace: $ns, name: $name) { metadata { name namespace } image { metadata { name } dockerImageReference } } }',
  navigation:
    'query($ns: String!, $name: String!, $tag: String!) { imageStream(namespace: $ns, name: $name) { metadata { name namespace } tag(name: $tag) { items { image imageStreamImage { metadata { name namespace } imageStream { metadata { name namespace } } } } } } }',
  image: 'query($name: String!) { image(name: $name) { metadata { name } dockerImageReference } }',
  imageStreams:
    'query($ns: String!, $first: Int!, $after: String) { imageStreams(namespace: $ns, first: $first, after: $after) { edges { cursor node { metadata { name namespace } } } pageInfo { hasNextPage endCursor } } }',
} as const;

function byNameQuery(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `s${i}: imageStream(namespace: $ns, name: $n${i}) { metadata { name namespace } }`);
  return `query(${Array.from({ length: count }, (_, i) => `$n${i}: String!`).join(', ')}, $ns: String!) { ${fields.join(' ')} }`;
}
const BY_NAME_QUERY = byNameQuery(BY_NAME_COUNT);

const newTally = (): Tally => ({ kinds: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>, latencies: [] });

async function main(): Promise<void> {
  const hardStopSeconds = SECONDS + 120;
  const hardStop = setTimeout(() => {
    console.error(`soak: still running ${hardStopSeconds} s after it started; giving up`);
    process.exit(2);
  }, hardStopSeconds * 1000);
  hardStop.unref();

  const upstream = await startUpstream(
    UPSTREAM,
    { wide: { historyLength: WIDE_HISTORY }, tokens: [...DEMO_TOKENS, FANOUT_TOKEN], maxRecordedRequests: 100 },
    hardStopSeconds + 30,
  );
  const gateway = await startBenchGateway(upstream.url, { UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS), UPSTREAM_RETRIES: '2' });
  const { config, kube } = gateway;
  // The catalogue is read before the faults are switched on, so that it is complete.
  const all = await catalogue(kube);
  const streams = all.filter((s) => s.namespace !== WIDE.namespace);
  const wideHistory = all.find((s) => s.namespace === WIDE.namespace && s.name === WIDE.stream)?.tags.find((t) => t.tag === WIDE.tag)?.images ?? [];
  if (wideHistory.length !== WIDE_HISTORY) throw new Error(`the wide stream has ${wideHistory.length} entries, expected ${WIDE_HISTORY}`);
  await upstream.setFaults(FAULTS);

  const doublingClients = DOUBLING_CLIENTS;
  const fanoutClients = FANOUT_CLIENTS;
  const normalClients = Math.max(1, CLIENTS - doublingClients - fanoutClients);
  const client = new Pool(gateway.server.url, { connections: CLIENTS, headersTimeout: CLIENT_TIMEOUT_MS, bodyTimeout: CLIENT_TIMEOUT_MS });

  const tally = new Map<Operation, Tally>(MIX.map(([operation]) => [operation, newTally()]));
  const others = new Map<string, number>();
  const unavailable = new Map<string, number>();
  const limited = new Map<string, number>();
  /** Every error code in the normal mix's answers, not only the first of each. */
  const normalCodes = new Map<string, number>();
  const wrongs = new Map<string, number>();
  const paging = { runs: 0, complete: 0, loops: 0, refused: 0, failed: 0, cutOff: 0, pages: 0, fullPages: 0 };
  let checked = 0;
  let wrong = 0;
  const noteWrong = (user: string, problems: string[]): void => {
    if (problems.length === 0) return;
    wrong++;
    for (const problem of problems) bump(wrongs, `${user}: ${problem}`);
  };

  const watch = new ProcessWatch(500);
  const probe = await startHealthProbe(gateway.server.url, PROBE_INTERVAL_MS, hardStopSeconds);
  const memory = { start: watch.sample(), middle: 0, end: 0 };
  const started = performance.now();
  const startedAt = epochNow();
  const endAt = started + SECONDS * 1000;
  const middle = setTimeout(() => (memory.middle = watch.sample()), (SECONDS * 1000) / 2);

  async function runNormal(id: number): Promise<void> {
    const token = CALLER_TOKENS[id % CALLER_TOKENS.length]!;
    const rights = DEMO_TOKENS.find((t) => t.token === token)!;
    const random = mulberry32(SEED * 1000 + id);
    while (performance.now() < endAt) {
      const request = pick(random, streams, rights);
      if (request.operation === 'imageStreams (page)') {
        await pageThrough(request, token, rights);
        continue;
      }
      const sent = performance.now();
      const outcome = await send(client, token, request).catch(clientError);
      record(request.operation, rights, request, outcome, performance.now() - sent);
    }
  }

  function record(operation: Operation, rights: DemoToken, request: Request, outcome: Outcome, ms: number): void {
    const entry = tally.get(operation)!;
    entry.latencies.push(ms);
    entry.kinds[outcome.kind]++;
    if (outcome.kind === 'other') bump(others, outcome.detail ?? '?');
    if (outcome.kind === 'UPSTREAM_UNAVAILABLE') bump(unavailable, outcome.detail ?? '?');
    if (outcome.kind === 'LIMIT') bump(limited, outcome.detail ?? '?');
    for (const code of outcome.codes ?? []) bump(normalCodes, code);
    // A refusal of what the token may read is wrong as well, if not a leak.
    if (outcome.kind === 'FORBIDDEN' && mayRead(rights, request)) outcome.wrong.push('FORBIDDEN though the token may read it');
    if (outcome.checked) checked++;
    noteWrong(rights.user, outcome.wrong);
  }

  /** Pages through a namespace's streams, `first` at a time, for at most MAX_PAGES pages. */
  async function pageThrough(request: Request, token: string, rights: DemoToken): Promise<void> {
    paging.runs++;
    const namespace = request.namespace ?? '';
    const expected = new Set(streams.filter((s) => s.namespace === namespace).map((s) => s.name));
    const seen = new Set<string>();
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const sent = performance.now();
      const result = await sendPage(client, token, request, after).catch((error: unknown) => ({ outcome: clientError(error), names: [], next: undefined }));
      record('imageStreams (page)', rights, request, result.outcome, performance.now() - sent);
      if (result.outcome.kind !== 'ok') {
        if (result.outcome.kind === 'FORBIDDEN') paging.refused++;
        else paging.failed++;
        return;
      }
      paging.pages++;
      if (result.names.length === request.first) paging.fullPages++;
      if (result.names.some((name) => seen.has(name))) {
        // The upstream repeated a continue token (or restarted the list): a client paging on would loop.
        paging.loops++;
        return;
      }
      for (const name of result.names) seen.add(name);
      if (result.next === undefined) {
        const missing = [...expected].filter((name) => !seen.has(name));
        if (missing.length > 0) noteWrong(rights.user, [`paging ${namespace} ended without ${missing.join(', ')}`]);
        else paging.complete++;
        return;
      }
      after = result.next;
    }
    paging.cutOff++;
  }

  const doubling: Tally & { otherwise: Map<string, number> } = { ...newTally(), otherwise: new Map() };
  async function runDoubling(): Promise<void> {
    while (performance.now() < endAt) {
      const sent = performance.now();
      try {
        const response = await client.request({
          path: '/graphql',
          method: 'POST',
          headers: { authorization: `Bearer ${GARBAGE_TOKEN}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query: DOUBLING_QUERY }),
        });
        const body = (await response.body.json().catch(() => undefined)) as GraphQLBody | undefined;
        const code = body?.errors?.[0]?.extensions?.code;
        doubling.latencies.push(performance.now() - sent);
        if (response.statusCode === 400 && code === 'GRAPHQL_VALIDATION_FAILED' && !body?.data) doubling.kinds.ok++;
        else bump(doubling.otherwise, `HTTP ${response.statusCode} ${code ?? ''}`.trim());
      } catch (error) {
        doubling.latencies.push(performance.now() - sent);
        bump(doubling.otherwise, clientError(error).detail ?? '?');
      }
      await sleep(Math.max(0, DOUBLING_PACE_MS - (performance.now() - sent)));
    }
  }

  const fanout = { latencies: [] as number[], callLimited: 0, otherwise: new Map<string, number>(), resolved: [] as number[], codes: new Map<string, number>(), sentAt: [] as number[], finishedAt: [] as number[] };
  async function runFanOut(): Promise<void> {
    while (performance.now() < endAt) {
      const sent = performance.now();
      fanout.sentAt.push(epochNow());
      try {
        const response = await client.request({
          path: '/graphql',
          method: 'POST',
          headers: { authorization: `Bearer ${FANOUT_TOKEN.token}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query: MAXIMAL_QUERY, variables: MAXIMAL_VARIABLES }),
        });
        const body = (await response.body.json().catch(() => undefined)) as GraphQLBody | undefined;
        fanout.latencies.push(performance.now() - sent);
        fanout.finishedAt.push(epochNow());
        const check = checkFanOut(body, wideHistory, config.maxUpstreamCalls);
        for (const [code, n] of check.codes) bump(fanout.codes, code, n);
        fanout.resolved.push(check.resolved);
        noteWrong(FANOUT_TOKEN.user, check.wrong);
        if (check.partial && check.codes.has('UPSTREAM_CALL_LIMIT_EXCEEDED')) fanout.callLimited++;
        else bump(fanout.otherwise, check.partial ? 'partial, without the call limit' : `no history: ${[...check.codes.keys()].join(', ') || `HTTP ${response.statusCode}`}`);
      } catch (error) {
        fanout.latencies.push(performance.now() - sent);
        bump(fanout.otherwise, clientError(error).detail ?? '?');
      }
    }
  }

  // Drippers start in the first seconds; each is given the request timeout and some more.
  const dripMaxMs = config.httpRequestTimeoutMs + 10_000;
  const drips = Array.from({ length: DRIP_SOCKETS }, async (_, i): Promise<DripResult> => {
    await sleep(i * 100);
    return drip(gateway.server.url, DRIP_INTERVAL_MS, dripMaxMs);
  });

  await Promise.all([
    ...Array.from({ length: normalClients }, (_, id) => runNormal(id)),
    ...Array.from({ length: doublingClients }, () => runDoubling()),
    ...Array.from({ length: fanoutClients }, () => runFanOut()),
  ]);
  const clientsDone = epochNow();
  const elapsed = (performance.now() - started) / 1000;
  memory.end = watch.sample();
  clearTimeout(middle);
  const dripped = await Promise.all(drips);
  const samples = await probe.stop();
  watch.stop();
  const upstreamStats = await upstream.stats();
  const retries = kube.stats().retries;

  await client.close();
  await gateway.stop();
  await upstream.stop();

  const run = samples.filter((s) => s.at >= startedAt && s.at <= clientsDone);
  const probeMs = run.map((s) => s.ms);
  const slow = run.filter((s) => s.ms > PROBE_GOAL_MS);
  const probeFailures = new Map<string, number>();
  for (const sample of run) if (!sample.ok) bump(probeFailures, sample.error ?? 'failed');
  // A maximal request blocks the loop as its 2000 loads are dispatched (the first second after it
  // was sent) and as its errors are formatted (the last second before its answer came back).
  const nearFanOut = slow.filter(
    (s) => fanout.sentAt.some((t) => s.at >= t - 100 && s.at - t <= 1000) || fanout.finishedAt.some((t) => t >= s.at && t - s.at <= 1000),
  ).length;
  const peak = Math.max(watch.peak(), memory.end);
  const growth = memory.middle > 0 ? (memory.end - memory.middle) / memory.middle : NaN;

  const entries = [...tally.values()];
  const served = entries.reduce((sum, e) => sum + e.latencies.length, 0);
  const okCount = entries.reduce((sum, e) => sum + e.kinds.ok, 0);
  const lines: string[] = [];
  lines.push(
    `Soak: ${SECONDS} s, ${CLIENTS} clients — ${normalClients} in the mix (tokens demo-admin, developer, viewer in turn), ` +
      `${doublingClients} sending fragment-doubling documents, ${fanoutClients} sending maximal requests — and ${DRIP_SOCKETS} dripping sockets; seed ${SEED}; ` +
      `demo faults ${JSON.stringify({ ...FAULTS, seed: undefined })}, upstream timeout ${UPSTREAM_TIMEOUT_MS} ms, 2 retries, other settings the defaults; ` +
      `demo cluster ${UPSTREAM === 'process' ? 'in a child process' : 'in this process'}, /healthz probed every ${PROBE_INTERVAL_MS} ms from another process; Node ${process.version}.`,
    '',
    `| request | served | ${KINDS.join(' | ')} | p50 ms | p99 ms |`,
    `| --- | ---: | ${KINDS.map(() => '---:').join(' | ')} | ---: | ---: |`,
  );
  for (const [operation, entry] of tally) lines.push(row(operation, entry.kinds, entry.latencies));
  const totalKinds = Object.fromEntries(KINDS.map((k) => [k, entries.reduce((sum, e) => sum + e.kinds[k], 0)])) as Record<Kind, number>;
  lines.push(row('**all**', totalKinds, entries.flatMap((e) => e.latencies)));

  const dripClosed = dripped.filter((d) => d.closedByServer && d.status === 408);
  const dripOther = new Map<string, number>();
  for (const d of dripped) if (!(d.closedByServer && d.status === 408)) bump(dripOther, d.closedByServer ? `closed with ${d.status ?? 'no answer'}` : 'still open at its deadline');
  const dripSeconds = dripped.map((d) => d.ms / 1000).sort((a, b) => a - b);
  const doublingSorted = [...doubling.latencies].sort((a, b) => a - b);
  const fanoutSorted = [...fanout.latencies].sort((a, b) => a - b);
  lines.push(
    '',
    '| hostile client | clients | sent | answered as expected | otherwise | p50 | p99 |',
    '| --- | ---: | ---: | --- | --- | ---: | ---: |',
    `| fragment doubling, 30 levels, token \`${GARBAGE_TOKEN}\`, one per ${DOUBLING_PACE_MS} ms each | ${doublingClients} | ${doubling.latencies.length} | ` +
      `${doubling.kinds.ok}: 400 GRAPHQL_VALIDATION_FAILED | ${doubling.latencies.length - doubling.kinds.ok}${doubling.otherwise.size ? ` (${counts(doubling.otherwise)})` : ''} | ` +
      `${percentile(doublingSorted, 0.5)} ms | ${percentile(doublingSorted, 0.99)} ms |`,
    `| maximal fan-out: ${WIDE.namespace}/${WIDE.stream}:${WIDE.tag}, ${WIDE_HISTORY} entries, each \`imageStreamImage { image { dockerImageLayers { size } } }\` | ${fanoutClients} | ` +
      `${fanout.latencies.length} | ${fanout.callLimited}: partial data + UPSTREAM_CALL_LIMIT_EXCEEDED | ${fanout.latencies.length - fanout.callLimited}` +
      `${fanout.otherwise.size ? ` (${counts(fanout.otherwise)})` : ''} | ${percentile(fanoutSorted, 0.5)} ms | ${percentile(fanoutSorted, 0.99)} ms |`,
    `| dripping body, 1 byte per ${DRIP_INTERVAL_MS / 1000} s (HTTP_REQUEST_TIMEOUT_MS ${config.httpRequestTimeoutMs}) | ${DRIP_SOCKETS} sockets | ${dripped.length} | ` +
      `${dripClosed.length}: 408, then closed by the server | ${dripped.length - dripClosed.length}${dripOther.size ? ` (${counts(dripOther)})` : ''} | ` +
      `closed after ${dripSeconds.length ? dripSeconds[Math.floor(dripSeconds.length / 2)]!.toFixed(1) : '-'} s | max ${dripSeconds.length ? dripSeconds.at(-1)!.toFixed(1) : '-'} s |`,
  );

  const injected = upstreamStats.injected;
  const sumCodes = (code: string): number => (normalCodes.get(code) ?? 0) + (fanout.codes.get(code) ?? 0);
  const faultRow = (fault: InjectedFault, label: string, seen: string): string => `| ${label} | ${injected[fault]} | ${seen} |`;
  lines.push(
    '',
    '| upstream fault | injected | what the clients saw (error entries of GraphQL answers and REST Status codes, all clients) |',
    '| --- | ---: | --- |',
    faultRow('hang', `hang (${pct(FAULTS.hangRate)})`, `UPSTREAM_UNAVAILABLE (timeout) × ${sumCodes('UPSTREAM_UNAVAILABLE (timeout)')}`),
    faultRow('error', `503 (${pct(FAULTS.errorRate)})`, `retried; UPSTREAM_UNAVAILABLE (upstream 503) × ${sumCodes('UPSTREAM_UNAVAILABLE (upstream 503)')}`),
    faultRow('spike', `+${FAULTS.spikeMs} ms (${pct(FAULTS.spikeRate)})`, 'latency'),
    faultRow(
      'oversize',
      `200 padded to 64 MiB, chunked (${pct(FAULTS.oversizeRate)})`,
      `UPSTREAM_BODY_TOO_LARGE × ${sumCodes('UPSTREAM_BODY_TOO_LARGE')}, UPSTREAM_BYTES_LIMIT_EXCEEDED × ${sumCodes('UPSTREAM_BYTES_LIMIT_EXCEEDED')}, ` +
        `UPSTREAM_UNAVAILABLE (overloaded) × ${sumCodes('UPSTREAM_UNAVAILABLE (overloaded)')}; REST: ${counts(restLimits(limited))}`,
    ),
    faultRow(
      'ignoreLimit',
      `LIST ignores \`limit\` (${pct(FAULTS.ignoreLimitRate)} of LISTs with a limit)`,
      `${paging.pages} imageStreams pages checked, none longer than \`first\` (${paging.fullPages} exactly \`first\`)`,
    ),
    faultRow(
      'repeatContinue',
      `LIST repeats \`continue\` (${pct(FAULTS.repeatContinueRate)} of paged LISTs)`,
      `UPSTREAM_UNAVAILABLE (protocol) × ${sumCodes('UPSTREAM_UNAVAILABLE (protocol)')} (streamsByName's LIST); ` +
        `paging runs: ${paging.runs}: complete ${paging.complete}, looped ${paging.loops} (a page repeated earlier streams), FORBIDDEN ${paging.refused}, ` +
          `ended by another error ${paging.failed}, stopped at ${MAX_PAGES} pages ${paging.cutOff}`,
    ),
  );

  const loop = watch.loopDelay();
  lines.push(
    '',
    '| measure | value |',
    '| --- | --- |',
    `| requests served (mix) | ${served} (${Math.round(served / elapsed)}/s over ${elapsed.toFixed(1)} s) |`,
    `| upstream requests received by the demo cluster | ${upstreamStats.requests} (${retries} of them retries) |`,
    `| answers with data checked against the caller's rights | ${checked} (mix) + ${fanout.latencies.length} (fan-out) |`,
    `| **wrong answers** | **${wrong}** |`,
    `| /healthz every ${PROBE_INTERVAL_MS} ms: probes, p50 / p99 / max ms | ${run.length}, ${spread(probeMs)} |`,
    `| /healthz slower than ${PROBE_GOAL_MS} ms (of them due within 1 s after a maximal request was sent or before it was answered) / failed | ` +
      `${slow.length} (${nearFanOut}) / ${probeFailures.size ? counts(probeFailures) : 0} |`,
    `| event-loop delay of the gateway's process, p99 / max ms | ${loop.p99.toFixed(0)} / ${loop.max.toFixed(0)} |`,
    `| RSS start / middle / end (peak) | ${mb(memory.start)} / ${mb(memory.middle)} / ${mb(memory.end)} (${mb(peak)}) MB |`,
    `| memory levelled off (end vs middle < +${LEVEL_OFF_GROWTH * 100}%) | ${Number.isNaN(growth) ? 'n/a' : `${growth < LEVEL_OFF_GROWTH ? 'yes' : 'no'} (${signed(growth * 100)}%)`} |`,
    `| demo cluster RSS at the end | ${UPSTREAM === 'process' ? `${mb(upstreamStats.rss)} MB (its own process)` : 'in this process'} |`,
  );
  const resolved = [...fanout.resolved].sort((a, b) => a - b);
  lines.push(
    '',
    `Maximal requests: images per answer p50 ${percentile(resolved, 0.5)} (min ${resolved[0] ?? '-'}, max ${resolved.at(-1) ?? '-'}); ` +
      `error entries: ${counts(fanout.codes)}.`,
  );
  if (unavailable.size > 0) lines.push('', `UPSTREAM_UNAVAILABLE (mix, first error of each answer): ${counts(unavailable)}`);
  if (limited.size > 0) lines.push('', `LIMIT (mix): ${counts(limited)}`);
  if (others.size > 0) lines.push('', `other (mix): ${counts(others)}`);
  if (wrongs.size > 0) lines.push('', 'wrong answers:', ...[...wrongs].map(([problem, n]) => `- ${problem} × ${n}`));
  console.log(lines.join('\n'));

  if (wrong > 0) process.exitCode = 1;
  // A soak in which nothing succeeded measured nothing.
  if (okCount === 0) {
    console.error('soak: no request succeeded');
    process.exitCode = 1;
  }
}

function pct(rate: number | undefined): string {
  return `${+((rate ?? 0) * 100).toFixed(2)}%`;
}

/** The REST answers among the LIMIT details. */
function restLimits(limited: Map<string, number>): Map<string, number> {
  return new Map([...limited].filter(([detail]) => detail.startsWith('HTTP ')));
}

function clientError(error: unknown): Outcome {
  return { kind: 'other', detail: `client error ${(error as { code?: string }).code ?? String(error)}`, wrong: [], checked: false };
}

/** Every stream of every namespace, with its tags' history, read with the admin token. */
async function catalogue(kube: Awaited<ReturnType<typeof startBenchGateway>>['kube']): Promise<Stream[]> {
  const list = (await kube.getPath('/apis/image.openshift.io/v1/imagestreams', { auth: { kind: 'gateway' } })) as ImageStreamList;
  const streams = list.items.map((s) => ({
    namespace: s.metadata.namespace ?? '',
    name: s.metadata.name ?? '',
    tags: (s.status?.tags ?? []).map((t) => ({ tag: t.tag, images: (t.items ?? []).map((i) => i.image) })),
  }));
  if (streams.length === 0) throw new Error('the demo cluster has no image streams to ask for');
  return streams;
}

/**
 * The next request of a caller: mostly in the namespaces its token may read, a quarter of the
 * time anywhere (to be refused), with a few names that do not exist.
 */
function pick(random: () => number, streams: Stream[], rights: DemoToken): Request {
  const own = rights.namespaces === '*' ? streams : streams.filter((s) => (rights.namespaces as string[]).includes(s.namespace));
  const pool = own.length > 0 && random() < 0.75 ? own : streams;
  const stream = pool[Math.floor(random() * pool.length)]!;
  const tag = stream.tags.length > 0 ? stream.tags[Math.floor(random() * stream.tags.length)] : undefined;
  const image = tag && tag.images.length > 0 ? tag.images[Math.floor(random() * tag.images.length)]! : MISSING_DIGEST;
  const missing = random() < 0.05;
  const digest = missing ? MISSING_DIGEST : image;
  let weight = random() * MIX.reduce((sum, [, w]) => sum + w, 0);
  const operation = MIX.find(([, w]) => (weight -= w) < 0)?.[0] ?? 'imageStream';
  switch (operation) {
    case 'imageStream':
      return { operation, namespace: stream.namespace, name: missing ? 'no-such-stream' : stream.name };
    case 'navigation':
      return { operation, namespace: stream.namespace, name: stream.name, stream: stream.name, tag: tag?.tag ?? 'latest' };
    case 'image':
      return { operation, name: digest };
    case 'imageStreams (page)':
      return { operation, namespace: stream.namespace, name: '', first: 1 + Math.floor(random() * 3) };
    case 'streamsByName': {
      const real = streams.filter((s) => s.namespace === stream.namespace).map((s) => s.name);
      const names = [...real, ...Array.from({ length: BY_NAME_COUNT - real.length }, (_, i) => `no-such-stream-${i}`)].slice(0, BY_NAME_COUNT);
      return { operation, namespace: stream.namespace, name: '', names };
    }
    default:
      return { operation, namespace: stream.namespace, name: `${stream.name}@${digest}`, stream: stream.name };
  }
}

/** Whether the token may read what `request` asks for (the demo cluster's RBAC, demo-tokens.ts). */
function mayRead(rights: DemoToken, request: Request): boolean {
  if (request.operation === 'image') return rights.images;
  if (request.operation === 'imageStreams (page)') return rights.list && mayReadNamespace(rights, request.namespace ?? '');
  return mayReadNamespace(rights, request.namespace ?? '');
}

function mayReadNamespace(rights: DemoToken, namespace: string): boolean {
  return rights.namespaces === '*' || rights.namespaces.includes(namespace);
}

/** The kind of an answer from its first error's code. */
function kindOfCode(code: string): Kind {
  if (code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'UPSTREAM_UNAVAILABLE') return code;
  return LIMIT_CODES.has(code) ? 'LIMIT' : 'other';
}

function graphQLOutcome(status: number, body: GraphQLBody | undefined, hasData: boolean, wrong: string[], skip: (index: number) => boolean = () => false): Outcome {
  const errors = body?.errors ?? [];
  const codes = errors.map(codeOf);
  const first = errors.find((_, index) => !skip(index));
  const code = first?.extensions?.code;
  if (first !== undefined) {
    const kind = code === undefined ? 'other' : kindOfCode(code);
    const detail = kind === 'UPSTREAM_UNAVAILABLE' || kind === 'LIMIT' ? codeOf(first).replace(/^UPSTREAM_UNAVAILABLE \((.*)\)$/, '$1') : (code ?? `HTTP ${status} without a code`);
    return { kind, detail, wrong, checked: hasData, codes };
  }
  if (!hasData) return { kind: 'other', detail: `HTTP ${status}, ${body ? 'null without an error' : 'not JSON'}`, wrong, checked: false, codes };
  return { kind: 'ok', wrong, checked: true, codes };
}

const REST_REASONS: Array<[RegExp, string]> = [
  [/did not answer in time/, 'timeout'],
  [/cannot be reached/, 'unreachable'],
  [/cannot read/, 'protocol'],
  [/at its limit of upstream work/, 'overloaded'],
];

async function send(client: Pool, token: string, request: Request): Promise<Outcome> {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const rights = DEMO_TOKENS.find((t) => t.token === token)!;
  if (request.operation === 'REST imagestreamimages') {
    const path = `/apis/image.openshift.io/v1/namespaces/${request.namespace}/imagestreamimages/${encodeURIComponent(request.name)}`;
    const response = await client.request({ path, method: 'GET', headers });
    const body = (await response.body.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const status = response.statusCode;
    if (status !== 200) {
      const message = typeof body?.message === 'string' ? body.message : '';
      if ((status === 502 && /exceeded \d+ bytes/.test(message)) || (status === 429 && /^Upstream (byte|call) limit/.test(message))) {
        const code = status === 502 ? 'UPSTREAM_BODY_TOO_LARGE' : /byte/.test(message) ? 'UPSTREAM_BYTES_LIMIT_EXCEEDED' : 'UPSTREAM_CALL_LIMIT_EXCEEDED';
        return { kind: 'LIMIT', detail: `HTTP ${status} (${code})`, wrong: [], checked: false, codes: [code] };
      }
      const kind: Kind = status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : status === 503 || status === 504 || status === 429 ? 'UPSTREAM_UNAVAILABLE' : 'other';
      // The gateway answers 504 for a timed-out upstream call and passes the upstream's own 503/429 through.
      const reason = REST_REASONS.find(([pattern]) => pattern.test(message))?.[1];
      const detail = kind === 'UPSTREAM_UNAVAILABLE' ? (reason ?? `upstream ${status}`) : `HTTP ${status}`;
      return { kind, detail, wrong: [], checked: false, codes: kind === 'UPSTREAM_UNAVAILABLE' ? [`UPSTREAM_UNAVAILABLE (${detail})`] : [] };
    }
    return { kind: 'ok', wrong: checkData(rights, request, body), checked: true };
  }

  if (request.operation === 'streamsByName') {
    const names = request.names ?? [];
    const variables: Record<string, string> = { ns: request.namespace ?? '' };
    names.forEach((name, i) => (variables[`n${i}`] = name));
    const response = await postGraphQL(client, headers, BY_NAME_QUERY, variables);
    const body = response.body;
    const data = body?.data ?? undefined;
    const wrong: string[] = [];
    const fillerError = new Set<number>();
    names.forEach((name, i) => {
      const value = data?.[`s${i}`] as { metadata?: { name?: string; namespace?: string } } | null | undefined;
      const filler = name.startsWith('no-such-stream-');
      const notFound = (body?.errors ?? []).some((e) => e.path?.[0] === `s${i}` && e.extensions?.code === 'NOT_FOUND');
      if (!filler && notFound) wrong.push(`NOT_FOUND for the stream ${name}, which exists`);
      if (value) {
        if (filler) wrong.push(`data for the stream ${name}, which does not exist`);
        wrong.push(...checkData(rights, { operation: 'imageStream', namespace: request.namespace, name }, value));
      }
    });
    (body?.errors ?? []).forEach((error, index) => {
      const alias = String(error.path?.[0] ?? '');
      const asked = names[Number(alias.slice(1))];
      if (error.extensions?.code === 'NOT_FOUND' && asked?.startsWith('no-such-stream-')) fillerError.add(index);
    });
    const hasData = names.some((_, i) => Boolean(data?.[`s${i}`]));
    return graphQLOutcome(response.status, body, hasData || (body?.errors ?? []).length === fillerError.size, wrong, (index) => fillerError.has(index));
  }

  const variables =
    request.operation === 'image'
      ? { name: request.name }
      : request.operation === 'navigation'
        ? { ns: request.namespace, name: request.name, tag: request.tag }
        : { ns: request.namespace, name: request.name };
  const query = QUERIES[request.operation as 'imageStream' | 'imageStreamImage' | 'navigation' | 'image'];
  const response = await postGraphQL(client, headers, query, variables);
  const body = response.body;
  const root = request.operation === 'navigation' ? 'imageStream' : request.operation;
  const data = body?.data?.[root];
  // Data that came back is checked even when errors came with it (a partly failed navigation).
  const wrong = data ? checkData(rights, request, data) : [];
  return graphQLOutcome(response.status, body, Boolean(data), wrong);
}

async function postGraphQL(client: Pool, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody | undefined }> {
  const response = await client.request({
    path: '/graphql',
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json().catch(() => undefined)) as GraphQLBody | undefined;
  return { status: response.statusCode, body };
}

interface PageResult {
  outcome: Outcome;
  names: string[];
  /** The cursor to go on from, when the page says another follows. */
  next: string | undefined;
}

/** One page of imageStreams, checked: at most `first` edges, each a stream of the namespace asked, none twice. */
async function sendPage(client: Pool, token: string, request: Request, after: string | undefined): Promise<PageResult> {
  const rights = DEMO_TOKENS.find((t) => t.token === token)!;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const response = await postGraphQL(client, headers, QUERIES.imageStreams, { ns: request.namespace, first: request.first, ...(after ? { after } : {}) });
  const page = response.body?.data?.imageStreams as
    | { edges?: Array<{ cursor?: string; node?: { metadata?: { name?: string; namespace?: string } } }>; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } }
    | null
    | undefined;
  const wrong: string[] = [];
  const edges = page?.edges ?? [];
  if (page && edges.length > (request.first ?? 0)) wrong.push(`a page of ${edges.length} edges, first was ${request.first}`);
  const names: string[] = [];
  for (const edge of edges) {
    const meta = edge.node?.metadata;
    if (!mayReadNamespace(rights, meta?.namespace ?? '')) wrong.push(`data of namespace ${meta?.namespace}, outside the token's namespaces`);
    if (meta?.namespace !== request.namespace) wrong.push(`a stream of ${meta?.namespace} in a page of ${request.namespace}`);
    if (meta?.name && names.includes(meta.name)) wrong.push(`stream ${meta.name} twice in one page`);
    names.push(meta?.name ?? '');
  }
  if (page && !rights.list) wrong.push('a page of streams for a token that may not list');
  const outcome = graphQLOutcome(response.status, response.body, Boolean(page), wrong);
  const next = page?.pageInfo?.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
  return { outcome, names, next };
}

/**
 * What is wrong with `data` as an answer to `request` for a caller with `rights`: an object of a
 * namespace the token may not read, a cluster-scoped image without the right to images, or an
 * object other than the one asked for (what a cache shared between callers would produce).
 */
function checkData(rights: DemoToken, request: Request, data: unknown): string[] {
  const problems: string[] = [];
  if (request.operation === 'image' && !rights.images) problems.push('a cluster-scoped image without the images right');
  for (const namespace of namespacesIn(data)) {
    if (!mayReadNamespace(rights, namespace)) problems.push(`data of namespace ${namespace}, outside the token's namespaces`);
  }
  const meta = (data as { metadata?: { name?: string; namespace?: string } }).metadata;
  if (request.operation !== 'image' && meta?.namespace !== request.namespace) problems.push(`namespace ${meta?.namespace} asked ${request.namespace}`);
  if (meta?.name !== request.name) problems.push(`${request.operation} named ${meta?.name}, asked ${request.name}`);
  if (request.operation === 'navigation') {
    const items = (data as { tag?: { items?: Array<{ image: string; imageStreamImage?: { metadata: { name?: string } } | null }> } | null }).tag?.items ?? [];
    for (const item of items) {
      const name = item.imageStreamImage?.metadata.name;
      if (name !== undefined && name !== `${request.stream}@${item.image}`) problems.push(`history image named ${name}, expected ${request.stream}@${item.image}`);
    }
  }
  return problems;
}

/** Every `metadata.namespace` in a JSON value. */
function namespacesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) namespacesIn(item, found);
  else if (value && typeof value === 'object') {
    const namespace = (value as { metadata?: { namespace?: unknown } }).metadata?.namespace;
    if (typeof namespace === 'string' && namespace !== '') found.add(namespace);
    for (const child of Object.values(value)) namespacesIn(child, found);
  }
  return found;
}

function row(label: string, kinds: Record<Kind, number>, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `| ${label} | ${latencies.length} | ${KINDS.map((k) => kinds[k]).join(' | ')} | ${percentile(sorted, 0.5)} | ${percentile(sorted, 0.99)} |`;
}

main().catch((error: unknown) => {
  console.error('soak failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
