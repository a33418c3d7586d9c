// Where the cluster comes from, in kubectl's order: KUBECONFIG, then ~/.kube/config, then the
// pod's service account. Files are loaded by client-node's KubeConfig, never parsed here; this
// module only chooses the source, merges a KUBECONFIG list the way kubectl does, and checks that
// what the current context points at can be used, naming the file and the field when it cannot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import type { Config } from '../config';
import { ClusterConfigError } from './errors';

export type ClusterAccess =
  | {
      kind: 'kubeconfig';
      kubeConfig: KubeConfig;
      /** The kubeconfig file (a KUBECONFIG list: the files read, joined by `:`), or `in-cluster`. */
      source: string;
    }
  | { kind: 'none' };

export interface ClusterAccessDeps {
  /** The environment (normally `process.env`): KUBERNETES_SERVICE_HOST and _PORT are read from it. */
  env: Record<string, string | undefined>;
  /** Where `~/.kube/config` lives; default `os.homedir()`. `null`: no home directory. */
  homeDir?: string | null;
  fileExists?: (file: string) => boolean;
  /** Prepended to `/var/run/secrets/kubernetes.io/serviceaccount` (tests point it at a temp dir). */
  inClusterPathPrefix?: string;
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Finds the cluster configuration as kubectl would. `DEMO=true` skips the search (`none`: the
 * caller starts the demo cluster); `DEMO=false` makes finding nothing an error. A configuration
 * that exists but is broken throws ClusterConfigError and never yields `none`.
 */
export function resolveClusterAccess(config: Pick<Config, 'kubeconfig' | 'demo'>, deps: ClusterAccessDeps): ClusterAccess {
  if (config.demo === 'true') return { kind: 'none' };
  const fileExists = deps.fileExists ?? defaultFileExists;

  if (config.kubeconfig !== undefined) {
    // kubectl skips the missing entries of a KUBECONFIG list; when none exists at all we stop
    // rather than quietly use another cluster (or demo data) than the one asked for.
    const listed = config.kubeconfig.split(path.delimiter).filter((file) => file !== '');
    const files = [...new Set(listed)].filter((file) => fileExists(file));
    if (files.length === 0) {
      throw new ClusterConfigError('KUBECONFIG', '', `KUBECONFIG names ${listed.map((f) => JSON.stringify(f)).join(', ')}, but no such file exists`);
    }
    return { kind: 'kubeconfig', kubeConfig: loadKubeconfigFiles(files), source: files.join(path.delimiter) };
  }

  const home = deps.homeDir === undefined ? os.homedir() : deps.homeDir;
  if (home) {
    const file = path.join(home, '.kube', 'config');
    if (fileExists(file)) return { kind: 'kubeconfig', kubeConfig: loadKubeconfigFiles([file]), source: file };
  }

  // client-go's rule for "running in a pod": both service variables and the mounted token.
  const prefix = deps.inClusterPathPrefix ?? '';
  const host = deps.env.KUBERNETES_SERVICE_HOST;
  const port = deps.env.KUBERNETES_SERVICE_PORT;
  if (host && port && fileExists(`${prefix}${SERVICE_ACCOUNT_DIR}/token`)) {
    return { kind: 'kubeconfig', kubeConfig: loadInCluster(prefix, host, port), source: 'in-cluster' };
  }

  if (config.demo === 'false') {
    throw new ClusterConfigError(
      'DEMO',
      '',
      'DEMO=false but no cluster is configured: KUBECONFIG is unset, ~/.kube/config does not exist and this is not a pod (KUBERNETES_SERVICE_HOST/_PORT and a service account token)',
    );
  }
  return { kind: 'none' };
}

/**
 * A KubeConfig for one server and one bearer token: how the composition root points the HTTP
 * adapter at the embedded demo cluster with the demo admin token.
 */
export function kubeConfigForServer(server: string, token: string, opts: { caData?: string; skipTLSVerify?: boolean } = {}): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'gateway-upstream', server: server.replace(/\/+$/, ''), caData: opts.caData, skipTLSVerify: opts.skipTLSVerify ?? false }],
    users: [{ name: 'gateway', token }],
    contexts: [{ name: 'gateway', cluster: 'gateway-upstream', user: 'gateway' }],
    currentContext: 'gateway',
  });
  return kubeConfig;
}

