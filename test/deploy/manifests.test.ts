// Every overlay of deploy/, rendered by kubectl's kustomize, checked object by object: what a
// cluster would run, where its traffic goes, what it may do, and that each setting it passes is
// one the gateway reads, with a value the gateway accepts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { V1Probe } from '@kubernetes/client-node';
import { Agent, request } from 'undici';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config';
import { ClusterConfigError } from '../../src/kube/errors';
import { resolveClusterAccess } from '../../src/kube/cluster-access';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { makeTlsFixture } from '../kube/tls-fixture';
import { DEPLOY_DIR, literalEnv, onPath, renderComposition, renderKustomization, whyNoKustomize, type Rendering } from './render-kustomization';

const noKustomize = whyNoKustomize();
const haveOpenssl = onPath('openssl');
if (noKustomize) console.warn(`test/deploy/manifests.test.ts skipped: ${noKustomize}`);
const describeWithKubectl = noKustomize ? describe.skip : describe;

const NAMESPACE = 'imagestream-gateway';
const CACHE_SECRET = 'imagestream-gateway-cache';

interface Overlay {
  name: string;
  render: () => Rendering;
  /** The Route's TLS termination; undefined: no Route. */
  termination: 'edge' | 'reencrypt' | undefined;
  tokenReview: boolean;
  redis: boolean;
}

const overlayDir = (name: string) => () => renderKustomization(path.join(DEPLOY_DIR, name));
const OVERLAYS: Overlay[] = [
  { name: 'base', render: overlayDir('base'), termination: undefined, tokenReview: false, redis: false },
  { name: 'openshift', render: overlayDir('openshift'), termination: 'edge', tokenReview: false, redis: false },
  { name: 'openshift-reencrypt', render: overlayDir('openshift-reencrypt'), termination: 'reencrypt', tokenReview: false, redis: false },
  { name: 'redis', render: overlayDir('redis'), termination: 'edge', tokenReview: false, redis: true },
  {
    // The README's overlay of one's own: every component at once, on the reencrypt overlay.
    name: 'openshift-reencrypt + components/token-review + components/redis',
    render: () => renderComposition({ resources: ['openshift-reencrypt'], components: ['components/token-review', 'components/redis'] }),
    termination: 'reencrypt',
    tokenReview: true,
    redis: true,
  },
];

/**
 * A name the gateway reads: a row of config.ts's table, or a standard OpenTelemetry variable,
 * which the OpenTelemetry SDK reads itself (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, ...)
 * and config.ts therefore does not list.
 */
function isKnownSetting(name: string): boolean {
  return CONFIG_VARIABLES.some((variable) => variable.name === name) || name.startsWith('OTEL_');
}

