// The demo cluster's command-line configuration, read from the environment. Pure, so a bad
// value is reported with its name, the expected form and what was given, before anything starts.

export interface DemoEnv {
  host: string;
  port: number;
  /** Serve HTTPS with a fresh self-signed certificate (kubectl sends tokens only over TLS). */
  tls: boolean;
}

export const DEFAULT_DEMO_PORT = 6443;

export function readDemoEnv(env: NodeJS.ProcessEnv): DemoEnv | { error: string } {
  const rawPort = env.PORT;
  let port = DEFAULT_DEMO_PORT;
  if (rawPort !== undefined && rawPort !== '') {
    port = /^\d+$/.test(rawPort) ? Number(rawPort) : NaN;
    if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: `PORT must be an integer 1-65535, got ${JSON.stringify(rawPort)}` };
  }
  const rawTls = (env.TLS ?? '').toLowerCase();
  if (!['', 'true', '1', 'false', '0'].includes(rawTls)) return { error: `TLS must be true or false, got ${JSON.stringify(env.TLS)}` };
  return { host: env.HOST || '127.0.0.1', port, tls: rawTls !== 'false' && rawTls !== '0' };
}
