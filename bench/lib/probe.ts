// What a bench script watches while it runs: /healthz from outside (probe-process.ts), and this
// process's RSS and event-loop delay.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProbeSample {
  /** When the probe was due, epoch ms (performance.timeOrigin + performance.now()). */
  at: number;
  /** From due to the end of the answer. */
  ms: number;
  ok: boolean;
  /** Why it failed: a status or a client error code. */
  error?: string;
}

export interface HealthProbe {
  /** Stops probing and hands back every sample. */
  stop(): Promise<ProbeSample[]>;
}

/** Starts probing `${baseUrl}/healthz` every `intervalMs` from a child process. */
export async function startHealthProbe(baseUrl: string, intervalMs: number, maxSeconds: number): Promise<HealthProbe> {
  const child = fork(path.join(__dirname, 'probe-process.js'), [], {
    env: { ...process.env, PROBE_URL: baseUrl, PROBE_INTERVAL_MS: String(intervalMs), PROBE_MAX_SECONDS: String(maxSeconds) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let samples: ProbeSample[] | undefined;
  const done = new Promise<ProbeSample[]>((resolve) => {
    child.on('message', (message: { type: string; samples?: ProbeSample[] }) => {
      if (message.type === 'samples') resolve((samples = message.samples ?? []));
    });
    child.once('exit', () => resolve(samples ?? []));
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the probe process did not start within 10 s')), 10_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    async stop() {
      if (child.connected) child.send({ type: 'stop' });
      const timeout = new Promise<ProbeSample[]>((resolve) =>
        setTimeout(() => {
          child.kill();
          resolve(samples ?? []);
        }, 15_000).unref(),
      );
      return Promise.race([done, timeout]);
    },
  };
}

export const epochNow = (): number => performance.timeOrigin + performance.now();

/** RSS of another process of this machine, from /proc (bytes); 0 once it has gone. */
export function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The RSS of this process (or of process `pid`, read from /proc) every `intervalMs`, and this
 * process's event-loop delay.
 */
export class ProcessWatch {
  readonly samples: Array<{ at: number; rss: number }> = [];
  private readonly timer: NodeJS.Timeout;
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  constructor(
    intervalMs: number,
    private readonly pid?: number,
  ) {
    this.loop.enable();
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): number {
    const rss = this.pid === undefined ? process.memoryUsage().rss : rssOf(this.pid);
    this.samples.push({ at: epochNow(), rss });
    return rss;
  }

  /** Peak RSS of the samples taken in [from, to] (epoch ms); all of them without bounds. */
  peak(from = -Infinity, to = Infinity): number {
    return this.samples.filter((s) => s.at >= from && s.at <= to).reduce((max, s) => Math.max(max, s.rss), 0);
  }

  /** Event-loop delay p50 / p99 / max in ms since the watch started (or the last reset). */
  loopDelay(): { p50: number; p99: number; max: number } {
    return { p50: this.loop.percentile(50) / 1e6, p99: this.loop.percentile(99) / 1e6, max: this.loop.max / 1e6 };
  }

  resetLoopDelay(): void {
    this.loop.reset();
  }

  stop(): void {
    clearInterval(this.timer);
    this.loop.disable();
    this.sample();
  }
}
