import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kubeConfigForServer, resolveClusterAccess, type ClusterAccess } from '../../src/kube/cluster-access';
import { ClusterConfigError } from '../../src/kube/errors';

const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
const PEM_KEY = '-----BEGIN EC PRIVATE KEY-----\nMHcfake\n-----END EC PRIVATE KEY-----\n';

let dir: string;
let home: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isgw-access-'));
  home = path.join(dir, 'home');
  fs.mkdirSync(home);
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** A valid kubeconfig (JSON is YAML) with one context; `edit` changes it before it is written. */
function kubeconfig(server = 'https://api.one.example:6443', edit: (config: KubeconfigDoc) => void = () => undefined): KubeconfigDoc {
  const config: KubeconfigDoc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'one', cluster: { server } }],
    users: [{ name: 'alice', user: { token: 'alice-token' } }],
    contexts: [{ name: 'one', context: { cluster: 'one', user: 'alice' } }],
    'current-context': 'one',
  };
  edit(config);
  return config;
}

interface KubeconfigDoc {
  apiVersion: string;
  kind: string;
  clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
  users: Array<{ name: string; user: Record<string, unknown> }>;
  contexts: Array<{ name: string; context: Record<string, unknown> }>;
  'current-context'?: string;
}

const auto = (kubeconfigVar?: string) => ({ kubeconfig: kubeconfigVar, demo: 'auto' as const });

function server(access: ClusterAccess): string | undefined {
  return access.kind === 'kubeconfig' ? access.kubeConfig.getCurrentCluster()?.server : undefined;
}

function failure(run: () => unknown): ClusterConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ClusterConfigError);
    return error as ClusterConfigError;
  }
  throw new Error('expected a ClusterConfigError');
}

