import { existsSync } from 'node:fs';
import net from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ExplorerMode } from '../../src/config';
import { DEVELOPER_TOKEN } from '../../src/demo/demo-tokens';
import { SANDBOX_WAIT_MS } from '../../src/explorer/sandbox-page';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { until } from '../helpers/until';

/** What loading the self-hosted explorer asks of the gateway: the page, then its own files. */
const pageLoad = (origin: string): string[] => [
  `GET ${origin}/graphql`,
  ...['graphiql.min.css', 'graphiql.min.js', 'graphql-ws.min.js', 'react-dom.production.min.js', 'react.production.min.js', 'start.js'].map(
    (file) => `GET ${origin}/graphiql/assets/${file}`,
  ),
];

// The explorer in a real browser: Debian's Chromium, driven by playwright-core (which downloads
// no browser of its own). `.ci/run` installs chromium when it is missing.

const CHROMIUM = '/usr/bin/chromium';
/** How a disconnected cluster looks to a browser: every host but loopback is unresolvable. */
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

const describeWithChromium = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`explorer browser tests skipped: no ${CHROMIUM} (apt-get install -y chromium)`);

async function launch(...args: string[]): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', ...args] });
}

/** Types `text` into the focused CodeMirror editor the way a person would, key by key. */
async function typeInto(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .CodeMirror:visible`).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  // Closes any completion list, which would otherwise take the next key.
  await page.keyboard.press('Escape');
}

/**
 * Runs a named query typed into the explorer's editor with Ctrl+Enter and returns the text of its
 * answer. GraphiQL reads the operation's name from the editor a moment after typing stops (its
 * tab then shows it); Ctrl+Enter before that would send the name the editor held before.
 */
async function runTyped(page: Page, query: string, expected: string): Promise<string> {
  await startTyped(page, query);
  await page.locator('.graphiql-response').getByText(expected).first().waitFor({ timeout: 10_000 });
  return editorText(page, '.graphiql-response');
}

/** Types a named operation into the explorer's editor and starts it with Ctrl+Enter. */
async function startTyped(page: Page, operation: string): Promise<void> {
  const name = /(?:query|subscription) (\w+)/.exec(operation)?.[1] ?? '';
  await typeInto(page, '.graphiql-query-editor', operation);
  await page.locator('.graphiql-tab-active').getByText(name, { exact: true }).waitFor();
  await page.keyboard.press('Control+Enter');
}

/** Every request and WebSocket the page opens, as `METHOD url` (`WS url` for a socket). */
function recordTraffic(page: Page): string[] {
  const traffic: string[] = [];
  page.on('request', (request) => traffic.push(`${request.method()} ${request.url()}`));
  page.on('websocket', (socket) => traffic.push(`WS ${socket.url()}`));
  return traffic;
}

/** The text an explorer editor holds, from its CodeMirror (the page shows it with gutters and fold marks). */
function editorText(page: Page, editor: string): Promise<string> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(`${editor} .CodeMirror`)})].find((e) => e.offsetParent !== null).CodeMirror.getValue()`);
}

