import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../src/config';
import { ERROR_CODES } from '../src/errors';
import { startHarness, type Harness } from './helpers/gateway-harness';

// The README is part of the product: its queries are pasted by newcomers, its table is how
// operators configure the gateway. Both are checked against the code.

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
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
