// The Markdown `npm run bench` prints (and, with BENCH_WRITE=1, records in bench/RESULTS.md):
// one table per configuration, the ratios to a direct GET side by side, the page query one
// request at a time, and the memory phase.
import type { ScenarioName } from './bench-scenarios';
import type { LoadResult } from './load';
import type { MemoryResult } from './memory-phase';
import { mb } from './stats';

export interface ScenarioRow {
  scenario: ScenarioName;
  load: LoadResult;
  upstreamPerRequest: number;
  peakRss: number;
}

export interface SingleRequests {
  /** Cache on: the first page request after start, its cache cold. */
  cold?: { ms: number; calls: number };
  /** Median of the sequential requests (cold with the cache off, warm with it on). */
  medianMs: number;
  /** Median of as many floor measurements (pageFloorOnce), made just after those requests. */
  floorMs: number;
  /** Upstream calls per request over those requests: min and max. */
  calls: { min: number; max: number };
  runs: number;
}

export interface ConfigurationResult {
  latencyMs: number;
  cache: boolean;
  /** e.g. `CACHE_TTL_SECONDS=0`. */
  settings: string;
  rows: ScenarioRow[];
  single: SingleRequests;
}

export interface CeilingResult {
  /** The direct GET at 0 ms of upstream latency, measured just before the ceiling. */
  directRps: number;
  /** A bare node:http server answering the same bytes from memory (bench/lib/ceiling-process.ts). */
  ceilingRps: number;
  /** Errors, non-2xx and wrong bodies of both runs. */
  problems: number;
}

export interface ReportHeader {
  date: string;
  cores: number;
  node: string;
  /** 1-minute load average when the bench started and ended: other work on the machine skews every number. */
  loadAverage: { start: number; end: number };
  seconds: number;
  connections: number;
  warmupSeconds: number;
  isiName: string;
  layers: number;
  pageTags: number;
  pageImages: number;
  caller: string;
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '-');
const ratio = (value: number, direct: number): string => `${(value / direct).toFixed(2)}x`;
const calls = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));
export const configurationName = (c: Pick<ConfigurationResult, 'latencyMs' | 'cache'>): string => `upstream ${c.latencyMs} ms, cache ${c.cache ? 'on' : 'off'}`;

export function problemsOf(row: Pick<ScenarioRow, 'load'>): number {
  return row.load.errors + row.load.non2xx + row.load.mismatches;
}

function configurationTable(c: ConfigurationResult): string[] {
  const direct = c.rows.find((r) => r.scenario === 'direct')?.load.rps ?? NaN;
  const lines = [
    `### ${configurationName(c)} (${c.settings})`,
    '',
    '| scenario | req/s | vs direct | p50 ms | p99 ms | upstream calls / request | gateway peak RSS MB | errors / non-2xx / wrong body |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...c.rows.map(
      (r) =>
        `| ${r.scenario} | ${Math.round(r.load.rps)} | ${ratio(r.load.rps, direct)} | ${ms(r.load.p50Ms)} | ${ms(r.load.p99Ms)} | ${calls(r.upstreamPerRequest)} | ` +
        `${mb(r.peakRss)} | ${r.load.errors} / ${r.load.non2xx} / ${r.load.mismatches} |`,
    ),
    '',
  ];
  const s = c.single;
  const range = s.calls.min === s.calls.max ? calls(s.calls.min) : `${calls(s.calls.min)}-${calls(s.calls.max)}`;
  const floor = `The floor, measured just after (a bare client: the list, then one GET per distinct image at once, straight from the demo cluster): median ${ms(s.floorMs)} ms.`;
  lines.push(
    s.cold
      ? `Page query one request at a time: first request after start (cache cold) ${ms(s.cold.ms)} ms, ${s.cold.calls} upstream calls; then median of ${s.runs} ${ms(s.medianMs)} ms, ${range} upstream calls each. ${floor}`
      : `Page query one request at a time: median of ${s.runs} ${ms(s.medianMs)} ms, ${range} upstream calls each. ${floor}`,
    '',
  );
  return lines;
}

function ratioTable(configurations: ConfigurationResult[]): string[] {
  const scenarios = configurations[0]?.rows.map((r) => r.scenario).filter((s) => s !== 'direct') ?? [];
  const rps = (c: ConfigurationResult, s: ScenarioName): number => c.rows.find((r) => r.scenario === s)?.load.rps ?? NaN;
  return [
    '### req/s as a multiple of a direct GET of the ISI in the same configuration',
    '',
    `| scenario | ${configurations.map(configurationName).join(' | ')} |`,
    `| --- | ${configurations.map(() => '---:').join(' | ')} |`,
    `| direct req/s | ${configurations.map((c) => Math.round(rps(c, 'direct'))).join(' | ')} |`,
    ...scenarios.map((s) => `| ${s} | ${configurations.map((c) => ratio(rps(c, s), rps(c, 'direct'))).join(' | ')} |`),
    '',
  ];
}

