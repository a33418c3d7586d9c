import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../src/config';
import { ERROR_CODES } from '../src/errors';
import { DEVELOPER_TOKEN } from '../src/demo/demo-tokens';
import { startHarness, type Harness } from './helpers/gateway-harness';
import { subscribeWs } from './helpers/live-client';
import { until } from './helpers/until';

// The README is part of the product: its queries are pasted by newcomers, its table is how
// operators configure the gateway. Both are checked against the code.

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const documents = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const queries = documents.filter((document) => !/^\s*subscription\b/.test(document));
const subscriptions = documents.filter((document) => /^\s*subscription\b/.test(document));
const nameOf = (query: string) => /query (\w+)/.exec(query)?.[1] ?? 'anonymous';

test('starts with the two commands', () => {
  expect(readme).toContain('npm ci && npm start');
  expect(readme.indexOf('npm ci && npm start')).toBeLessThan(readme.indexOf('## Configuration'));
  expect(readme).toMatch(/^npm test\b/m);
});

describe('the configuration table', () => {
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n#', readme.indexOf('## Configuration') + 1));
  // Code formatting is the README's own; the words must be the settings table's.
  const rows = [...section.matchAll(/^\| `[A-Z_]+` \|.*\|$/gm)].map((match) =>
    match[0]
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.replaceAll('`', '')),
  );

  test('has the columns variable, flag, range, default and meaning', () => {
    expect(section).toContain('\n| variable | flag | range | default | meaning |\n| --- | --- | --- | --- | --- |\n');
  });

  test('documents every setting the code reads, in the order of the table', () => {
    expect(rows.map(([name]) => name)).toEqual(CONFIG_VARIABLES.map((variable) => variable.name));
  });

  test.each(CONFIG_VARIABLES.map((variable) => [variable.name, variable]))('gives %s the flag, range, default and meaning of the table', (name, variable) => {
    expect(rows.find(([row]) => row === name)).toEqual([variable.name, variable.flag, variable.range, variable.default, variable.meaning]);
  });
});

test('lists every error code the gateway sends, in the order of ERROR_CODES', () => {
  const section = readme.slice(readme.indexOf('### Errors'), readme.indexOf('\n## ', readme.indexOf('### Errors')));
  const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
  expect(listed).toEqual(Object.keys(ERROR_CODES));
});

describe('the README queries, pasted as they are into the demo gateway', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.stop());

  test('there are at least five of them', () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
  });

  test.each(queries.map((query) => [nameOf(query), query]))('%s returns data without errors', async (_name, query) => {
    const { status, body } = await harness.graphql(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const roots = Object.values(body.data ?? {});
    expect(roots.length).toBeGreaterThan(0);
    expect(roots.every((value) => value !== null)).toBe(true);
  });

  test('SignedImage shows the trusted signature and its key id', async () => {
    const query = queries.find((q) => nameOf(q) === 'SignedImage') ?? '';
    const { body } = await harness.graphql<{ imageStreamImage: { image: { signatures: Array<{ issuedTo: { publicKeyID: string } | null }> } } }>(query);
    expect(body.data?.imageStreamImage.image.signatures.map((s) => s.issuedTo?.publicKeyID ?? null)).toEqual(['199E2F91FD431D51', null]);
  });

  test('Platforms lists four platforms, arm64 with variant v8', async () => {
    const query = queries.find((q) => nameOf(q) === 'Platforms') ?? '';
    const { body } = await harness.graphql<{ imageStreamTag: { image: { dockerImageManifests: Array<{ architecture: string; variant: string | null }> } } }>(query);
    expect(body.data?.imageStreamTag.image.dockerImageManifests.map((m) => `${m.architecture}${m.variant ? `/${m.variant}` : ''}`)).toEqual([
      'amd64',
      'arm64/v8',
      'ppc64le',
      's390x',
    ]);
  });
});

test('links nothing outside the repository', () => {
  const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1] ?? '');
  const local = links.filter((link) => !/^(https?:|#)/.test(link));
  expect(local.filter((link) => link.startsWith('..'))).toEqual([]);
  for (const link of local) expect(existsSync(join(__dirname, '..', link.split('#')[0] ?? ''))).toBe(true);
});

describe('the README live updates, as a newcomer tries them', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.stop());

  test('the subscription pasted into a WebSocket client hears a push to demo/frontend:latest as one MODIFIED of [latest]', async () => {
    expect(subscriptions).toHaveLength(1);
    const received = subscribeWs<{ imageStreamChanged: { type: string; changedTags: string[]; imageStream: { metadata: { name: string } } } }>(harness.gateway.url, subscriptions[0] ?? '', {});
    await until('the upstream watch', () => harness.demo.watches.open.length === 1 || received.failure !== undefined);
    expect(received.failure).toBeUndefined();
    harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
    await until('the event', () => received.data.length === 1);
    expect(received.errors).toEqual([]);
    expect(received.data.map((d) => [d.imageStreamChanged.type, d.imageStreamChanged.changedTags, d.imageStreamChanged.imageStream.metadata.name])).toEqual([['MODIFIED', ['latest'], 'frontend']]);
    await received.close();
  });

  test('the SSE curl line, sent as it is written, streams the event of a push', async () => {
    const line = /curl -N (.*?)\\\n\s*'(http:\/\/localhost:4000\/graphql\/stream\?[^']+)'/.exec(readme);
    expect(line).not.toBeNull();
    const headers = Object.fromEntries([...(line?.[1] ?? '').matchAll(/-H '([^:]+): ([^']+)'/g)].map((m) => [m[1]!, m[2]!]));
    expect(headers).toEqual({ Authorization: `Bearer ${DEVELOPER_TOKEN}`, Accept: 'text/event-stream' });
    const url = (line?.[2] ?? '').replace('http://localhost:4000', harness.gateway.url);
    const controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    let text = '';
    await until('the upstream watch', () => harness.demo.watches.open.length === 1);
    harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
    while (!text.includes('event: next')) text += new TextDecoder().decode((await reader.read()).value);
    const data = /event: next\ndata: (.*)\n/.exec(text)?.[1] ?? '';
    expect(JSON.parse(data)).toEqual({ data: { imageStreamChanged: { type: 'MODIFIED', changedTags: ['latest'], imageStream: { metadata: { name: 'ruby' } } } } });
    controller.abort();
    await until('the watch to close', () => harness.demo.watches.open.length === 0);
  });
});
