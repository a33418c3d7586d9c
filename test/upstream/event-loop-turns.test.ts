import { EventLoopTurns } from '../../src/upstream/event-loop-turns';

describe('EventLoopTurns', () => {
  test('resumes the waiters of one group together, and each group in a turn of its own, in the order they came', async () => {
    const turns = new EventLoopTurns();
    const log: string[] = [];
    const first = {};
    const second = {};
    const waits = [
      turns.next(first).then(() => log.push('first a')),
      turns.next(second).then(() => log.push('second a')),
      turns.next(first).then(() => log.push('first b')),
    ];
    // I/O that arrives meanwhile is a turn's work too: it runs between the groups' turns.
    setImmediate(() => log.push('other I/O'));
    await Promise.all(waits);
    expect(log).toEqual(['first a', 'first b', 'other I/O', 'second a']);
  });

  test('gives every waiter without a group a turn of its own', async () => {
    const turns = new EventLoopTurns();
    const log: string[] = [];
    const waits = ['one', 'two', 'three'].map((name) => turns.next().then(() => log.push(name)));
    setImmediate(() => log.push('other I/O'));
    await Promise.all(waits);
    expect(log).toEqual(['one', 'other I/O', 'two', 'three']);
  });
});
