// A /healthz prober in a process of its own, as a kubelet is: one GET every PROBE_INTERVAL_MS
// over one kept-alive connection, the latency counted from when the probe was due (so that a
// blocked gateway shows as the wait it causes). Sends its samples when told `stop`, or exits
// after PROBE_MAX_SECONDS.
import { Client } from 'undici';
import type { ProbeSample } from './probe';

async function main(): Promise<void> {
  const url = process.env.PROBE_URL ?? '';
  const intervalMs = Number(process.env.PROBE_INTERVAL_MS ?? 100);
  const maxSeconds = Number(process.env.PROBE_MAX_SECONDS ?? 600);
  const client = new Client(url, { headersTimeout: 10_000, bodyTimeout: 10_000, keepAliveTimeout: 60_000 });
  const samples: ProbeSample[] = [];
  const now = (): number => performance.timeOrigin + performance.now();
  const endAt = now() + maxSeconds * 1000;
  let stopped = false;
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') stopped = true;
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready' });
  let due = now();
  while (!stopped && now() < endAt) {
    let ok = false;
    let error: string | undefined;
    try {
      const response = await client.request({ path: '/healthz', method: 'GET' });
      await response.body.text();
      ok = response.statusCode === 200;
      if (!ok) error = `HTTP ${response.statusCode}`;
    } catch (e) {
      error = (e as { code?: string }).code ?? String(e);
    }
    const ended = now();
    samples.push({ at: due, ms: ended - due, ok, ...(error ? { error } : {}) });
    due = Math.max(due + intervalMs, ended);
    const wait = due - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await client.close().catch(() => undefined);
  process.send?.({ type: 'samples', samples }, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error('probe process failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
