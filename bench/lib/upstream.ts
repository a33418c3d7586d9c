// The demo cluster a bench script runs the gateway against: in this process (`inline`, as the
// first soak did) or in a child process of its own (`process`), behind one interface.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { startDemoCluster, type DemoClusterOptions, type DemoFaults, type InjectedFault } from '../../src/demo/demo-cluster';

export type UpstreamMode = 'process' | 'inline';

export interface UpstreamStats {
  /** Requests the demo cluster received. */
  requests: number;
  injected: Record<InjectedFault, number>;
  /** RSS of the demo's process; that of this one when inline. */
  rss: number;
}

export interface Upstream {
  readonly mode: UpstreamMode;
  readonly url: string;
  /** The child's pid, when there is one. */
  readonly pid?: number;
  setFaults(faults: DemoFaults): Promise<void>;
  stats(): Promise<UpstreamStats>;
  stop(): Promise<void>;
}

type ParentRequest = { type: 'faults'; faults: DemoFaults } | { type: 'stats' } | { type: 'stop' };
export type ParentMessage = ParentRequest & { id: number };
export type ChildReply = { id: number } & (
  | { type: 'ready'; url: string }
  | { type: 'faults' }
  | { type: 'stats'; requests: number; injected: Record<InjectedFault, number>; rss: number }
  | { type: 'stopped' }
);

/** Options without host, port or anything that does not survive JSON. */
export type UpstreamOptions = Pick<DemoClusterOptions, 'tokens' | 'wide' | 'page' | 'maxRecordedRequests' | 'faults'>;

export async function startUpstream(mode: UpstreamMode, options: UpstreamOptions, maxSeconds: number): Promise<Upstream> {
  if (mode === 'inline') {
    const cluster = await startDemoCluster({ ...options, host: '127.0.0.1', port: 0 });
    return {
      mode,
      url: cluster.url,
      setFaults: async (faults) => void (cluster.faults = faults),
      stats: async () => ({ requests: cluster.requestCount, injected: { ...cluster.injected }, rss: process.memoryUsage().rss }),
      stop: () => cluster.stop(),
    };
  }
  const child = fork(path.join(__dirname, 'demo-process.js'), [], {
    env: { ...process.env, DEMO_PROCESS_OPTIONS: JSON.stringify(options), DEMO_PROCESS_MAX_SECONDS: String(maxSeconds) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo process did not start within 30 s')), 30_000);
    child.once('message', (message: ChildReply) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve(message.url);
      else reject(new Error(`the demo process said ${message.type} first`));
    });
    child.once('exit', (code) => reject(new Error(`the demo process exited with ${code} before it was ready`)));
  });
  return childUpstream(child, ready);
}

function childUpstream(child: ChildProcess, url: string): Upstream {
  let next = 1;
  const pending = new Map<number, (reply: ChildReply) => void>();
  child.on('message', (reply: ChildReply) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  const ask = (message: ParentRequest): Promise<ChildReply> =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the demo process did not answer ${message.type} within 10 s`));
      }, 10_000);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      child.send({ ...message, id } satisfies ParentMessage);
    });
  return {
    mode: 'process',
    url,
    pid: child.pid,
    setFaults: async (faults) => void (await ask({ type: 'faults', faults })),
    stats: async () => {
      const reply = await ask({ type: 'stats' });
      if (reply.type !== 'stats') throw new Error(`the demo process answered stats with ${reply.type}`);
      return { requests: reply.requests, injected: reply.injected, rss: reply.rss };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await ask({ type: 'stop' }).catch(() => child.kill());
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}
