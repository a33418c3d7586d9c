// Renders deploy/ the way `kubectl apply -k` would, with kubectl's own kustomize, and hands the
// objects back parsed: the tests check what a cluster would receive, not the files that make it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1Container,
  V1Deployment,
  V1PodDisruptionBudget,
  V1Service,
  V1ServiceAccount,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = path.join(__dirname, '..', '..');
export const DEPLOY_DIR = path.join(REPO_ROOT, 'deploy');

/** The parts of an OpenShift Route these tests read (client-node has no OpenShift types). */
export interface Route {
  apiVersion: string;
  kind: 'Route';
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec: {
    host?: string;
    to: { kind: string; name: string; weight?: number };
    port?: { targetPort: string | number };
    tls?: { termination: string; insecureEdgeTerminationPolicy?: string; destinationCACertificate?: string };
  };
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** One rendering, with the single object of each kind the gateway's manifests hold. */
export interface Rendering {
  objects: KubeObject[];
  /** The kinds rendered, as `Kind/name`, in kustomize's order. */
  names: string[];
  deployment: V1Deployment;
  container: V1Container;
  service: V1Service;
  serviceAccount: V1ServiceAccount;
  podDisruptionBudget: V1PodDisruptionBudget;
  horizontalPodAutoscaler: V2HorizontalPodAutoscaler;
  route: Route | undefined;
  clusterRole: V1ClusterRole | undefined;
  clusterRoleBinding: V1ClusterRoleBinding | undefined;
}

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, command)));
}

/**
 * Why `kubectl kustomize` cannot render deploy/ here, or undefined when it can: the manifests use
 * Components and `labels:`, which kubectl's kustomize has had since v4 (kubectl 1.21).
 */
export function whyNoKustomize(): string | undefined {
  if (!onPath('kubectl')) return 'kubectl is not on PATH';
  try {
    const version = JSON.parse(execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8', timeout: 10_000 })) as { kustomizeVersion?: string };
    const major = Number(/^v(\d+)\./.exec(version.kustomizeVersion ?? '')?.[1]);
    return major >= 4 ? undefined : `kubectl's kustomize is ${version.kustomizeVersion ?? 'unknown'}, and deploy/ needs v4 or newer`;
  } catch (error) {
    return `kubectl version --client failed: ${(error as Error).message}`;
  }
}

/** `kubectl kustomize <dir>`, parsed; a kustomize error fails with kubectl's own message. */
export function renderKustomization(dir: string): Rendering {
  const output = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  const objects = parseAllDocuments(output).map((document) => {
    if (document.errors.length > 0) throw new Error(`kubectl kustomize ${dir} printed YAML that does not parse: ${document.errors[0]?.message}`);
    return document.toJS() as KubeObject;
  });
  const only = <T>(kind: string): T => {
    const found = objects.filter((object) => object.kind === kind);
    if (found.length !== 1) throw new Error(`${dir} renders ${found.length} objects of kind ${kind}, expected exactly 1`);
    return found[0] as T;
  };
  const optional = <T>(kind: string): T | undefined => (objects.some((object) => object.kind === kind) ? only<T>(kind) : undefined);
  const deployment = only<V1Deployment>('Deployment');
  const containers = deployment.spec?.template.spec?.containers ?? [];
  if (containers.length !== 1) throw new Error(`${dir} renders a Deployment with ${containers.length} containers, expected 1`);
  return {
    objects,
    names: objects.map((object) => `${object.kind}/${object.metadata.name}`),
    deployment,
    container: containers[0]!,
    service: only<V1Service>('Service'),
    serviceAccount: only<V1ServiceAccount>('ServiceAccount'),
    podDisruptionBudget: only<V1PodDisruptionBudget>('PodDisruptionBudget'),
    horizontalPodAutoscaler: only<V2HorizontalPodAutoscaler>('HorizontalPodAutoscaler'),
    route: optional<Route>('Route'),
    clusterRole: optional<V1ClusterRole>('ClusterRole'),
    clusterRoleBinding: optional<V1ClusterRoleBinding>('ClusterRoleBinding'),
  };
}

/**
 * Renders an overlay of one's own, as the README shows it: `resources` and `components` are paths
 * under deploy/. kustomize takes only relative paths, so the overlay is written to a temporary
 * directory with paths relative to it, and removed again.
 */
export function renderComposition(composition: { resources: string[]; components: string[] }): Rendering {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isgw-kustomize-'));
  try {
    const relative = (entry: string) => path.relative(dir, path.join(DEPLOY_DIR, entry));
    const lines = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      ...composition.resources.map((entry) => `  - ${relative(entry)}`),
      'components:',
      ...composition.components.map((entry) => `  - ${relative(entry)}`),
    ];
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), `${lines.join('\n')}\n`);
    return renderKustomization(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The container's literal environment (`value:`), as the gateway would read it. */
export function literalEnv(container: V1Container): Record<string, string> {
  return Object.fromEntries((container.env ?? []).filter((entry) => entry.valueFrom === undefined).map((entry) => [entry.name, entry.value ?? '']));
}
