import { UpstreamLimitError, UpstreamUnavailableError } from '../../src/kube/errors';
import { BytesInUse } from '../../src/upstream/bytes-in-use';
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
