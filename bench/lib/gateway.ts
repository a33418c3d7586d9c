// The gateway as the process entry (src/main.ts) would start it from a configuration, on
// loopback, in front of a demo cluster: same adapter options, same limits.
import { CONFIG_VARIABLES, loadConfig, readOpenFileLimit, type Config } from '../../src/config';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import { limitsOf, startServer, type RunningServer } from '../../src/server';

export interface BenchGateway {
  config: Config;
  kube: HttpKubeClient;
  server: RunningServer;
  stop(): Promise<void>;
}

/** `env` is read as the gateway reads the environment (e.g. `{ UPSTREAM_TIMEOUT_MS: '2000' }`); the rest are defaults. */
export async function startBenchGateway(upstreamUrl: string, env: Record<string, string> = {}): Promise<BenchGateway> {
  // Gateway settings in this process's environment apply too (MAX_HEAVY_REQUESTS=1 npm run bench:fanout).
  const fromEnvironment = Object.fromEntries(
    CONFIG_VARIABLES.filter((v) => v.name !== 'HOST' && v.name !== 'PORT' && process.env[v.name] !== undefined).map((v) => [v.name, process.env[v.name] ?? '']),
  );
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '1', ...fromEnvironment, ...env }, { openFileLimit: readOpenFileLimit() });
  const kube = await createKubeClient(kubeConfigForServer(upstreamUrl, DEMO_ADMIN_TOKEN), {
    timeoutMs: config.upstreamTimeoutMs,
    retries: config.upstreamRetries,
    connections: config.upstreamMaxInFlight,
    maxBodyBytes: config.maxUpstreamBodyBytes,
  });
  const server = await startServer({
    host: config.host,
    port: 0,
    kube,
    lendCredentials: false,
    concurrency: config.upstreamConcurrency,
    listThreshold: config.listThreshold,
    requestDeadlineMs: config.requestDeadlineMs,
    limits: limitsOf(config),
  });
  return {
    config,
    kube,
    server,
    async stop() {
      await server.stop();
      await kube.close();
    },
  };
}
