// A burst of identical REST requests while the first upstream call is still in flight.
import { DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { rawRequest } from './raw-request';

const path = `/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ubuntu@${SAMPLES.manifestList.digest}`;
/** The upstream answers this late, so every request of the burst arrives while the first call is in flight. */
const UPSTREAM_LATENCY_MS = 300;

describe('a burst of identical GETs', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ lendCredentials: false });
  });
  afterAll(async () => {
    await harness.stop();
  });
  beforeEach(() => {
    harness.demo.resetRequests();
    harness.demo.faults = { latencyMs: UPSTREAM_LATENCY_MS };
  });
  afterEach(() => {
    harness.demo.faults = {};
  });

  const upstreamCalls = () => harness.demo.requests.filter((request) => request.url === path);

  test('10 concurrent requests of one token cost 1 upstream call, and all get the object', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => rawRequest(harness.gateway.url, path, { token: DEMO_ADMIN_TOKEN })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(upstreamCalls()).toHaveLength(1);
  });

  test('10 concurrent requests of two tokens cost 2 upstream calls, one per token', async () => {
    const tokens = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? DEMO_ADMIN_TOKEN : DEVELOPER_TOKEN));
    const answers = await Promise.all(tokens.map((token) => rawRequest(harness.gateway.url, path, { token })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(upstreamCalls().map((request) => request.authorization).sort()).toEqual([`Bearer ${DEMO_ADMIN_TOKEN}`, `Bearer ${DEVELOPER_TOKEN}`]);
  });
});
