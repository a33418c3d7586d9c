// Small helpers the bench scripts share: percentiles, sizes, environment numbers.

/** Nearest-rank percentile of sorted values, rounded to a millisecond; `-` when there are none. */
export function percentile(sorted: readonly number[], p: number): string {
  if (sorted.length === 0) return '-';
  return String(Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!));
}

/** The median of unsorted values (the mean of the middle two of an even count); NaN when there are none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
}

/** p50 / p99 / max of unsorted values, as `a / b / c`. */
export function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${percentile(sorted, 0.5)} / ${percentile(sorted, 0.99)} / ${sorted.length === 0 ? '-' : Math.round(sorted.at(-1)!)}`;
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

export function signed(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
}

/** `a × 2, b × 1`, most frequent first; `none` for an empty map. */
export function counts(map: ReadonlyMap<string, number>): string {
  if (map.size === 0) return 'none';
  return [...map].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key} × ${n}`).join(', ');
}

export function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** A positive integer from the environment, or `fallback`; exits 2 on anything else. */
export function positiveInteger(script: string, name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    console.error(`${script}: ${name} must be a positive integer, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return Number(value);
}

/** An integer 0..max from the environment, or `fallback`; exits 2 on anything else. */
export function boundedInteger(script: string, name: string, fallback: number, max: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    console.error(`${script}: ${name} must be an integer 0-${max}, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return Number(value);
}

/** One of `choices` from the environment, or the first; exits 2 on anything else. */
export function choice<T extends string>(script: string, name: string, choices: readonly [T, ...T[]]): T {
  const value = process.env[name];
  if (value === undefined || value === '') return choices[0];
  const found = choices.find((c) => c === value);
  if (found === undefined) {
    console.error(`${script}: ${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return found;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
