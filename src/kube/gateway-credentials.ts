import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** What a call made with the gateway's own identity adds: headers, and a client certificate. */
export interface GatewayCredentials {
  /** Lower-case names: `authorization`, `impersonate-user`. */
  headers: Record<string, string>;
  cert?: string | Buffer;
  key?: string | Buffer;
}

/**
 * Returns a function that asks the KubeConfig for its current user's credentials on every call,
 * so tokens from exec plugins, OIDC and rotated token files stay fresh (client-node caches them).
 * client-node's `applyToHTTPSOptions` does the work: static tokens, token files, auth providers,
 * exec plugins, basic auth, impersonation and client certificates all come through it.
 */
export function gatewayCredentials(kubeConfig: KubeConfig): () => Promise<GatewayCredentials> {
  const source = allowPlainHttp(kubeConfig);
  return async () => {
    const opts: RequestOptions = {};
    await source.applyToHTTPSOptions(opts);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      // Token files often end with a newline, which is not allowed in a header (kubectl trims too).
      if (value !== undefined) headers[name.toLowerCase()] = (Array.isArray(value) ? value.join(', ') : String(value)).trim();
    }
    // Basic auth arrives as `user:password`; a token, when the user has one too, wins as in kubectl.
    if (opts.auth && !headers.authorization) headers.authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    const credentials: GatewayCredentials = { headers };
    if (opts.cert) credentials.cert = opts.cert as string | Buffer;
    if (opts.key) credentials.key = opts.key as string | Buffer;
    return credentials;
  };
}

/**
 * client-node fills in the credentials and then refuses to build an agent for an `http:` server
 * unless it is marked insecure-skip-tls-verify (its guard against tokens in clear text). The
 * gateway talks plain HTTP on purpose to the loopback demo cluster (and forwards callers' tokens
 * there anyway), so it asks through a view of the KubeConfig whose current cluster carries that
 * flag. The view shares the original's authenticators and their token caches; the TLS settings
 * it yields are not used for plain HTTP.
 */
function allowPlainHttp(kubeConfig: KubeConfig): KubeConfig {
  const view = Object.create(kubeConfig) as KubeConfig;
  view.getCurrentCluster = () => {
    const cluster = kubeConfig.getCurrentCluster();
    return cluster && cluster.server.startsWith('http:') ? { ...cluster, skipTLSVerify: true } : cluster;
  };
  return view;
}
