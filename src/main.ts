// The process entry: read the configuration, find the cluster (or start the embedded demo
// cluster), start the gateway, and stop cleanly on SIGTERM/SIGINT.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { ConfigError, helpText, loadConfig, readOpenFileLimit, tracingEnvOf, wantsHelp, type Config } from './config';
import type { DemoCluster } from './demo/demo-cluster';
import { kubeConfigForServer, resolveClusterAccess } from './kube/cluster-access';
import { ClusterConfigError } from './kube/errors';
import { createKubeClient } from './kube/http-kube-client';
import { GatewayMetrics } from './metrics';
import { cacheOptionsOf, limitsOf, liveOf, startServer } from './server';
import { createShutdown } from './shutdown';
import { startTracing } from './telemetry/start-tracing';
import { SHUTDOWN_EXPORT_MS, type Tracing } from './telemetry/tracing';
import { TracingConfigError } from './telemetry/tracing-settings';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Before anything is read or started: help must work even where the settings are wrong.
  if (wantsHelp(argv)) {
    process.stdout.write(helpText());
    return;
  }
  let config: Config;
  try {
    config = loadConfig(process.env, { openFileLimit: readOpenFileLimit() }, argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`imagestream-gateway: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] });
  let tracing: Tracing | undefined;
  try {
    tracing = startTracing(tracingEnvOf(config), { log: logger });
  } catch (error) {
    if (error instanceof TracingConfigError) {
      console.error(`imagestream-gateway: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (tracing) logger.info(`tracing: spans go over ${tracing.description}`);

  let access;
  try {
    access = resolveClusterAccess(config, { env: process.env });
  } catch (error) {
    if (error instanceof ClusterConfigError) {
      logger.fatal(`cannot use the cluster configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const metrics = new GatewayMetrics({ processMetrics: true });
  let demo: DemoCluster | undefined;
  let kubeConfig;
  let source: string;
  if (access.kind === 'none') {
    // The request log exists for tests; a long-running gateway keeps only the newest entries.
    // Loaded only in demo mode: a gateway in front of a real cluster never builds the sample data.
    const [{ startDemoCluster }, { DEMO_ADMIN_TOKEN }] = await Promise.all([
      import('./demo/demo-cluster.js'),
      import('./demo/demo-tokens.js'),
    ]);
    // Churn: a new image pushed to demo/frontend:latest now and then, so a subscription moves.
    const started = await startDemoCluster({ host: '127.0.0.1', port: 0, maxRecordedRequests: 1000, churnIntervalMs: config.demoChurnSeconds * 1000 });
    demo = started;
    kubeConfig = kubeConfigForServer(started.url, DEMO_ADMIN_TOKEN);
    source = `the embedded demo cluster at ${started.url}`;
  } else {
    kubeConfig = access.kubeConfig;
    source = `${kubeConfig.getCurrentCluster()?.server ?? 'the configured cluster'} (from ${access.source})`;
  }
  const lendCredentials = config.lendCredentials ?? demo !== undefined;
  if (demo) {
    logger.info(
      `demo mode: no cluster is configured, so the gateway answers from ${source} with sample data` +
        (lendCredentials ? '; requests without a token use the demo admin token' : '') +
        (config.demoChurnSeconds > 0 ? `; a new image is pushed to demo/frontend:latest every ${config.demoChurnSeconds} s (DEMO_CHURN_SECONDS)` : ''),
    );
  }

  const kube = await createKubeClient(kubeConfig, {
    timeoutMs: config.upstreamTimeoutMs,
    retries: config.upstreamRetries,
    onRequest: metrics.observeUpstream,
    // One connection for each call the process may have in flight.
    connections: config.upstreamMaxInFlight,
    maxBodyBytes: config.maxUpstreamBodyBytes,
  });
  const tls =
    config.tlsCertFile && config.tlsKeyFile
      ? { cert: readFileSync(config.tlsCertFile), key: readFileSync(config.tlsKeyFile) }
      : undefined;
  const server = await startServer({
    host: config.host,
    port: config.port,
    kube,
    lendCredentials,
    concurrency: config.upstreamConcurrency,
    listThreshold: config.listThreshold,
    explorer: config.explorer,
    introspection: config.introspection,
    tls,
    logger,
    corsOrigins: config.corsOrigins,
    metrics,
    requestDeadlineMs: config.requestDeadlineMs,
    limits: limitsOf(config),
    live: liveOf(config),
    tokenReview: config.tokenReview,
    cache: cacheOptionsOf(config),
    cacheKeySecret: config.cacheKeySecret,
    redisUrl: config.redisUrl,
    tracing,
  });
  logger.info(`GraphQL at ${server.url}/graphql (upstream: ${source})`);

  // The spans of the last requests are exported once they have ended, before the process exits.
  const stopServer = {
    app: server.app,
    async stop() {
      await server.stop();
      const exported = await tracing?.shutdown().catch((error: unknown) => logger.warn(`tracing: the last spans could not be exported: ${error instanceof Error ? error.message : String(error)}`));
      if (exported === false) logger.warn(`tracing: the last spans were not exported within ${SHUTDOWN_EXPORT_MS} ms; stopping without them`);
    },
  };
  const shutdown = createShutdown({ server: stopServer, kube, demo, graceMs: config.shutdownGraceMs, logger, exit: (code) => process.exit(code) });
  // `on`, not `once`: a second signal (npm forwards the SIGINT node already got from the terminal)
  // would otherwise meet the default handler and kill the process in the middle of the grace period.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('imagestream-gateway failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