describe('where the cluster comes from', () => {
  it('loads the file KUBECONFIG names', () => {
    const file = write('kc', kubeconfig());
    const access = resolveClusterAccess(auto(file), { env: {}, homeDir: home });
    expect(access).toMatchObject({ kind: 'kubeconfig', source: file });
    expect(server(access)).toBe('https://api.one.example:6443');
    expect(access.kind === 'kubeconfig' && access.kubeConfig.getCurrentUser()?.token).toBe('alice-token');
  });

  it('merges a KUBECONFIG list as kubectl does: missing files skipped, the first definition and current-context win', () => {
    const first = write('a', kubeconfig('https://first.example', (c) => delete c['current-context']));
    const second = write(
      'b',
      kubeconfig('https://second.example', (c) => {
        c.clusters.push({ name: 'two', cluster: { server: 'https://two.example' } });
        c.contexts.push({ name: 'two', context: { cluster: 'two', user: 'alice' } });
        c['current-context'] = 'two';
      }),
    );
    const third = write('c', kubeconfig('https://third.example', (c) => (c['current-context'] = 'one')));
    const access = resolveClusterAccess(auto([first, path.join(dir, 'missing'), second, third].join(':')), { env: {}, homeDir: home });
    expect(access).toMatchObject({ kind: 'kubeconfig', source: [first, second, third].join(':') });
    if (access.kind !== 'kubeconfig') throw new Error('unreachable');
    expect(access.kubeConfig.getCurrentContext()).toBe('two');
    expect(access.kubeConfig.getCluster('one')?.server).toBe('https://first.example');
    expect(access.kubeConfig.getCurrentCluster()?.server).toBe('https://two.example');
  });

  it('refuses a KUBECONFIG none of whose files exists, rather than use another cluster', () => {
    write('.kube/config', kubeconfig());
    const error = failure(() => resolveClusterAccess(auto(path.join(dir, 'nope')), { env: {}, homeDir: dir }));
    expect(error.message).toBe(`KUBECONFIG names ${JSON.stringify(path.join(dir, 'nope'))}, but no such file exists`);
  });

  it('loads ~/.kube/config when KUBECONFIG is unset, resolving relative paths against its directory', () => {
    write('home/.kube/ca.crt', PEM_CERT);
    write('home/.kube/config', kubeconfig('https://home.example', (c) => (c.clusters[0]!.cluster['certificate-authority'] = 'ca.crt')));
    const access = resolveClusterAccess(auto(), { env: {}, homeDir: home });
    expect(access).toMatchObject({ kind: 'kubeconfig', source: path.join(home, '.kube', 'config') });
    expect(access.kind === 'kubeconfig' && access.kubeConfig.getCurrentCluster()?.caFile).toBe(path.join(home, '.kube', 'ca.crt'));
  });

  it("uses the pod's service account when there is no kubeconfig", () => {
    write('var/run/secrets/kubernetes.io/serviceaccount/token', 'sa-token');
    write('var/run/secrets/kubernetes.io/serviceaccount/ca.crt', PEM_CERT);
    const access = resolveClusterAccess(auto(), {
      env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' },
      homeDir: home,
      inClusterPathPrefix: dir,
    });
    expect(access).toMatchObject({ kind: 'kubeconfig', source: 'in-cluster' });
    if (access.kind !== 'kubeconfig') throw new Error('unreachable');
    expect(access.kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'https://10.0.0.1:443',
      caFile: path.join(dir, 'var/run/secrets/kubernetes.io/serviceaccount/ca.crt'),
    });
    expect(access.kubeConfig.getCurrentUser()?.authProvider).toEqual({
      name: 'tokenFile',
      config: { tokenFile: path.join(dir, 'var/run/secrets/kubernetes.io/serviceaccount/token') },
    });
  });

  it('brackets an IPv6 service host', () => {
    write('var/run/secrets/kubernetes.io/serviceaccount/token', 'sa-token');
    write('var/run/secrets/kubernetes.io/serviceaccount/ca.crt', PEM_CERT);
    const access = resolveClusterAccess(auto(), { env: { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' }, homeDir: home, inClusterPathPrefix: dir });
    expect(server(access)).toBe('https://[fd00::1]:443');
  });

  it('is not in a pod without a service account token, even with the service variables', () => {
    const access = resolveClusterAccess(auto(), { env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' }, homeDir: home, inClusterPathPrefix: dir });
    expect(access).toEqual({ kind: 'none' });
  });

  it('finds none with no KUBECONFIG, no ~/.kube/config and no pod', () => {
    expect(resolveClusterAccess(auto(), { env: {}, homeDir: home })).toEqual({ kind: 'none' });
    expect(resolveClusterAccess(auto(), { env: {}, homeDir: null })).toEqual({ kind: 'none' });
  });

  it('asks fileExists about the files it considers', () => {
    const asked: string[] = [];
    resolveClusterAccess(auto(), {
      env: { KUBERNETES_SERVICE_HOST: 'h', KUBERNETES_SERVICE_PORT: '1' },
      homeDir: '/home/x',
      fileExists: (file) => (asked.push(file), false),
    });
    expect(asked).toEqual(['/home/x/.kube/config', '/var/run/secrets/kubernetes.io/serviceaccount/token']);
  });

  it('skips the search with DEMO=true, even with a broken KUBECONFIG', () => {
    const file = write('broken', 'clusters: [');
    expect(resolveClusterAccess({ kubeconfig: file, demo: 'true' }, { env: {}, homeDir: home })).toEqual({ kind: 'none' });
  });

  it('makes finding no cluster an error with DEMO=false', () => {
    const error = failure(() => resolveClusterAccess({ kubeconfig: undefined, demo: 'false' }, { env: {}, homeDir: home }));
    expect(error.message).toMatch(/^DEMO=false but no cluster is configured: KUBECONFIG is unset, ~\/\.kube\/config does not exist/);
  });
});

describe('a broken kubeconfig names the file and the field', () => {
  const cases: Array<[string, () => string, string, string]> = [
    ['invalid YAML', () => write('kc', 'clusters:\n  - name: a\n   bad: [\n'), '', 'not valid YAML: '],
    ['an empty file', () => write('kc', ''), '', 'is not a kubeconfig (expected a YAML mapping with clusters, contexts and users)'],
    ['no current-context', () => write('kc', kubeconfig(undefined, (c) => delete c['current-context'])), 'current-context', 'current-context is not set'],
    ['a current-context naming no context', () => write('kc', kubeconfig(undefined, (c) => (c['current-context'] = 'gone'))), 'current-context', 'current-context "gone" does not name a context'],
    [
      'a context naming no cluster',
      () => write('kc', kubeconfig(undefined, (c) => (c.contexts[0]!.context.cluster = 'x'))),
      'contexts[0].context.cluster',
      'contexts[0].context.cluster "x" does not name a cluster',
    ],
    [
      'a context naming no user',
      () => write('kc', kubeconfig(undefined, (c) => (c.contexts[0]!.context.user = 'bob'))),
      'contexts[0].context.user',
      'contexts[0].context.user "bob" does not name a user',
    ],
    ['a cluster without server', () => write('kc', kubeconfig(undefined, (c) => delete c.clusters[0]!.cluster.server)), 'clusters[0].cluster.server', 'clusters[0].cluster.server is missing'],
    [
      'a server that is not an http URL',
      () => write('kc', kubeconfig('api.example:6443')),
      'clusters[0].cluster.server',
      'clusters[0].cluster.server "api.example:6443" is not an http or https URL',
    ],
    [
      'an unreadable CA file',
      () => write('kc', kubeconfig(undefined, (c) => (c.clusters[0]!.cluster['certificate-authority'] = '/nonexistent/ca.crt'))),
      'clusters[0].cluster.certificate-authority',
      'clusters[0].cluster.certificate-authority "/nonexistent/ca.crt" cannot be read (ENOENT)',
    ],
    [
      'CA data that is not a PEM certificate',
      () => write('kc', kubeconfig(undefined, (c) => (c.clusters[0]!.cluster['certificate-authority-data'] = Buffer.from('junk').toString('base64')))),
      'clusters[0].cluster.certificate-authority-data',
      'clusters[0].cluster.certificate-authority-data is not a base64-encoded PEM CERTIFICATE',
    ],
    [
      'a client certificate without key',
      () => write('kc', kubeconfig(undefined, (c) => (c.users[0]!.user['client-certificate-data'] = Buffer.from(PEM_CERT).toString('base64')))),
      'users[0].user.client-certificate-data',
      'users[0].user.client-certificate-data is set but neither client-key nor client-key-data is',
    ],
    [
      'an unreadable client key file',
      () =>
        write(
          'kc',
          kubeconfig(undefined, (c) => {
            c.users[0]!.user['client-certificate-data'] = Buffer.from(PEM_CERT).toString('base64');
            c.users[0]!.user['client-key'] = 'missing.key';
          }),
        ),
      'users[0].user.client-key',
      `users[0].user.client-key ${JSON.stringify(path.join('DIR', 'missing.key'))} cannot be read (ENOENT)`,
    ],
    [
      'an unreadable token-file',
      () => write('kc', kubeconfig(undefined, (c) => (c.users[0]!.user = { 'token-file': '/nonexistent/token' }))),
      'token-file',
      'a user\'s token-file "/nonexistent/token" cannot be read (ENOENT)',
    ],
    ['a proxy-url', () => write('kc', kubeconfig(undefined, (c) => (c.clusters[0]!.cluster['proxy-url'] = 'http://proxy:3128'))), 'clusters[0].cluster.proxy-url', 'clusters[0].cluster.proxy-url is set, and the gateway does not support proxies yet'],
  ];

  it.each(cases)('%s', (_label, make, field, problem) => {
    const file = make();
    const error = failure(() => resolveClusterAccess(auto(file), { env: {}, homeDir: home }));
    expect(error.source).toBe(file);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${file}: ${problem.replace('DIR', dir)}`)).toBe(true);
  });

  it('names the second file of a KUBECONFIG list when its context is the broken one', () => {
    const first = write('a', kubeconfig(undefined, (c) => delete c['current-context']));
    const second = write(
      'b',
      kubeconfig(undefined, (c) => {
        c.contexts.push({ name: 'two', context: { cluster: 'nowhere' } });
        c['current-context'] = 'two';
      }),
    );
    const error = failure(() => resolveClusterAccess(auto(`${first}:${second}`), { env: {}, homeDir: home }));
    expect(error.message).toBe(`${second}: contexts[1].context.cluster "nowhere" does not name a cluster`);
  });

  it('reports a broken ~/.kube/config instead of finding none', () => {
    const file = write('home/.kube/config', kubeconfig(undefined, (c) => (c['current-context'] = 'gone')));
    expect(failure(() => resolveClusterAccess(auto(), { env: {}, homeDir: home })).message).toBe(`${file}: current-context "gone" does not name a context`);
  });

  it('reports an unreadable service account CA as in-cluster', () => {
    write('var/run/secrets/kubernetes.io/serviceaccount/token', 'sa-token');
    const error = failure(() =>
      resolveClusterAccess(auto(), { env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' }, homeDir: home, inClusterPathPrefix: dir }),
    );
    expect(error.message).toBe(
      `in-cluster: clusters[0].cluster.certificate-authority ${JSON.stringify(path.join(dir, 'var/run/secrets/kubernetes.io/serviceaccount/ca.crt'))} cannot be read (ENOENT)`,
    );
  });

  it('accepts a client certificate and key given as files relative to the kubeconfig', () => {
    write('client.crt', PEM_CERT);
    write('client.key', PEM_KEY);
    const file = write(
      'kc',
      kubeconfig(undefined, (c) => (c.users[0]!.user = { 'client-certificate': 'client.crt', 'client-key': 'client.key' })),
    );
    const access = resolveClusterAccess(auto(file), { env: {}, homeDir: home });
    expect(access.kind === 'kubeconfig' && access.kubeConfig.getCurrentUser()).toMatchObject({
      certFile: path.join(dir, 'client.crt'),
      keyFile: path.join(dir, 'client.key'),
    });
  });

  it('accepts a context without a user, as kubectl does', () => {
    const file = write('kc', kubeconfig(undefined, (c) => delete c.contexts[0]!.context.user));
    expect(resolveClusterAccess(auto(file), { env: {}, homeDir: home })).toMatchObject({ kind: 'kubeconfig' });
  });
});

it('builds a KubeConfig for one server and token', () => {
  const kubeConfig = kubeConfigForServer('http://127.0.0.1:8080/', 'demo-admin', { skipTLSVerify: true });
  expect(kubeConfig.getCurrentCluster()).toMatchObject({ server: 'http://127.0.0.1:8080', skipTLSVerify: true });
  expect(kubeConfig.getCurrentUser()).toMatchObject({ token: 'demo-admin' });
});