describeWithChromium('the explorer in Chromium', () => {
  let harness: Harness;
  let browser: Browser | undefined;
  const start = async (explorer: ExplorerMode, ...args: string[]) => {
    harness = await startHarness({ server: { explorer } });
    browser = await launch(...args);
    return browser.newPage();
  };
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    await harness.stop();
  });

  test('by default, with every outside host unresolvable, GET /graphql ends in the gateway\'s GraphiQL, which runs a typed query on Ctrl+Enter', async () => {
    const page = await start('auto', OFFLINE);
    const began = Date.now();
    await page.goto(`${harness.gateway.url}/graphql`);
    await page.waitForURL(`${harness.gateway.url}/graphiql`, { timeout: 5_000 });
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 10_000 });
    const fellBackMs = Date.now() - began;
    // The failed load of Sandbox's code falls back at once, well before the wait for a hung one.
    expect(fellBackMs).toBeLessThan(SANDBOX_WAIT_MS);
    const answer = await runTyped(page, 'query Ruby { imageStream(namespace: "demo", name: "ruby") { metadata { name namespace } } }', '"ruby"');
    expect(JSON.parse(answer)).toEqual({ data: { imageStream: { metadata: { name: 'ruby', namespace: 'demo' } } } });
    // The README's picture (EXPLORER_SCREENSHOT=docs/explorer.png): the query laid out, the schema's docs open.
    if (process.env.EXPLORER_SCREENSHOT) {
      await page.getByRole('button', { name: /^Prettify query/ }).click();
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
      await page.locator('.graphiql-doc-explorer').getByText('imageStream', { exact: true }).first().waitFor();
      await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT });
    }
  }, 60_000);

  test('by default, when Sandbox\'s code never arrives (its host accepts and never answers), the page falls back after the wait', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const page = await start('auto', `--host-resolver-rules=MAP embeddable-sandbox.cdn.apollographql.com 127.0.0.1:${port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`);
      const began = Date.now();
      await page.goto(`${harness.gateway.url}/graphql`);
      await page.waitForURL(`${harness.gateway.url}/graphiql`, { timeout: SANDBOX_WAIT_MS + 5_000 });
      expect(Date.now() - began).toBeGreaterThanOrEqual(SANDBOX_WAIT_MS);
      await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 10_000 });
    } finally {
      silent.close();
    }
  });

  test('with EXPLORER=graphiql no request leaves loopback, nothing is refused, and the explorer has docs, an empty headers editor that works, and history', async () => {
    const page = await start('graphiql');
    const requests = recordTraffic(page);
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refusals.push(message.text());
    });
    await page.goto(`${harness.gateway.url}/graphql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 10_000 });

    // The headers editor is open and empty; a token typed into it is sent.
    expect(await editorText(page, '.graphiql-editor-tool')).toBe('');
    await typeInto(page, '.graphiql-editor-tool', '{"Authorization": "Bearer viewer-token"}');
    const refused = await runTyped(page, 'query Python { imageStream(namespace: "openshift", name: "python") { id } }', 'FORBIDDEN');
    expect((JSON.parse(refused) as { errors: Array<{ extensions: { code: string } }> }).errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);

    // The schema's documentation, from introspection.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('nodes', { exact: true }).first().waitFor();

    // What was run, in the history.
    await page.getByRole('button', { name: 'Show History' }).click();
    // An entry per distinct query, variables and headers run, labelled with the operation's name.
    await page.locator('.graphiql-history-item').getByText('Python', { exact: true }).first().waitFor();

    const origin = harness.gateway.url;
    expect(requests.filter((request) => !request.split(' ')[1]!.startsWith(`${origin}/`))).toEqual([]);
    expect([...new Set(requests)].sort()).toEqual(
      [
        ...pageLoad(origin),
        // Introspection, then the query.
        `POST ${origin}/graphql`,
      ].sort(),
    );
    expect(refusals).toEqual([]);
  }, 60_000);

  test('with EXPLORER=graphiql a typed subscription runs over the gateway\'s WebSocket with the headers editor\'s token, and a push into the demo cluster shows its event', async () => {
    const page = await start('graphiql');
    const traffic = recordTraffic(page);
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refusals.push(message.text());
    });
    await page.goto(`${harness.gateway.url}/graphql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 10_000 });
    await typeInto(page, '.graphiql-editor-tool', `{"Authorization": "Bearer ${DEVELOPER_TOKEN}"}`);
    await startTyped(
      page,
      'subscription Frontend { imageStreamChanged(namespace: "demo", name: "frontend") { type changedTags imageStream { metadata { name resourceVersion } } } }',
    );
    // The upstream watch is the developer's: the token typed into the headers editor reached the
    // WebSocket (the gateway would otherwise watch with the credentials it lends).
    await until('the upstream watch', () => harness.demo.watches.open.length === 1, 10_000);
    expect(harness.demo.watches.open.map((watch) => [watch.user, watch.namespace])).toEqual([['developer', 'demo']]);
    const pushed = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
    await page.locator('.graphiql-response').getByText('MODIFIED').first().waitFor({ timeout: 10_000 });
    expect(await editorText(page, '.graphiql-response')).toBe(
      JSON.stringify(
        { data: { imageStreamChanged: { type: 'MODIFIED', changedTags: ['latest'], imageStream: { metadata: { name: 'frontend', resourceVersion: pushed.stream.metadata.resourceVersion } } } } },
        null,
        2,
      ),
    );

    // Stopping it (the run button is a stop button while it runs) closes the upstream watch.
    await page.getByRole('button', { name: /^Stop/ }).click();
    await until('the watch closed', () => harness.demo.watches.open.length === 0, 10_000);

    const origin = harness.gateway.url;
    expect([...new Set(traffic)].sort()).toEqual(
      [
        ...pageLoad(origin),
        // Introspection.
        `POST ${origin}/graphql`,
        `WS ${origin.replace(/^http/, 'ws')}/graphql`,
      ].sort(),
    );
    expect(refusals).toEqual([]);
  }, 60_000);
});