/** Mebibytes of a Kubernetes quantity such as `512Mi` or `1Gi`. */
function mebibytes(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`expected a memory quantity in Mi or Gi, got ${JSON.stringify(quantity)}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

test('deploy/ holds exactly the overlays and components these tests render', () => {
  const dirs = (under: string) =>
    fs
      .readdirSync(path.join(DEPLOY_DIR, under), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  expect(dirs('.')).toEqual(['base', 'components', 'openshift', 'openshift-reencrypt', 'redis']);
  expect(dirs('components')).toEqual(['redis', 'token-review']);
});

describeWithKubectl.each(OVERLAYS)('deploy/$name, rendered', (overlay) => {
  let r: Rendering;
  beforeAll(() => {
    r = overlay.render();
  });

  test('holds the gateway objects and only those, every namespaced one in imagestream-gateway', () => {
    const expected = [
      'Deployment/imagestream-gateway',
      'HorizontalPodAutoscaler/imagestream-gateway',
      'PodDisruptionBudget/imagestream-gateway',
      'Service/imagestream-gateway',
      'ServiceAccount/imagestream-gateway',
      ...(overlay.termination ? ['Route/imagestream-gateway'] : []),
      ...(overlay.tokenReview ? ['ClusterRole/imagestream-gateway-token-review', 'ClusterRoleBinding/imagestream-gateway-token-review'] : []),
    ];
    expect([...r.names].sort()).toEqual(expected.sort());
    const clusterScoped = new Set(['ClusterRole', 'ClusterRoleBinding']);
    for (const object of r.objects) {
      expect([object.kind, object.metadata.namespace]).toEqual([object.kind, clusterScoped.has(object.kind) ? undefined : NAMESPACE]);
      expect(object.metadata.labels?.['app.kubernetes.io/part-of']).toBe('imagestream-gateway');
    }
  });

  test('commits no Secret: the operator creates them', () => {
    expect(r.objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  test('runs 2 replicas, never fewer than 2 during a rollout', () => {
    expect(r.deployment.spec?.replicas).toBe(2);
    expect(r.deployment.spec?.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
  });

  test('runs the container as non-root under the restricted profile', () => {
    const pod = r.deployment.spec?.template.spec;
    expect(pod?.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(r.container.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    // No user id of its own (the image's 1001, or OpenShift's pick) and nothing of the host's.
    expect([pod?.hostNetwork, pod?.hostPID, pod?.hostIPC, r.container.securityContext?.runAsUser, r.container.securityContext?.privileged]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(pod?.serviceAccountName).toBe(r.serviceAccount.metadata?.name);
    expect(pod?.automountServiceAccountToken).toBe(true);
  });

  test('mounts nothing writable: the read-only root filesystem is the whole filesystem', () => {
    const volumes = r.deployment.spec?.template.spec?.volumes ?? [];
    expect(volumes.filter((volume) => volume.emptyDir !== undefined || volume.hostPath !== undefined)).toEqual([]);
    expect((r.container.volumeMounts ?? []).every((mount) => mount.readOnly === true)).toBe(true);
  });

  test('sets only settings the gateway reads, with values it accepts', () => {
    const names = (r.container.env ?? []).map((entry) => entry.name);
    expect(names.filter((name) => !isKnownSetting(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    const config = loadConfig(literalEnv(r.container));
    expect([config.demo, config.lendCredentials, config.nodeEnv, config.tokenReview]).toEqual(['false', false, 'production', overlay.tokenReview]);
  });

  test('listens on the one container port, the port the gateway takes from PORT', () => {
    expect(r.container.ports).toHaveLength(1);
    expect(r.container.ports?.[0]?.containerPort).toBe(4000);
    expect(loadConfig(literalEnv(r.container)).port).toBe(4000);
  });

  test('probes /readyz for readiness and /healthz for liveness, on the container port', () => {
    const portName = r.container.ports?.[0]?.name;
    const scheme = overlay.name.includes('reencrypt') ? 'HTTPS' : undefined;
    const probe = (p: V1Probe | undefined) => [p?.httpGet?.path, p?.httpGet?.port, p?.httpGet?.scheme];
    expect(probe(r.container.readinessProbe)).toEqual(['/readyz', portName, scheme]);
    expect(probe(r.container.livenessProbe)).toEqual(['/healthz', portName, scheme]);
  });

  test('sizes the heap below the memory limit', () => {
    const flag = (r.container.command ?? []).find((arg) => arg.startsWith('--max-old-space-size='));
    const heap = Number(flag?.split('=')[1]);
    const limit = mebibytes(String(r.container.resources?.limits?.memory));
    expect([heap, limit]).toEqual([384, 512]);
    expect(r.container.resources?.requests).toEqual({ cpu: '250m', memory: '512Mi' });
  });

  test('the Service sends its traffic to the container port and selects the Deployment\'s pods', () => {
    const ports = r.service.spec?.ports ?? [];
    expect(ports).toHaveLength(1);
    expect(ports[0]?.targetPort).toBe(r.container.ports?.[0]?.name);
    const podLabels = r.deployment.spec?.template.metadata?.labels ?? {};
    expect(r.service.spec?.selector).toEqual(r.deployment.spec?.selector.matchLabels);
    for (const [key, value] of Object.entries(r.service.spec?.selector ?? {})) expect([key, podLabels[key]]).toEqual([key, value]);
  });

  test('the PodDisruptionBudget keeps 1 of the Deployment\'s pods', () => {
    expect(r.podDisruptionBudget.spec?.minAvailable).toBe(1);
    expect(r.podDisruptionBudget.spec?.maxUnavailable).toBeUndefined();
    expect(r.podDisruptionBudget.spec?.selector?.matchLabels).toEqual(r.deployment.spec?.selector.matchLabels);
  });

  test('the HorizontalPodAutoscaler scales the Deployment from 2 to 6 on CPU', () => {
    const hpa = r.horizontalPodAutoscaler.spec;
    expect(hpa?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: r.deployment.metadata?.name });
    expect([hpa?.minReplicas, hpa?.maxReplicas]).toEqual([2, 6]);
    expect(hpa?.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);
    // Utilization is a share of the request: without one the autoscaler cannot act.
    expect(r.container.resources?.requests?.cpu).toBe('250m');
  });

  if (overlay.termination) {
    test(`the Route sends HTTPS traffic (${overlay.termination} TLS) to the Service's port`, () => {
      const route = r.route!;
      expect(route.spec.to).toEqual({ kind: 'Service', name: r.service.metadata?.name, weight: 100 });
      expect(route.spec.port?.targetPort).toBe(r.service.spec?.ports?.[0]?.name);
      expect(route.spec.tls).toEqual({ termination: overlay.termination, insecureEdgeTerminationPolicy: 'Redirect' });
      expect(route.spec.host).toBeUndefined();
      // Longer than the gateway's own REQUEST_DEADLINE_MS, so the gateway's answer comes first.
      expect(route.metadata.annotations?.['haproxy.router.openshift.io/timeout']).toBe('60s');
      expect(loadConfig(literalEnv(r.container)).requestDeadlineMs).toBeLessThan(60_000);
    });
  }

  if (overlay.termination === 'reencrypt') {
    test('serves the service CA\'s key pair, from the Secret the Service annotation names', () => {
      const secretName = r.service.metadata?.annotations?.['service.beta.openshift.io/serving-cert-secret-name'];
      expect(secretName).toBe('imagestream-gateway-tls');
      const volume = (r.deployment.spec?.template.spec?.volumes ?? []).find((v) => v.secret?.secretName === secretName);
      const mount = (r.container.volumeMounts ?? []).find((m) => m.name === volume?.name);
      expect(mount).toEqual({ name: 'serving-cert', mountPath: '/etc/imagestream-gateway/tls', readOnly: true });
      const config = loadConfig(literalEnv(r.container));
      // tls.crt and tls.key: the keys the service CA writes into the Secret.
      expect([config.tlsCertFile, config.tlsKeyFile]).toEqual([`${mount?.mountPath}/tls.crt`, `${mount?.mountPath}/tls.key`]);
      expect(r.service.spec?.ports).toEqual([{ name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' }]);
      expect(r.route?.spec.tls?.destinationCACertificate).toBeUndefined();
    });
  } else {
    test('serves plain HTTP: TLS, if any, ends at the router', () => {
      const config = loadConfig(literalEnv(r.container));
      expect([config.tlsCertFile, config.tlsKeyFile]).toEqual([undefined, undefined]);
      expect(r.service.spec?.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    });
  }

  if (overlay.redis) {
    test('takes REDIS_URL and CACHE_KEY_SECRET from the Secret imagestream-gateway-cache', () => {
      const fromSecret = (r.container.env ?? []).filter((entry) => entry.valueFrom !== undefined).map((entry) => [entry.name, entry.valueFrom]);
      expect(fromSecret).toEqual([
        ['REDIS_URL', { secretKeyRef: { name: CACHE_SECRET, key: 'REDIS_URL' } }],
        ['CACHE_KEY_SECRET', { secretKeyRef: { name: CACHE_SECRET, key: 'CACHE_KEY_SECRET' } }],
      ]);
    });
  } else {
    test('has no shared cache: each replica\'s memory cache serves', () => {
      expect((r.container.env ?? []).filter((entry) => entry.valueFrom !== undefined)).toEqual([]);
      expect(loadConfig(literalEnv(r.container)).redisUrl).toBeUndefined();
    });
  }

  if (overlay.tokenReview) {
    test('lets the service account create TokenReviews, and nothing else', () => {
      expect(r.clusterRole?.rules).toEqual([{ apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] }]);
      expect(r.clusterRoleBinding?.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: r.clusterRole?.metadata?.name });
      expect(r.clusterRoleBinding?.subjects).toEqual([{ kind: 'ServiceAccount', name: r.serviceAccount.metadata?.name, namespace: r.serviceAccount.metadata?.namespace }]);
    });
  } else {
    test('grants the service account no role: callers\' tokens make the reads', () => {
      expect(r.objects.filter((object) => /Role/.test(object.kind)).map((object) => object.kind)).toEqual([]);
    });
  }
});

