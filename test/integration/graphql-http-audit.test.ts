// graphql-http's GraphQL-over-HTTP conformance audits against the gateway's /graphql (demo mode,
// credentials lent, so the audits' anonymous requests are answered). A MUST that fails is an
// `error` and fails its test; SHOULD/MAY results (`warn`, `notice`) are printed, not asserted.
import { serverAudits, type AuditResult } from 'graphql-http';
import { startHarness, type Harness } from '../helpers/gateway-harness';

let harness: Harness;
const results: AuditResult[] = [];
const statuses = new Map<string, number>();

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  const failing = results.filter((result) => result.status !== 'ok');
  if (failing.length > 0) {
    console.log(
      `graphql-http audit: ${results.length - failing.length}/${results.length} ok; not ok:\n` +
        failing.map((result) => `  ${result.status} ${result.id} ${result.name}: ${'reason' in result ? result.reason : ''} (HTTP ${statuses.get(result.id)})`).join('\n'),
    );
  }
  await harness?.stop();
});

// The URL is read when each audit runs, after beforeAll has started the gateway.
const audits = serverAudits({ url: () => `${harness.gateway.url}/graphql` });

test('the suite has audits to run', () => {
  expect(audits.length).toBeGreaterThan(50);
});

test.each(audits.map((audit) => [audit.id, audit.name, audit] as const))('audit %s: %s (no error)', async (_id, _name, audit) => {
  const result = await audit.fn();
  results.push(result);
  if (result.status !== 'ok') statuses.set(result.id, result.response.status);
  const failure = result.status === 'error' ? { status: result.status, reason: result.reason, response: await result.response.clone().text() } : undefined;
  expect(failure).toBeUndefined();
});

// BUG: every document that does not parse is answered 500 (graphql-armor's max-tokens plugin
// throws from `parsingDidStart`), which turns the audits 556A and 74FF (SHOULD answer 400 with
// application/graphql-response+json) and 572B and FDE2 into warnings about a 500.
test('no audit request is answered with a 5xx', () => {
  expect([...statuses].filter(([, status]) => status >= 500)).toEqual([]);
});
