import type { DemoToken } from './demo-tokens';

const EXAMPLE_PATH = '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ubuntu@sha256:ca013ac5';

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}

/** What `npm run demo-cluster` prints: where it listens, who may do what, and commands to paste. */
export function demoBanner(url: string, tokens: readonly DemoToken[], tls: boolean): string {
  const admin = tokens.find((token) => token.namespaces === '*')?.token ?? tokens[0]?.token ?? 'TOKEN';
  const rows = [
    ['TOKEN', 'USER', 'NAMESPACES', 'GET/LIST IMAGES', 'LIST STREAMS'],
    ...tokens.map((token) => [
      token.token,
      token.user,
      token.namespaces === '*' ? '*' : token.namespaces.join(',') || '(none)',
      token.images ? 'yes' : 'no',
      token.list ? 'yes' : 'no',
    ]),
  ];
  const insecure = tls ? ' --insecure-skip-tls-verify' : '';
  return [
    `demo cluster: OpenShift image API (image.openshift.io/v1) with sample data at ${url}`,
    tls ? '(self-signed certificate made at start-up; TLS=false serves plain HTTP)' : '(plain HTTP: kubectl will not send tokens; curl works)',
    '',
    ...table(rows),
    '',
    'try:',
    `  curl${tls ? ' -k' : ''} -H 'Authorization: Bearer ${admin}' '${url}${EXAMPLE_PATH}'`,
    `  kubectl --server ${url} --token ${admin}${insecure} get --raw '${EXAMPLE_PATH}'`,
    `  kubectl --server ${url} --token ${admin}${insecure} -n demo get isimage ubuntu@sha256:ca013ac5 -o wide`,
    '',
    'Ctrl-C stops it.',
  ].join('\n');
}
