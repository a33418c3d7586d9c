import { KubeApiError } from '../../src/kube/errors';
import type { CallOptions, KubeClient, ReadRequest, UpstreamBody } from '../../src/kube/kube-client';
import { requestPath } from '../../src/kube/resource-path';

/**
 * A client that answers every read with `answer(path)` (a value, or an error to throw) after
 * `delayMs`, recording who asked what and the options of each call, and telling the session of
 * its one attempt as the adapter does. It has only `read`: what the session must use.
 */
export class ScriptedKube implements KubeClient {
  readonly server = 'https://api.example:6443';
  readonly calls: Array<{ path: string; token: string }> = [];
  readonly options: CallOptions[] = [];

  constructor(
    private readonly answer: (path: string) => unknown = (path) => ({ metadata: { name: path } }),
    private readonly delayMs = 2,
  ) {}

  async read(request: ReadRequest, options: CallOptions): Promise<UpstreamBody> {
    const path = requestPath(request);
    this.calls.push({ path, token: options.auth.kind === 'bearer' ? options.auth.token : 'gateway' });
    this.options.push(options);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const value = this.answer(path);
    options.onAttempt?.(1, value instanceof KubeApiError ? value.httpStatus : 200);
    if (value instanceof Error) throw value;
    return { value, text: JSON.stringify(value) };
  }

  get = (): never => {
    throw new Error('the session reads only with read()');
  };
  list = this.get;
  getPath = this.get;
  async close(): Promise<void> {}
}
