// Starts bench/lib/ceiling-process.ts as a child process and hands back its URL.
import { fork } from 'node:child_process';
import * as path from 'node:path';

export interface Ceiling {
  url: string;
  stop(): void;
}

export async function startCeiling(body: string, maxSeconds: number): Promise<Ceiling> {
  const child = fork(path.join(__dirname, 'ceiling-process.js'), [], {
    env: { ...process.env, CEILING_BODY: body, CEILING_MAX_SECONDS: String(maxSeconds) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the ceiling server did not start within 30 s')), 30_000);
    child.once('message', (message: { type: string; url: string }) => {
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code) => reject(new Error(`the ceiling server exited with ${code} before it was ready`)));
  });
  return { url, stop: () => void child.kill() };
}