/** Where an entry of the merged config was read: for messages that name the file and the index. */
interface Origin {
  file: string;
  index: number;
}

interface Named<T> {
  entry: T;
  origin: Origin;
}

function loadKubeconfigFiles(files: string[]): KubeConfig {
  const clusters: Named<Cluster>[] = [];
  const users: Named<User>[] = [];
  const contexts: Named<Context>[] = [];
  let currentContext: { name: string; file: string } | undefined;
  for (const file of files) {
    const one = loadFile(file);
    // kubectl's merge: the first file to define a name wins, and so does the first current-context.
    addNew(clusters, one.clusters, file);
    addNew(users, one.users, file);
    addNew(contexts, one.contexts, file);
    if (!currentContext && one.currentContext) currentContext = { name: one.currentContext, file };
  }
  const source = files.length === 1 ? files[0]! : `KUBECONFIG (${files.join(path.delimiter)})`;

  if (!currentContext) throw new ClusterConfigError(source, 'current-context', `${source}: current-context is not set`);
  const context = contexts.find((c) => c.entry.name === currentContext.name);
  if (!context) {
    throw new ClusterConfigError(currentContext.file, 'current-context', `${currentContext.file}: current-context ${JSON.stringify(currentContext.name)} does not name a context`);
  }
  const { file: contextFile, index: contextIndex } = context.origin;
  const cluster = clusters.find((c) => c.entry.name === context.entry.cluster);
  if (!cluster) {
    const field = `contexts[${contextIndex}].context.cluster`;
    throw new ClusterConfigError(contextFile, field, `${contextFile}: ${field} ${JSON.stringify(context.entry.cluster)} does not name a cluster`);
  }
  checkCluster(cluster);
  // A context without a user is legal (anonymous, as in kubectl); one naming a missing user is not.
  if (context.entry.user) {
    const user = users.find((u) => u.entry.name === context.entry.user);
    if (!user) {
      const field = `contexts[${contextIndex}].context.user`;
      throw new ClusterConfigError(contextFile, field, `${contextFile}: ${field} ${JSON.stringify(context.entry.user)} does not name a user`);
    }
    checkUser(user);
  }

  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: clusters.map((c) => c.entry),
    users: users.map((u) => u.entry),
    contexts: contexts.map((c) => c.entry),
    currentContext: currentContext.name,
  });
  return kubeConfig;
}

function addNew<T extends { name: string }>(into: Named<T>[], entries: T[], file: string): void {
  entries.forEach((entry, index) => {
    if (!into.some((known) => known.entry.name === entry.name)) into.push({ entry, origin: { file, index } });
  });
}

/** One file through KubeConfig.loadFromFile, its errors prefixed with the file. */
function loadFile(file: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(file);
  } catch (error) {
    throw loadError(file, error);
  }
  return kubeConfig;
}

function loadError(file: string, error: unknown): ClusterConfigError {
  const e = error as { name?: string; message?: string; reason?: string; mark?: { line: number; column: number }; code?: string; path?: string };
  if (e.name === 'YAMLException') {
    const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    return new ClusterConfigError(file, '', `${file}: not valid YAML: ${e.reason ?? e.message}${where}`, { cause: error });
  }
  if (e.code && e.path === file) {
    return new ClusterConfigError(file, '', `${file}: cannot be read (${e.code})`, { cause: error });
  }
  if (e.code && e.path) {
    // The loader reads a user's token-file while parsing; it is the only other file it opens.
    return new ClusterConfigError(file, 'token-file', `${file}: a user's token-file ${JSON.stringify(e.path)} cannot be read (${e.code})`, { cause: error });
  }
  if (error instanceof TypeError) {
    // yaml.load of an empty file or a scalar gives no object to read `clusters` from.
    return new ClusterConfigError(file, '', `${file}: is not a kubeconfig (expected a YAML mapping with clusters, contexts and users)`, { cause: error });
  }
  // The loader's own checks already name the field: `clusters[0].cluster.server is missing`.
  const message = e.message ?? String(error);
  const field = /^(\S+\[\d+\]\S*) /.exec(message)?.[1] ?? '';
  return new ClusterConfigError(file, field, `${file}: ${message}`, { cause: error });
}

