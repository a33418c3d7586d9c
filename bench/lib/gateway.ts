// The gateway as the process entry (src/main.ts) would start it from a configuration, on
// loopback, in front of a demo cluster: same adapter options, same limits.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { CONFIG_VARIABLES, loadConfig, readOpenFileLimit, type Config } from '../../src/config';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import { cacheOptionsOf, limitsOf, startServer, type RunningServer } from '../../src/server';

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
    cache: cacheOptionsOf(config),
    cacheKeySecret: config.cacheKeySecret,
    redisUrl: config.redisUrl,
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

export type GatewayChildReply = { type: 'ready'; url: string; config: Config } | { type: 'stopped' } | { type: 'memory'; rss: number; heapUsed: number };

export interface ForkedGateway {
  config: Config;
  url: string;
  pid: number;
  /** RSS and heap in use after a full collection (the process must run with --expose-gc for the collection). */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

/** The same gateway in a child process of its own (./gateway-process.ts); `env` as for startBenchGateway. */
export async function forkBenchGateway(upstreamUrl: string, env: Record<string, string>, maxSeconds: number, execArgv: string[] = []): Promise<ForkedGateway> {
  const child = fork(path.join(__dirname, "gateway-process.js"), [], {
    execArgv,
    env: {
      ...process.env,
      // As the image and the manifests run it (libraries such as graphql-js skip development checks).
      NODE_ENV: 'production',
      GATEWAY_PROCESS_UPSTREAM: upstreamUrl,
      GATEWAY_PROCESS_ENV: JSON.stringify(env),
      GATEWAY_PROCESS_MAX_SECONDS: String(maxSeconds),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; config: Config }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the gateway process did not start within 30 s')), 30_000);
    child.once('message', (message: GatewayChildReply) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve(message);
      else reject(new Error(`the gateway process said ${message.type} first`));
    });
    child.once('exit', (code) => reject(new Error(`the gateway process exited with ${code} before it was ready`)));
  });
  return {
    ...ready,
    pid: child.pid ?? 0,
    memory: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the gateway process did not report its memory within 10 s')), 10_000);
        const listen = (message: GatewayChildReply): void => {
          if (message.type !== 'memory') return;
          clearTimeout(timer);
          child.off('message', listen);
          resolve({ rss: message.rss, heapUsed: message.heapUsed });
        };
        child.on('message', listen);
        child.send({ type: 'memory' });
      }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.connected) child.send({ type: 'stop' });
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}
