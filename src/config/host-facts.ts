import { readFileSync } from 'node:fs';

/** What the machine tells about itself that a default depends on. */
export interface HostFacts {
  /** The soft limit on open file descriptors (`ulimit -n`), when known. */
  openFileLimit?: number;
}

/**
 * The default of MAX_CONNECTIONS: the file descriptors left once 256 are kept for upstream
 * connections, files and probes, within 64-16384; 1000 when the limit is not known.
 */
export function defaultMaxConnections(openFileLimit: number | undefined): number {
  if (openFileLimit === undefined || !Number.isFinite(openFileLimit)) return 1000;
  return Math.min(16_384, Math.max(64, openFileLimit - 256));
}

/** The soft open-file limit of this process, from /proc on Linux; undefined elsewhere. */
export function readOpenFileLimit(limitsFile = '/proc/self/limits'): number | undefined {
  try {
    const line = readFileSync(limitsFile, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    return soft !== undefined && /^\d+$/.test(soft) ? Number(soft) : undefined;
  } catch {
    return undefined;
  }
}
