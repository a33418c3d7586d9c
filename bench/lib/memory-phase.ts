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
  /** RSS (bytes) 10 s in, in the middle and at the end of the run. */
  at10: number;
  middle: number;
  end: number;
  peak: number;
  levelledOff: boolean;
  /** end vs middle, in percent. */
  growth: number;
}

/** Runs `seconds` of REST reads of `wide/long@<digest>` against the gateway, RSS sampled every second. */
export async function memoryPhase(upstream: Upstream, gateway: { url: string; pid: number }, connections: number, seconds: number): Promise<MemoryResult> {
  const stream = await getJson<ImageStream>(upstream.url, `/apis/image.openshift.io/v1/namespaces/${WIDE.namespace}/imagestreams/${WIDE.stream}`);
  const digests = (stream.status?.tags?.find((t) => t.tag === WIDE.tag)?.items ?? []).map((item) => item.image);
  let next = 0;
  const target = { ...isiGet(gateway.url, ''), nextPath: () => isiPathOf(WIDE.namespace, `${WIDE.stream}@${digests[next++ % digests.length]}`) };
  const first = await sendOnce(target);
  const isi = first.status === 200 ? (JSON.parse(first.text) as ImageStreamImage) : undefined;
  if (isi?.metadata.name !== `${WIDE.stream}@${digests[0]}`) throw new Error(`memory phase: the first answer is wrong: HTTP ${first.status} ${first.text.slice(0, 300)}`);

  const watch = new ProcessWatch(1000, gateway.pid);
  const before = (await upstream.stats()).requests;
  const load = await runLoad(target, connections, seconds);
  await sleep(100);
  const after = (await upstream.stats()).requests;
  watch.stop();

  // The sample nearest to `ms` after the start.
  const near = (ms: number): number =>
    watch.samples.reduce((best, s) => (Math.abs(s.at - (load.from + ms)) < Math.abs(best.at - (load.from + ms)) ? s : best), watch.samples[0]!).rss;
  const middle = near((seconds * 1000) / 2);
  const end = near(seconds * 1000);
  const growth = (end / middle - 1) * 100;
  return {
    seconds,
    distinctNames: Math.min(digests.length, load.total + 1),
    load,
    upstreamPerRequest: (after - before) / Math.max(1, load.total),
    at10: near(10_000),
    middle,
    end,
    peak: watch.peak(load.from, load.to + 1000),
    levelledOff: growth <= 20,
    growth,
  };
}
