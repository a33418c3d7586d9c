// A raw HTTP client for the demo cluster's tests: node:http sends the request-target exactly as
// written (fetch would resolve `..` segments and re-encode characters), and the body comes back
// as the bytes the server wrote.
import * as http from 'node:http';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface RawRequest {
  method?: string;
  /** null sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
}

export function request(baseUrl: string, path: string, options: RawRequest = {}): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const token = options.token === undefined ? DEMO_ADMIN_TOKEN : options.token;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path,
        agent: false,
        headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export const IMAGE_API = '/apis/image.openshift.io/v1';
export const isiPath = (namespace: string, name: string): string => `${IMAGE_API}/namespaces/${namespace}/imagestreamimages/${name}`;

/** Typed access to a JSON answer in assertions. */
export function body<T = Record<string, unknown>>(answer: RawAnswer): T {
  return answer.json as T;
}
