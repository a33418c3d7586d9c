// The memory phase of `npm run bench`: many distinct ImageStreamImages through the REST route,
// round-robin over a long history, so that a cache that keeps everything shows as RSS that keeps
// growing; a bounded one levels off.
import { WIDE } from '../../src/demo/sample-wide';
import type { ImageStream, ImageStreamImage } from '../../src/kube/types';
import { getJson, isiGet, isiPathOf, sendOnce } from './bench-scenarios';
import { runLoad, type LoadResult } from './load';
import { ProcessWatch } from './probe';
import { sleep } from './stats';
import type { Upstream } from './upstream';

export interface MemoryResult {
  seconds: number;
  distinctNames: number;
  load: LoadResult;
  upstreamPerRequest: number;
  /** Heap in use (bytes) after a full collection, 10 s in, in the middle and at the end: what the process retains. */
  heapAfterGc: { at10: number; middle: number; end: number };
  /** RSS (bytes) 10 s in, in the middle and at the end of the run. */
  at10: number;
  middle: number;
  end: number;
  peak: number;
  /** Whether the retained heap levelled off: end vs middle within +20%. */
  levelledOff: boolean;
  /** Retained heap, end vs middle, in percent. */
  growth: number;
}

/** Runs `seconds` of REST reads of `wide/long@<digest>` against the gateway, RSS sampled every second. */
export async function memoryPhase(
  upstream: Upstream,
  gateway: { url: string; pid: number; memory(): Promise<{ heapUsed: number }> },
  connections: number,
  seconds: number,
): Promise<MemoryResult> {
  const stream = await getJson<ImageStream>(upstream.url, `/apis/image.openshift.io/v1/namespaces/${WIDE.namespace}/imagestreams/${WIDE.stream}`);
  const digests = (stream.status?.tags?.find((t) => t.tag === WIDE.tag)?.items ?? []).map((item) => item.image);
  let next = 0;
  const target = { ...isiGet(gateway.url, ''), nextPath: () => isiPathOf(WIDE.namespace, `${WIDE.stream}@${digests[next++ % digests.length]}`) };
  const first = await sendOnce(target);
  const isi = first.status === 200 ? (JSON.parse(first.text) as ImageStreamImage) : undefined;
  if (isi?.metadata.name !== `${WIDE.stream}@${digests[0]}`) throw new Error(`memory phase: the first answer is wrong: HTTP ${first.status} ${first.text.slice(0, 300)}`);

  const watch = new ProcessWatch(1000, gateway.pid);
  const before = (await upstream.stats()).requests;
  // The retained heap read while the load runs, at 10 s, half way and just before the end.
  const heapAt = (ms: number): Promise<number> => sleep(ms).then(async () => (await gateway.memory()).heapUsed);
  const heaps = Promise.all([heapAt(Math.min(10_000, seconds * 250)), heapAt((seconds * 1000) / 2), heapAt(seconds * 1000 - 500)]);
  const load = await runLoad(target, connections, seconds);
  const [heapAt10, heapMiddle, heapEnd] = await heaps;
  await sleep(100);
  const after = (await upstream.stats()).requests;
  watch.stop();

  // The sample nearest to `ms` after the start.
  const near = (ms: number): number =>
    watch.samples.reduce((best, s) => (Math.abs(s.at - (load.from + ms)) < Math.abs(best.at - (load.from + ms)) ? s : best), watch.samples[0]!).rss;
  const middle = near((seconds * 1000) / 2);
  const end = near(seconds * 1000);
  const growth = (heapEnd / heapMiddle - 1) * 100;
  return {
    seconds,
    distinctNames: Math.min(digests.length, load.total + 1),
    load,
    upstreamPerRequest: (after - before) / Math.max(1, load.total),
    heapAfterGc: { at10: heapAt10, middle: heapMiddle, end: heapEnd },
    at10: near(10_000),
    middle,
    end,
    peak: watch.peak(load.from, load.to + 1000),
    levelledOff: growth <= 20,
    growth,
  };
}
