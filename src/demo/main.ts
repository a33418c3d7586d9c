// `npm run demo-cluster`: the embedded demo cluster as a process of its own, for curl, kubectl
// or a gateway started elsewhere.
import { demoBanner } from './demo-banner';
import { startDemoCluster } from './demo-cluster';
import { readDemoEnv } from './demo-env';
import { DEMO_TOKENS } from './demo-tokens';
import { selfSignedCertificate } from './self-signed-cert';

async function main(): Promise<void> {
  const env = readDemoEnv(process.env);
  if ('error' in env) {
    console.error(env.error);
    process.exit(1);
  }
  const tls = env.tls ? await selfSignedCertificate(['localhost', '127.0.0.1', '::1', ...(['localhost', '127.0.0.1', '::1'].includes(env.host) ? [] : [env.host])]) : undefined;
  const cluster = await startDemoCluster({ host: env.host, port: env.port, ...(tls ? { tls } : {}) });
  console.log(demoBanner(cluster.url, DEMO_TOKENS, env.tls));
  const stop = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: stopping the demo cluster`);
    void cluster.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`demo cluster failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
