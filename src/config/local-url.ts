import type { Config } from './config';

/**
 * The URL to print for the GraphQL endpoint: a wildcard listen address becomes `localhost`,
 * and TLS makes it https.
 */
export function localUrl(config: Pick<Config, 'host' | 'tlsCertFile'>, port: number, path = '/graphql'): string {
  const wildcard = config.host === '0.0.0.0' || config.host === '::' || config.host === '[::]';
  const host = wildcard ? 'localhost' : config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  return `${config.tlsCertFile !== undefined ? 'https' : 'http'}://${host}:${port}${path}`;
}
