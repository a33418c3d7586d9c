import { UpstreamLimitError, UpstreamUnavailableError } from '../../src/kube/errors';
import { BytesInUse } from '../../src/upstream/bytes-in-use';
import { FairLimiter } from '../../src/upstream/fair-limiter';
import { RequestBudget } from '../../src/upstream/request-budget';

const thrown = (work: () => void): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('RequestBudget', () => {
  test('allows exactly maxCalls calls, then fails naming the limit and the count', () => {
    const budget = new RequestBudget({ maxCalls: 3, maxBytes: 100 });
    for (let i = 0; i < 3; i++) budget.spendCall();
    const error = thrown(() => budget.spendCall());
    expect(error).toBeInstanceOf(UpstreamLimitError);
    expect(error).toMatchObject({ limit: 'MAX_UPSTREAM_CALLS', max: 3, count: 3 });
    expect(budget.calls).toBe(3);
  });

  test('counts bytes as they stream in and fails the chunk that would pass maxBytes', () => {
    const budget = new RequestBudget({ maxCalls: 10, maxBytes: 100 });
    budget.take(60);
    budget.take(40);
    expect(thrown(() => budget.take(1))).toMatchObject({ limit: 'MAX_REQUEST_UPSTREAM_BYTES', max: 100, count: 101 });
    expect(budget.bytes).toBe(100);
  });

  test('holds its bytes in the process account until released, once', () => {
    const process = new BytesInUse(1000);
    const a = new RequestBudget({ maxCalls: 10, maxBytes: 600, process });
    const b = new RequestBudget({ maxCalls: 10, maxBytes: 600, process });
    a.take(500);
    b.take(400);
    expect(process.bytes).toBe(900);
    const overloaded = thrown(() => b.take(200));
    expect(overloaded).toBeInstanceOf(UpstreamUnavailableError);
    expect(overloaded).toMatchObject({ reason: 'overloaded' });
    expect([b.bytes, process.bytes]).toEqual([400, 900]);
    a.release();
    a.release();
    expect(process.bytes).toBe(400);
    b.take(200);
    expect(process.bytes).toBe(600);
  });

  test('counts late bytes of a released request without holding them', () => {
    const process = new BytesInUse(1000);
    const budget = new RequestBudget({ maxCalls: 10, maxBytes: 600, process });
    budget.take(100);
    budget.release();
    budget.take(50);
    expect([budget.bytes, process.bytes]).toEqual([150, 0]);
  });
});

describe('heavy admission', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  test('lets a light request go at once, and a heavy one only while it holds one of the heavy slots', async () => {
    const slots = new FairLimiter(1);
    const heavy = (key: string) => new RequestBudget({ maxCalls: 100, maxBytes: 100, heavy: { slots, afterCalls: 2, key } });
    const [a, b] = [heavy('alice'), heavy('bob')];
    for (const budget of [a, b]) {
      budget.spendCall();
      budget.spendCall();
      expect(budget.admission()).toBeUndefined();
      budget.spendCall();
    }
    const order: string[] = [];
    void a.admission()?.then(() => order.push('alice admitted'));
    void b.admission()?.then(() => order.push('bob admitted'));
    await tick();
    expect(order).toEqual(['alice admitted']);
    expect([slots.inFlight, slots.waiting]).toEqual([1, 1]);
    a.release();
    await tick();
    expect(order).toEqual(['alice admitted', 'bob admitted']);
    b.release();
    await tick();
    expect([slots.inFlight, slots.waiting]).toEqual([0, 0]);
  });

  test('counts the calls a request is about to need: heavy before its first call past the threshold when asked ahead', async () => {
    const slots = new FairLimiter(1);
    const budget = new RequestBudget({ maxCalls: 100, maxBytes: 100, heavy: { slots, afterCalls: 10, key: 'alice' } });
    budget.spendCall();
    expect(budget.admission(9)).toBeUndefined();
    const admitted = budget.admission(10);
    expect(admitted).toBeInstanceOf(Promise);
    await admitted;
    expect([slots.inFlight, budget.calls]).toEqual([1, 1]);
    // Once admitted, every later call goes on the same slot.
    expect(budget.admission()).toBe(admitted);
    budget.release();
    await tick();
    expect(slots.inFlight).toBe(0);
  });

  test('a heavy request that ends while it waits leaves the queue, failing its calls with the reason', async () => {
    const slots = new FairLimiter(1);
    const holder = new RequestBudget({ maxCalls: 100, maxBytes: 100, heavy: { slots, afterCalls: 0, key: 'alice' } });
    holder.spendCall();
    await holder.admission();
    const controller = new AbortController();
    const waiter = new RequestBudget({ maxCalls: 100, maxBytes: 100, heavy: { slots, afterCalls: 0, key: 'bob', signal: controller.signal } });
    waiter.spendCall();
    const admitted = waiter.admission();
    controller.abort(new UpstreamUnavailableError('the client closed the connection', 'aborted'));
    await expect(admitted).rejects.toMatchObject({ reason: 'aborted' });
    expect(slots.waiting).toBe(0);
    holder.release();
  });
});

test('gives back the bytes of an answer dropped unread, here and in the process account', () => {
  const process = new BytesInUse(1000);
  const budget = new RequestBudget({ maxCalls: 10, maxBytes: 600, process });
  budget.take(100);
  budget.take(300);
  budget.giveBack(300);
  expect([budget.bytes, process.bytes]).toEqual([100, 100]);
  budget.take(500);
  expect([budget.bytes, process.bytes]).toEqual([600, 600]);
});
