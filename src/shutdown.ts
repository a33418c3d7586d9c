// Stopping on SIGTERM/SIGINT: refuse new work, let the requests in flight finish within a grace
// period, then release the upstream connections and the demo cluster, and exit.
import type { RunningServer } from './server';

export interface ShutdownOptions {
  server: Pick<RunningServer, 'app' | 'stop'>;
  /** The upstream adapter; closed once the server has drained. */
  kube: { close(): Promise<void> };
  /** The embedded demo cluster, when the gateway started one. */
  demo?: { stop(): Promise<void> };
  /** Time the requests in flight get to finish (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  logger: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** `process.exit` in the process; tests pass a recorder. */
  exit(code: number): void;
}

/**
 * Returns the function to call with the signal's name. The first call starts the shutdown and
 * resolves once `exit` has been called; later calls wait for the same shutdown. Repeated signals
 * are expected (`npm start` forwards the terminal's SIGINT that node has already received) and
 * must not cut the grace period short.
 *
 * The sequence:
 * 1. The server closes (Fastify `close()`): the listening socket closes, so new connections are
 *    refused; idle kept-alive connections are closed; a request that still arrives on a busy
 *    connection is answered 503 with `Connection: close`; requests in flight run to the end.
 * 2. When they have ended, the upstream connections and the demo cluster are closed, and the
 *    process exits with 0.
 * 3. If that takes longer than `graceMs`, the remaining connections are destroyed (their clients
 *    see the connection reset), this is logged, and the process exits with 0 all the same: the
 *    stop was asked for and has happened, and an exit code of 1 would make supervisors that
 *    restart failed services (`Restart=on-failure`) start again what was meant to stay stopped.
 *    An error thrown while closing is the one case that exits with 1.
 */
export function createShutdown(options: ShutdownOptions): (signal: string) => Promise<void> {
  let shutdown: Promise<void> | undefined;
  return (signal) => {
    if (shutdown) {
      options.logger.info(`${signal}: already stopping`);
      return shutdown;
    }
    shutdown = run(signal, options);
    return shutdown;
  };
}

async function run(signal: string, options: ShutdownOptions): Promise<void> {
  const { server, kube, demo, graceMs, logger } = options;
  const started = performance.now();
  logger.info(`${signal}: stopping; requests in flight have ${graceMs} ms to finish`);

  const closing = (async () => {
    await server.stop();
    await kube.close();
    await demo?.stop();
  })();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'grace over'>((resolve) => {
    timer = setTimeout(() => resolve('grace over'), graceMs);
  });

  let outcome: 'closed' | 'grace over';
  try {
    outcome = await Promise.race([closing.then(() => 'closed' as const), graceOver]);
  } catch (error) {
    clearTimeout(timer);
    logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
    options.exit(1);
    return;
  }
  clearTimeout(timer);
  if (outcome === 'closed') {
    logger.info(`stopped in ${Math.round(performance.now() - started)} ms`);
    options.exit(0);
    return;
  }

  // Late failures of the abandoned close sequence have no one left to tell.
  closing.catch(() => undefined);
  const open = await openConnections(server);
  logger.warn(
    `the grace period of ${graceMs} ms ran out with ${open} connection(s) still open; closing them and exiting without waiting for their requests`,
  );
  server.app.server.closeAllConnections();
  // The demo cluster stops at once (it destroys its sockets); the upstream adapter would wait for
  // the calls still in flight, which is exactly what is not waited for any more.
  await Promise.race([demo?.stop(), new Promise((resolve) => setTimeout(resolve, 100))]).catch(() => undefined);
  options.exit(0);
}

function openConnections(server: Pick<RunningServer, 'app'>): Promise<number | string> {
  return new Promise((resolve) => server.app.server.getConnections((error, count) => resolve(error ? 'some' : count)));
}
