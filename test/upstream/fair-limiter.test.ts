import { FairLimiter } from '../../src/upstream/fair-limiter';

/** A task that records when it started and ends when `finish` is called. */
function gate(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => (log.push(name), done), finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FairLimiter', () => {
  test('keeps at most `max` calls in flight', async () => {
    const limiter = new FairLimiter(2);
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const runs = gates.map((g) => limiter.run('alice', undefined, g.task));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect([limiter.inFlight, limiter.waiting]).toEqual([2, 2]);
    gates[0]!.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const g of gates) g.finish();
    await Promise.all(runs);
    expect([limiter.inFlight, limiter.waiting]).toEqual([0, 0]);
  });

  test("serves callers in turn: one caller's hundred waiting calls do not delay another caller's one call by a hundred", async () => {
    const limiter = new FairLimiter(1);
    const started: string[] = [];
    const first = gate(started, 'alice-0');
    const runs = [limiter.run('alice', undefined, first.task)];
    const alice = Array.from({ length: 100 }, (_, i) => gate(started, `alice-${i + 1}`));
    runs.push(...alice.map((g) => limiter.run('alice', undefined, g.task)));
    const bob = gate(started, 'bob-0');
    runs.push(limiter.run('bob', undefined, bob.task));
    await tick();
    first.finish();
    await tick();
    alice[0]!.finish();
    await tick();
    // alice-0 ran, then alice's oldest waiting call, then bob's: not alice's other 99 first.
    expect(started).toEqual(['alice-0', 'alice-1', 'bob-0']);
    bob.finish();
    for (const g of alice) g.finish();
    await Promise.all(runs);
    expect(started).toHaveLength(102);
  });

  test('drops a waiting call whose signal aborts, without running it', async () => {
    const limiter = new FairLimiter(1);
    const started: string[] = [];
    const busy = gate(started, 'busy');
    const running = limiter.run('alice', undefined, busy.task);
    const controller = new AbortController();
    const waiting = limiter.run('bob', controller.signal, gate(started, 'never').task);
    controller.abort(new Error('the client left'));
    await expect(waiting).rejects.toThrow('the client left');
    expect(limiter.waiting).toBe(0);
    busy.finish();
    await running;
    expect(started).toEqual(['busy']);
  });

  test('frees the slot of a call that fails', async () => {
    const limiter = new FairLimiter(1);
    await expect(limiter.run('alice', undefined, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('alice', undefined, async () => 'next')).resolves.toBe('next');
    expect(limiter.inFlight).toBe(0);
  });

  test('refuses a bound that is not a positive integer', () => {
    expect(() => new FairLimiter(0)).toThrow('max must be a positive integer, got 0');
  });
});
