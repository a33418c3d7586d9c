// Parses and checks fan-out answers on a thread of its own: the clients' work (JSON.parse of an
// 853 KB answer, then the check) must not run on the event loop of the gateway under test, which
// shares this process.
import { parentPort } from 'node:worker_threads';
import { checkFanOut, type GraphQLBody } from './hostile';

export interface CheckRequest {
  id: number;
  text: string;
  history: readonly string[];
  maxCalls: number;
}

parentPort?.on('message', ({ id, text, history, maxCalls }: CheckRequest) => {
  let body: GraphQLBody | undefined;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = undefined;
  }
  const check = checkFanOut(body, history, maxCalls);
  parentPort?.postMessage({ id, check: { ...check, codes: [...check.codes] } });
});