describeWithKubectl('the rendered probes, asked of a running gateway', () => {
  let plain: Harness;
  let tls: Harness | undefined;
  let tlsDir: string | undefined;
  // The kubelet does not verify a probe's certificate; neither does this client.
  const insecure = new Agent({ connect: { rejectUnauthorized: false } });

  beforeAll(async () => {
    plain = await startHarness({ lendCredentials: false });
    if (haveOpenssl) {
      const fixture = makeTlsFixture();
      tlsDir = fixture.dir;
      tls = await startHarness({ lendCredentials: false, server: { tls: { cert: fixture.serverCert, key: fixture.serverKey } } });
    } else {
      console.warn('test/deploy/manifests.test.ts: the HTTPS probes are not asked (openssl is not on PATH)');
    }
  });
  afterAll(async () => {
    await plain?.stop();
    await tls?.stop();
    await insecure.close();
    if (tlsDir) fs.rmSync(tlsDir, { recursive: true, force: true });
  });

  test.each(OVERLAYS.map((overlay) => [overlay.name, overlay]))('deploy/%s: both probes answer 200 {"status":"ok"}', async (_name, overlay) => {
    const { container } = overlay.render();
    const probes = [container.readinessProbe?.httpGet, container.livenessProbe?.httpGet];
    for (const probe of probes) {
      const https = probe?.scheme === 'HTTPS';
      const gateway = https ? tls : plain;
      if (!gateway) continue;
      expect(gateway.gateway.url.startsWith(https ? 'https://' : 'http://')).toBe(true);
      const answer = await request(`${gateway.gateway.url}${probe?.path}`, { dispatcher: insecure });
      expect([probe?.path, answer.statusCode, await answer.body.json()]).toEqual([probe?.path, 200, { status: 'ok' }]);
    }
  });
});

