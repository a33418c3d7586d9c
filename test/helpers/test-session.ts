import { MissingCredentialsError } from '../../src/kube/errors';
import type { CallerAuth, KubeClient } from '../../src/kube/kube-client';
import { createLoaders, type LoaderOptions, type Loaders } from '../../src/loaders/create-loaders';
import { InflightCalls } from '../../src/upstream/inflight-calls';
import { createUpstreamSession, type UpstreamServices, type UpstreamSession } from '../../src/upstream/upstream-session';

/** Services as a server makes them, with small bounds and a fixed key secret; `overrides` replace any part. */
export function testServices(kube: KubeClient, overrides: Partial<UpstreamServices> = {}): UpstreamServices {
  return { kube, concurrency: 4, inflight: new InflightCalls(), keySecret: Buffer.from('a test secret of the caller keys'), ...overrides };
}

/** One request's session and loaders over `services`. */
export function testRequest(
  services: UpstreamServices,
  auth: CallerAuth | MissingCredentialsError,
  options: LoaderOptions = { listThreshold: 10, listPageSize: 7 },
): { session: UpstreamSession; loaders: Loaders } {
  const session = createUpstreamSession(services, auth);
  return { session, loaders: createLoaders(session, options) };
}
