// `npm run build`, and the build `npm start` makes first: nothing when dist/ was built from the
// sources as they are, else `tsc -b`, which compiles again only what changed. The check is made
// here rather than left to tsc -b because tsc takes 0.4-0.9 s to load before it can tell that
// nothing changed (half of npm start's budget), and because it trusts its record alone: an output
// deleted from dist/ is never written again until a forced build.
//
// dist/ is fresh (tsc -b's own rule, plus the outputs) when its tsbuildinfo is newer than every
// source of the build (package.json among them, for the version it reads) and both tsconfigs,
// every file the last build read still exists, the last build left no errors, and every
// source's output is there.
//
// `node scripts/build.mjs --check` only tells: exit 0 and nothing printed when dist/ is fresh,
// else exit 1 and why, as JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const project = path.join(root, 'tsconfig.build.json');
const dist = path.join(root, 'dist');
const buildInfo = path.join(dist, 'tsconfig.build.tsbuildinfo');
const settings = [project, path.join(root, 'tsconfig.json')];

/** Keys of a tsbuildinfo that hold diagnostics or work tsc has still to do. */
const PENDING = ['errors', 'checkPending', 'semanticDiagnosticsPerFile', 'emitDiagnosticsPerFile', 'affectedFilesPendingEmit', 'changeFileSet', 'pendingEmit'];

/** The build's sources: its `include` files, and the .ts files under its `include` folders. */
function sources() {
  const include = JSON.parse(fs.readFileSync(project, 'utf8')).include;
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(file);
    }
  };
  for (const name of include) {
    const file = path.join(root, name);
    if (fs.statSync(file).isDirectory()) walk(file);
    else found.push(file);
  }
  return found;
}

/** Where tsc writes a source: `src/main.ts` to `dist/src/main.js`, `package.json` to `dist/package.json`. */
function outputOf(file) {
  return path.join(dist, path.relative(root, file)).replace(/\.ts$/, '.js');
}

/** Why dist/ must be built, and whether tsc must be forced to write outputs it thinks it has; undefined when fresh. */
export function staleness() {
  let builtAt;
  let record;
  try {
    builtAt = fs.statSync(buildInfo).mtimeMs;
    record = JSON.parse(fs.readFileSync(buildInfo, 'utf8'));
  } catch {
    return { reason: 'dist/ has no complete build yet', force: false };
  }
  // tsc records what it has still to report or write; a clean build leaves none of these.
  const pending = PENDING.filter((key) => record[key] !== undefined && record[key] !== false && record[key].length !== 0);
  if (pending.length > 0) return { reason: `the last build left ${pending.join(', ')} (errors or an unfinished build)`, force: false };
  const files = sources();
  const read = record.fileNames.map((name) => path.resolve(dist, name)).filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`));
  for (const file of new Set([...files, ...settings, ...read])) {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return { reason: `${path.relative(root, file)} is gone`, force: false };
    }
    if (stat.mtimeMs > builtAt) return { reason: `${path.relative(root, file)} changed`, force: false };
  }
  // Every source is older than the build here, so a missing output was deleted after it.
  for (const file of files) {
    if (!fs.existsSync(outputOf(file))) {
      return { reason: `the output of ${path.relative(root, file)} is missing`, force: true };
    }
  }
  return undefined;
}

/**
 * Deletes what an earlier build wrote for a source that is gone (or moved: `src/config.ts` became
 * `src/config/index.ts`). tsc never deletes an output, and a stale `dist/src/config.js` would be
 * what `require('./config')` finds first, ahead of the new `config/index.js`.
 */
function pruneOrphans() {
  const include = JSON.parse(fs.readFileSync(project, 'utf8')).include;
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      const source = /\.(js|js\.map|d\.ts)$/.exec(entry.name) ? path.join(root, path.relative(dist, file)).replace(/\.(js|js\.map|d\.ts)$/, '.ts') : undefined;
      if (source && !fs.existsSync(source)) fs.unlinkSync(file);
    }
  };
  for (const name of include) {
    if (fs.statSync(path.join(root, name)).isDirectory()) walk(path.join(dist, name));
  }
}

/** Builds dist/ when it is stale; returns tsc's exit status (0 when there was nothing to do). */
export function build() {
  const stale = staleness();
  if (stale === undefined) return 0;
  const startedAt = new Date();
  process.stderr.write(`build: ${stale.reason}; tsc -b${stale.force ? ' --force' : ''}\n`);
  const tsc = spawnSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-b', project, ...(stale.force ? ['--force'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status === 0 && fs.statSync(buildInfo).mtimeMs < startedAt.getTime()) {
    // tsc -b left its record as it was (it judged by contents, not times): dating it to this
    // build's start keeps the next start from building again, and misses nothing saved while tsc ran.
    fs.utimesSync(buildInfo, startedAt, startedAt);
  }
  if (tsc.status === 0) pruneOrphans();
  return tsc.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleness();
    if (stale !== undefined) process.stdout.write(`${JSON.stringify(stale)}\n`);
    process.exit(stale === undefined ? 0 : 1);
  }
  process.exit(build());
}
