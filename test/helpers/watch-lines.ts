// A raw watch of the demo cluster: the HTTP status, then every JSON line as it arrives.
import * as http from 'node:http';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';

export interface WatchEventLine {
  type: string;
  object: { kind?: string; metadata?: { name?: string; resourceVersion?: string }; code?: number; reason?: string; message?: string; status?: { tags?: Array<{ tag: string; items: Array<{ image: string }> | null }> } };
}

export interface RawWatch {
  status: number;
  readonly events: WatchEventLine[];
  /** Whether the server ended the response. */
  readonly ended: boolean;
  close(): void;
}

export function openWatch(baseUrl: string, path: string, token: string = DEMO_ADMIN_TOKEN): Promise<RawWatch> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path, agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const events: WatchEventLine[] = [];
      let ended = false;
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let newline = buffered.indexOf('\n');
        while (newline >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.trim() !== '') events.push(JSON.parse(line) as WatchEventLine);
          newline = buffered.indexOf('\n');
        }
      });
      res.on('end', () => {
        ended = true;
      });
      res.on('error', () => {
        ended = true;
      });
      resolve({
        status: res.statusCode ?? 0,
        events,
        get ended() {
          return ended;
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}
