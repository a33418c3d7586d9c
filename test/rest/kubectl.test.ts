// kubectl, a real Kubernetes client, against the gateway over HTTPS: discovery, the raw route,
// the typed GET and the server-side Table. kubectl sends bearer tokens only over TLS.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { IMAGE_DOC, IMAGE_STREAM_IMAGE_DOC } from '../../src/openshift/field-docs';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { makeTlsFixture } from '../kube/tls-fixture';
import { rawRequest } from './raw-request';

const run = promisify(execFile);

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, command)));
}

const haveKubectl = onPath('kubectl');
const haveOpenssl = onPath('openssl');
if (!haveKubectl || !haveOpenssl) {
  console.warn(`test/rest/kubectl.test.ts skipped: ${!haveKubectl ? 'kubectl' : 'openssl'} is not on PATH`);
}
const describeWithKubectl = haveKubectl && haveOpenssl ? describe : describe.skip;

const { amd64 } = SAMPLES.manifestListMembers;
const NAMESPACE = 'demo';
const NAME = `ubuntu@${amd64}`;
const ISI_PATH = `/apis/image.openshift.io/v1/namespaces/${NAMESPACE}/imagestreamimages/${NAME}`;

describeWithKubectl('kubectl against the gateway over HTTPS', () => {
  let harness: Harness;
  let scratch: string;
  let tlsDir: string;
  let kubectl: (...args: string[]) => Promise<string>;
  let common: () => string[];
  let env: () => Record<string, string | undefined>;

  beforeAll(async () => {
    const tls = makeTlsFixture();
    tlsDir = tls.dir;
    harness = await startHarness({ lendCredentials: false, server: { tls: { cert: tls.serverCert, key: tls.serverKey } } });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'isgw-kubectl-'));
    const kubeconfig = path.join(scratch, 'empty-kubeconfig');
    fs.writeFileSync(kubeconfig, '');
    common = () => ['--server', harness.gateway.url, '--token', DEMO_ADMIN_TOKEN, '--insecure-skip-tls-verify', '--cache-dir', path.join(scratch, 'cache')];
    env = () => ({ PATH: process.env.PATH, HOME: scratch, KUBECONFIG: kubeconfig });
    // Asynchronous: the gateway answers from this same process.
    kubectl = async (...args) => {
      const { stdout } = await run('kubectl', [...common(), ...args], { env: env(), timeout: 15_000 });
      return stdout;
    };
  });
  afterAll(async () => {
    await harness?.stop();
    // The throw-away key pair and kubectl's cache go with the suite.
    for (const dir of [scratch, tlsDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const direct = async () => JSON.parse((await rawRequest(harness.demo.url, ISI_PATH, { token: DEMO_ADMIN_TOKEN })).body) as unknown;

  test('get --raw prints the upstream object', async () => {
    expect(JSON.parse(await kubectl('get', '--raw', ISI_PATH))).toEqual(await direct());
  });

  test('get imagestreamimage -o json finds the resource through discovery and prints the upstream object', async () => {
    expect(JSON.parse(await kubectl('get', 'imagestreamimage', NAME, '-n', NAMESPACE, '-o', 'json'))).toEqual(await direct());
  });

  test('get isimage prints the NAME and UPDATED columns of the server-side Table', async () => {
    const [header, row, ...rest] = (await kubectl('get', 'isimage', NAME, '-n', NAMESPACE)).trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['NAME', 'UPDATED']);
    expect(row).toMatch(new RegExp(`^${NAME}\\s+\\d+ years ago$`));
    expect(rest).toEqual([]);
  });

  test('get isimage -o wide adds IMAGE REFERENCE and IMAGE NAME', async () => {
    const [header, row] = (await kubectl('get', 'isimage', NAME, '-n', NAMESPACE, '-o', 'wide')).trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['NAME', 'UPDATED', 'IMAGE REFERENCE', 'IMAGE NAME']);
    expect(row?.split(/\s{2,}/)).toEqual([NAME, expect.stringMatching(/^\d+ years ago$/), `docker.io/library/ubuntu@${amd64}`, amd64]);
  });

  test("get isimage of a stream that does not exist prints the API server's own NotFound message", async () => {
    const failure = await kubectl('get', 'isimage', 'nosuch@sha256:abc', '-n', NAMESPACE).then(
      () => undefined,
      (error: { stderr?: string }) => error.stderr ?? '',
    );
    expect(failure?.trim()).toBe('Error from server (NotFound): imagestreamimages.image.openshift.io "nosuch" not found');
  });

  test("version prints the cluster's version, without a version-skew warning", async () => {
    const { stdout, stderr } = await run('kubectl', [...common(), 'version', '-o', 'json'], { env: env(), timeout: 15_000 });
    expect(JSON.parse(stdout).serverVersion).toMatchObject({ major: '1', minor: '31', gitVersion: 'v1.31.6' });
    expect(stderr).not.toMatch(/WARNING/i);
  });

  test("explain imagestreamimage prints the field documentation from the API server's OpenAPI document", async () => {
    const explained = await kubectl('explain', 'imagestreamimage');
    const words = (text: string) => text.replace(/\s+/g, ' ');
    expect(explained).toMatch(/^GROUP:\s+image\.openshift\.io\nKIND:\s+ImageStreamImage\nVERSION:\s+v1\n/);
    expect(words(explained)).toContain(IMAGE_STREAM_IMAGE_DOC['']);
    expect(explained).toMatch(/image\s+<Image> -required-/);
    const field = await kubectl('explain', 'imagestreamimage.image.dockerImageReference');
    expect(words(field)).toContain(IMAGE_DOC.dockerImageReference);
  });

  test('every call carried the token to the API server', () => {
    const isiCalls = harness.demo.requests.filter((request) => request.url.includes('/imagestreamimages/'));
    expect(isiCalls.length).toBeGreaterThanOrEqual(4);
    expect(new Set(isiCalls.map((request) => request.authorization))).toEqual(new Set([`Bearer ${DEMO_ADMIN_TOKEN}`]));
  });
});
