// The demo cluster as a child process of a bench script (bench/lib/upstream.ts forks it), so
// that the API server's work does not run on the gateway's event loop, as in a real deployment.
// Options come in DEMO_PROCESS_OPTIONS (JSON); it answers `faults`, `stats` and `stop` messages
// over IPC, and exits when its parent goes away or after DEMO_PROCESS_MAX_SECONDS at the latest.
import { startDemoCluster, type DemoClusterOptions, type DemoFaults } from '../../src/demo/demo-cluster';
import type { ChildReply, ParentMessage } from './upstream';

async function main(): Promise<void> {
  const maxSeconds = Number(process.env.DEMO_PROCESS_MAX_SECONDS ?? 600);
  setTimeout(() => process.exit(3), maxSeconds * 1000).unref();
  const options = JSON.parse(process.env.DEMO_PROCESS_OPTIONS ?? '{}') as DemoClusterOptions;
  const cluster = await startDemoCluster({ ...options, host: '127.0.0.1', port: 0 });
  const reply = (message: ChildReply): void => void process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'faults') {
      cluster.faults = message.faults as DemoFaults;
      reply({ type: 'faults', id: message.id });
    } else if (message.type === 'stats') {
      reply({ type: 'stats', id: message.id, requests: cluster.requestCount, injected: { ...cluster.injected }, rss: process.memoryUsage().rss });
    } else if (message.type === 'stop') {
      void cluster.stop().then(() => {
        reply({ type: 'stopped', id: message.id });
        process.disconnect();
        process.exit(0);
      });
    }
  });
  process.on('disconnect', () => void cluster.stop().then(() => process.exit(0)));
  reply({ type: 'ready', id: 0, url: cluster.url });
}

main().catch((error: unknown) => {
  console.error('demo process failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