describeWithKubectl('the base Deployment\'s settings in a pod', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    env = literalEnv(renderKustomization(path.join(DEPLOY_DIR, 'base')).container);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isgw-pod-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pod = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };

  test('use the pod\'s service account to find the API server', () => {
    const saDir = path.join(dir, 'var/run/secrets/kubernetes.io/serviceaccount');
    fs.mkdirSync(saDir, { recursive: true });
    fs.writeFileSync(path.join(saDir, 'token'), 'sa-token');
    // Only its PEM label is checked before the first call.
    fs.writeFileSync(path.join(saDir, 'ca.crt'), '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n');
    const access = resolveClusterAccess(loadConfig(env), { env: { ...env, ...pod }, homeDir: null, inClusterPathPrefix: dir });
    expect(access.kind === 'kubeconfig' ? [access.source, access.kubeConfig.getCurrentCluster()?.server] : access).toEqual(['in-cluster', 'https://10.0.0.1:443']);
  });

  test('stop with an error, not the demo cluster, when the pod has no service account token', () => {
    expect(() => resolveClusterAccess(loadConfig(env), { env: { ...env, ...pod }, homeDir: null, inClusterPathPrefix: path.join(dir, 'nothing') })).toThrow(
      new ClusterConfigError(
        'DEMO',
        '',
        'DEMO=false but no cluster is configured: KUBECONFIG is unset, ~/.kube/config does not exist and this is not a pod (KUBERNETES_SERVICE_HOST/_PORT and a service account token)',
      ),
    );
  });
});
