import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';
import { helpText } from '../../src/config';

// npm start builds dist/ only when a source changed, then runs the gateway; --help prints the
// settings and starts nothing. These run the real build and the built entry point.

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

/** What `build.mjs --check` says: undefined when dist/ is fresh. */
function staleness(): unknown {
  const check = run(process.execPath, ['scripts/build.mjs', '--check']);
  return check.status === 0 ? undefined : JSON.parse(check.stdout);
}

function run(command: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
}

/** Every file under `dir`, with its modification time. */
function mtimes(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const file = join(entry.parentPath, entry.name);
      found.set(relative(dir, file), statSync(file).mtimeMs);
    }
  }
  return found;
}

beforeAll(() => {
  // A full build on a fresh clone, an incremental one (or none) after that.
  const built = run(process.execPath, ['scripts/build.mjs']);
  expect(built.stderr.replace(/^build: .*\n/, '')).toBe('');
  expect(built.status).toBe(0);
}, 240_000);

describe('the build', () => {
  it('writes nothing on an unchanged tree, and says nothing', () => {
    const before = mtimes(dist);
    const again = run(process.execPath, ['scripts/build.mjs']);
    expect({ status: again.status, stdout: again.stdout, stderr: again.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(mtimes(dist)).toEqual(before);
  });

  it('has a .js in dist/ for each of the sources it builds', () => {
    const sources = ['src', 'scripts', 'bench', 'test/helpers', 'test/generated'].flatMap((dir) =>
      [...mtimes(join(root, dir)).keys()].filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')).map((file) => join(dir, file)),
    );
    const outputs = [...mtimes(dist).keys()].filter((file) => file.endsWith('.js'));
    expect(sources.length).toBeGreaterThan(150);
    expect(outputs.sort()).toEqual(sources.map((file) => file.replace(/\.ts$/, '.js')).sort());
  });

  it('deletes what an earlier build wrote for a source that is gone, which require() would find first', () => {
    const orphans = [join(dist, 'src', 'config.js'), join(dist, 'src', 'config.js.map')];
    for (const file of orphans) writeFileSync(file, '// the output of a src/config.ts that is now src/config/index.ts\n');
    const source = join(root, 'src', 'config', 'local-url.ts');
    const { atime, mtime } = statSync(source);
    utimesSync(source, atime, new Date());
    try {
      expect(run(process.execPath, ['scripts/build.mjs']).status).toBe(0);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(orphans.filter((file) => existsSync(file))).toEqual([]);
  });

  it('copies package.json, whose version the gateway sends upstream, as it is now', () => {
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  });

  it('is fresh after the build, stale once a source is newer, and forced once an output is gone', () => {
    expect(staleness()).toBeUndefined();
    const source = join(root, 'src', 'config', 'local-url.ts');
    const { atime, mtime } = statSync(source);
    utimesSync(source, atime, new Date(Date.now() + 60_000));
    try {
      expect(staleness()).toEqual({ reason: 'src/config/local-url.ts changed', force: false });
    } finally {
      utimesSync(source, atime, mtime);
    }
    const output = join(dist, 'src', 'config', 'local-url.js');
    renameSync(output, `${output}.away`);
    try {
      expect(staleness()).toEqual({ reason: 'the output of src/config/local-url.ts is missing', force: true });
    } finally {
      renameSync(`${output}.away`, output);
    }
    expect(staleness()).toBeUndefined();
  });
});

describe('--help', () => {
  let held: Server;
  let port: number;
  // A port already taken and a kubeconfig that does not exist: starting anything would fail.
  const unusable = { DEMO: 'false', KUBECONFIG: '/nonexistent/kubeconfig', HOST: '127.0.0.1' };

  beforeAll(async () => {
    held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    port = (held.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => held.close(() => resolve())));

  it('prints every setting and exits 0 from node dist/src/main.js, reading no kubeconfig and listening on nothing', () => {
    const help = run(process.execPath, ['dist/src/main.js', '--port', String(port), '--help'], { ...unusable, PORT: 'not-a-port' });
    expect({ status: help.status, signal: help.signal, stderr: help.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
    expect(help.stdout).toBe(helpText());
  });

  it('is what stops the same command from reading the missing kubeconfig', () => {
    const start = run(process.execPath, ['dist/src/main.js', '--port', String(port)], unusable);
    expect(start.status).toBe(1);
    expect(start.stderr + start.stdout).toContain('/nonexistent/kubeconfig');
  });

  it('prints the same through npm start -- --help', () => {
    const help = run('npm', ['start', '--silent', '--', '--help'], unusable);
    expect({ status: help.status, stderr: help.stderr }).toEqual({ status: 0, stderr: '' });
    expect(help.stdout).toBe(helpText());
  });
});
