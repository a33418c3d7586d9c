// One HTTP(S) request sent exactly as given: node:http writes the path verbatim, so `..`,
// `%2F` and over-long names reach the server unnormalised (fetch would resolve dot segments).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string | undefined;
  body: string;
}

export interface RawRequest {
  method?: string;
  /** Sent as `Authorization: Bearer <token>`; null or absent: no header. */
  token?: string | null;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends `path` to `base` (`http://host:port` or `https://…`; certificates are not checked). */
export function rawRequest(base: string, path: string, options: RawRequest = {}): Promise<RawAnswer> {
  const url = new URL(base);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers, rejectUnauthorized: false, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            contentType: response.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