function ceilingSection(c: CeilingResult): string[] {
  return [
    '### The ceiling at 0 ms',
    '',
    `A bare node:http server in a process of its own, answering every request with the ISI's bytes from memory (\`bench/lib/ceiling-process.ts\`): ` +
      `${Math.round(c.ceilingRps)} req/s, ${ratio(c.ceilingRps, c.directRps)} the direct GET at 0 ms measured just before it (${Math.round(c.directRps)} req/s). ` +
      'A gateway, a Node.js process that does this and more, cannot be faster at 0 ms on this machine.',
    '',
  ];
}

function memorySection(m: MemoryResult, settings: string): string[] {
  return [
    `### Memory: ${m.seconds} s of distinct ISIs through the REST route (cache on, ${settings})`,
    '',
    `${m.distinctNames} distinct names of wide/long@<digest> (a 5000-entry history) read round-robin; ${Math.round(m.load.rps)} req/s, ` +
      `p50 ${ms(m.load.p50Ms)} ms, p99 ${ms(m.load.p99Ms)} ms, ${calls(m.upstreamPerRequest)} upstream calls / request, errors / non-2xx / wrong body ${m.load.errors} / ${m.load.non2xx} / ${m.load.mismatches}.`,
    '',
    '| gateway | at 10 s | middle | end | peak |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| RSS MB | ${mb(m.at10)} | ${mb(m.middle)} | ${mb(m.end)} | ${mb(m.peak)} |`,
    `| heap in use after a full collection MB | ${mb(m.heapAfterGc.at10)} | ${mb(m.heapAfterGc.middle)} | ${mb(m.heapAfterGc.end)} | - |`,
    '',
    `Retained heap levelled off (end vs middle within +20%): **${m.levelledOff ? 'yes' : 'no'}** (${m.growth >= 0 ? '+' : ''}${m.growth.toFixed(1)}%). ` +
      'RSS also holds garbage V8 has not collected yet, so the retained heap (read with `--expose-gc` after a full collection) is what says whether memory levels off.',
    '',
  ];
}

export function renderReport(
  header: ReportHeader,
  configurations: ConfigurationResult[],
  ceiling: CeilingResult | undefined,
  memory: { result: MemoryResult; settings: string } | undefined,
  notes: string[],
): string {
  return [
    `## \`npm run bench\` (${header.date})`,
    '',
    `Machine: ${header.cores} cores, Node ${header.node}, load average (1 min) ${header.loadAverage.start.toFixed(1)} at the start and ` +
      `${header.loadAverage.end.toFixed(1)} at the end (the bench's own processes included). Each scenario: autocannon in the bench's process, ${header.connections} connections for ` +
      `${header.seconds} s after ${header.warmupSeconds} s of warm-up that is not counted; the demo cluster (namespace \`page\`) and the gateway each ` +
      `in a child process of their own, a fresh gateway per configuration, gateway defaults otherwise; caller ${header.caller}.`,
    '',
    `- **direct**: GET of the ISI \`page/${header.isiName}\` (${header.layers} layers) from the demo cluster; **rest**: the same path through the gateway; ` +
      '**graphql-isi**: the same ISI through POST /graphql (`metadata { name } image { dockerImageReference dockerImageLayers { name size } }`); ' +
      `**page**: \`imageStreams(namespace: "page", first: 20)\`, every tag's \`latest { imageStreamImage { image { dockerImageLayers { size } } } }\` ` +
      `(20 streams, ${header.pageTags} tags, ${header.pageImages} distinct images); **noop**: \`{ __typename }\`.`,
    '- The first answer of each scenario is compared with what the demo cluster serves; under load a body is "wrong" when it is not the expected kind of ' +
      'document or a GraphQL answer has `errors`. Upstream calls / request: the demo cluster\'s request count over the run / answers (1 for direct by definition); ' +
      'every connection asks the same thing as the same caller, so the gateway\'s sharing of identical calls in flight brings it below one call per upstream read. ' +
      'RSS: the gateway\'s process, sampled every 250 ms. Page one request at a time: after 3 s of untimed page queries against namespace `demo` under 4 connections (so the code is warm, not the data).',
    '- The gateway runs with NODE_ENV=production, as its image and manifests run it. Injected latency: each answer is written that long after its request reached the demo cluster.',
    ...notes.map((n) => `- ${n}`),
    '',
    ...ratioTable(configurations),
    ...configurations.flatMap(configurationTable),
    ...(ceiling ? ceilingSection(ceiling) : []),
    ...(memory ? memorySection(memory.result, memory.settings) : []),
  ].join('\n');
}
