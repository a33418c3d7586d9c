import type { CallOptions, KubeClient, ReadRequest, UpstreamBody } from '../../src/kube/kube-client';

/**
 * `read` for a test double that has only get, list and getPath: the answer's text is its JSON,
 * as an API server whose bytes are JSON.stringify's would send it.
 */
export async function readByMethods(client: Pick<KubeClient, 'get' | 'list' | 'getPath'>, request: ReadRequest, options: CallOptions): Promise<UpstreamBody> {
  if (request.verb === 'review') throw new Error('this test double answers no access reviews');
  const value: unknown =
    request.verb === 'get' ? await client.get(request, options) : request.verb === 'list' ? await client.list(request, options) : await client.getPath(request.path, options);
  return { value, text: JSON.stringify(value) };
}
