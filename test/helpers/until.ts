/**
 * Resolves once `condition` holds, checking every few milliseconds; rejects after `withinMs`
 * naming what was awaited. A bound on waiting, never a measurement of time.
 */
export async function until(what: string, condition: () => boolean, withinMs = 5_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
