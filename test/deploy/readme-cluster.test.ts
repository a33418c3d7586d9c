// The README's "Run it in a cluster" against the repository: the directories it names exist, the
// variables its commands set are ones the gateway reads, its overlay of one's own renders, and the
// Secret it creates holds what the Redis component reads.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/config';
import { REPO_ROOT, renderComposition, renderKustomization, whyNoKustomize } from './render-kustomization';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('\n## Run it in a cluster\n');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const blocks = (language: string) => [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] ?? '');

test('the section comes after the configuration and before production', () => {
  expect([readme.indexOf('\n## Configuration\n') < start, start < readme.indexOf('\n## Running it in production\n')]).toEqual([true, true]);
});

test('every deploy/ path it names exists', () => {
  const named = [...new Set([...section.matchAll(/`(deploy\/[a-z/-]+)`/g)].map((match) => match[1]!))];
  expect(named.length).toBe(6);
  expect(named.filter((dir) => !fs.existsSync(path.join(REPO_ROOT, dir, 'kustomization.yaml')))).toEqual([]);
});

test('its commands set only variables the gateway or the OpenTelemetry SDK reads', () => {
  const assigned = blocks('sh').flatMap((block) => [...block.matchAll(/(?:^|\s|--from-literal=)([A-Z][A-Z0-9_]+)=/g)].map((match) => match[1]!));
  // Shell variables of the commands themselves, not settings of the gateway.
  const shell = new Set(['REGISTRY', 'GATEWAY']);
  const settings = [...new Set(assigned.filter((name) => !shell.has(name)))];
  expect(settings).toEqual([
    'REDIS_URL',
    'CACHE_KEY_SECRET',
    'CORS_ORIGINS',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_PROTOCOL',
    'OTEL_SERVICE_NAME',
    'OTEL_TRACES_SAMPLER',
    'OTEL_TRACES_SAMPLER_ARG',
  ]);
  // OTEL_*: standard OpenTelemetry variables, read by the SDK rather than listed in config.ts.
  const known = (name: string) => CONFIG_VARIABLES.some((variable) => variable.name === name) || name.startsWith('OTEL_');
  expect(settings.filter((name) => !known(name))).toEqual([]);
});

const noKustomize = whyNoKustomize();
if (noKustomize) console.warn(`test/deploy/readme-cluster.test.ts: the overlays are not rendered (${noKustomize})`);
(noKustomize ? describe.skip : describe)('rendered with kubectl kustomize', () => {
  test('its overlay of one\'s own renders with token review and the Redis variables', () => {
    const [overlay] = blocks('yaml').map((block) => parse(block) as { resources: string[]; components: string[] });
    const underDeploy = (entry: string) => entry.replace(/^\.\.\/deploy\//, '');
    const r = renderComposition({ resources: overlay!.resources.map(underDeploy), components: overlay!.components.map(underDeploy) });
    const env = new Map((r.container.env ?? []).map((entry) => [entry.name, entry.value ?? entry.valueFrom?.secretKeyRef?.key]));
    expect(['TOKEN_REVIEW', 'REDIS_URL', 'CACHE_KEY_SECRET'].map((name) => [name, env.get(name)])).toEqual([
      ['TOKEN_REVIEW', 'true'],
      ['REDIS_URL', 'REDIS_URL'],
      ['CACHE_KEY_SECRET', 'CACHE_KEY_SECRET'],
    ]);
    expect(r.clusterRoleBinding?.roleRef.name).toBe('imagestream-gateway-token-review');
    expect(r.route?.spec.tls?.termination).toBe('reencrypt');
  });

  test('the Secret it creates is the one deploy/redis reads, with the keys it reads', () => {
    const command = blocks('sh').find((block) => block.includes('create secret generic')) ?? '';
    const [, name] = /create secret generic (\S+)/.exec(command) ?? [];
    const keys = [...command.matchAll(/--from-literal=([A-Z_]+)=/g)].map((match) => match[1]);
    const { container } = renderKustomization(path.join(REPO_ROOT, 'deploy', 'redis'));
    const refs = (container.env ?? []).flatMap((entry) => (entry.valueFrom?.secretKeyRef ? [[entry.valueFrom.secretKeyRef.name, entry.valueFrom.secretKeyRef.key]] : []));
    expect(refs).toEqual(keys.map((key) => [name, key]));
    expect(name).toBe('imagestream-gateway-cache');
  });
});