function checkCluster({ entry, origin }: Named<Cluster>): void {
  const at = `clusters[${origin.index}].cluster`;
  let url: URL | undefined;
  try {
    url = new URL(entry.server);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    fail(origin.file, `${at}.server`, `${JSON.stringify(entry.server)} is not an http or https URL`);
  }
  if (entry.proxyUrl) fail(origin.file, `${at}.proxy-url`, 'is set, and the gateway does not support proxies yet');
  checkPem(origin.file, `${at}.certificate-authority`, entry.caFile, `${at}.certificate-authority-data`, entry.caData, 'CERTIFICATE');
}

function checkUser({ entry, origin }: Named<User>): void {
  const at = `users[${origin.index}].user`;
  const cert = entry.certFile ? 'client-certificate' : entry.certData ? 'client-certificate-data' : undefined;
  const key = entry.keyFile ? 'client-key' : entry.keyData ? 'client-key-data' : undefined;
  if (cert && !key) fail(origin.file, `${at}.${cert}`, 'is set but neither client-key nor client-key-data is');
  if (key && !cert) fail(origin.file, `${at}.${key}`, 'is set but neither client-certificate nor client-certificate-data is');
  checkPem(origin.file, `${at}.client-certificate`, entry.certFile, `${at}.client-certificate-data`, entry.certData, 'CERTIFICATE');
  checkPem(origin.file, `${at}.client-key`, entry.keyFile, `${at}.client-key-data`, entry.keyData, 'PRIVATE KEY');
}

/**
 * A PEM block given as a file or as base64 data (the file wins, as in client-node): the file must
 * be readable and either must hold a PEM block whose label ends with `label`.
 */
function checkPem(file: string, fileField: string, pemFile: string | undefined, dataField: string, data: string | undefined, label: string): void {
  const pattern = new RegExp(`-----BEGIN [A-Z ]*${label}-----`);
  if (pemFile) {
    let text: string;
    try {
      text = fs.readFileSync(pemFile, 'utf8');
    } catch (error) {
      fail(file, fileField, `${JSON.stringify(pemFile)} cannot be read (${(error as { code?: string }).code ?? String(error)})`);
    }
    if (!pattern.test(text)) fail(file, fileField, `${JSON.stringify(pemFile)} holds no PEM ${label}`);
  } else if (data && !pattern.test(Buffer.from(data, 'base64').toString('utf8'))) {
    fail(file, dataField, `is not a base64-encoded PEM ${label}`);
  }
}

function fail(file: string, field: string, problem: string): never {
  throw new ClusterConfigError(file, field, `${file}: ${field} ${problem}`);
}

/**
 * The service account config through KubeConfig.loadFromCluster (token file re-read as it
 * rotates, CA file), with the server taken from the injected environment rather than from
 * `process.env`, which loadFromCluster reads by itself.
 */
function loadInCluster(prefix: string, host: string, port: string): KubeConfig {
  const loaded = new KubeConfig();
  loaded.loadFromCluster(prefix);
  const scheme = port === '80' || port === '8080' || port === '8001' ? 'http' : 'https';
  const server = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const clusters = loaded.clusters.map((cluster) => ({ ...cluster, server }));
  clusters.forEach((entry, index) => checkCluster({ entry, origin: { file: 'in-cluster', index } }));
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({ clusters, users: loaded.users, contexts: loaded.contexts, currentContext: loaded.currentContext });
  return kubeConfig;
}

function defaultFileExists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
