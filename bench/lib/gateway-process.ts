// The gateway as a child process of a bench script (forkBenchGateway in ./gateway.ts), as in a
// real deployment where the clients are elsewhere: the clients' parsing and checking does not run
// on the gateway's event loop, and the process's RSS is the gateway's alone. Settings come in
// GATEWAY_PROCESS_ENV (JSON, read as the gateway reads the environment); it answers `stop` over
// IPC, and exits when its parent goes away or after GATEWAY_PROCESS_MAX_SECONDS at the latest.
import 'reflect-metadata';
import { startBenchGateway } from './gateway';
import type { GatewayChildReply } from './gateway';

async function main(): Promise<void> {
  const maxSeconds = Number(process.env.GATEWAY_PROCESS_MAX_SECONDS ?? 600);
  setTimeout(() => process.exit(3), maxSeconds * 1000).unref();
  const env = JSON.parse(process.env.GATEWAY_PROCESS_ENV ?? '{}') as Record<string, string>;
  const gateway = await startBenchGateway(process.env.GATEWAY_PROCESS_UPSTREAM ?? '', env);
  const reply = (message: GatewayChildReply): void => void process.send?.(message);
  const stop = () =>
    void gateway.stop().then(() => {
      reply({ type: 'stopped' });
      process.disconnect();
      process.exit(0);
    });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') stop();
    // What the process holds once garbage is gone (with --expose-gc): what a leak or an unbounded cache would grow.
    if (message.type === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      reply({ type: 'memory', rss, heapUsed });
    }
  });
  process.on('disconnect', () => void gateway.stop().then(() => process.exit(0)));
  reply({ type: 'ready', url: gateway.server.url, config: gateway.config });
}

main().catch((error: unknown) => {
  console.error('gateway process failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
