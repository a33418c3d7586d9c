/**
 * Hands out event-loop turns: work that would otherwise resume all at once, in one long
 * synchronous stretch (many requests sharing one answer, many requests' cache hits), resumes one
 * group at a time, with the I/O of every other client (a probe, a small request) served in
 * between. A group is one request's: its waiters resume together, in one turn, so a request
 * costs a turn per level of its query rather than a turn per read.
 */
export class EventLoopTurns {
  /** Waiters by group, groups in the order their first waiter came. */
  private readonly waiting = new Map<object, Array<() => void>>();
  private scheduled = false;

  /** Resolves in the turn of `group` (a group of its own when not given), after every earlier group's. */
  next(group: object = {}): Promise<void> {
    return new Promise<void>((resolve) => {
      const waiters = this.waiting.get(group);
      if (waiters) waiters.push(resolve);
      else this.waiting.set(group, [resolve]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const [first] = this.waiting;
      if (!first) return;
      this.waiting.delete(first[0]);
      for (const resolve of first[1]) resolve();
      if (this.waiting.size > 0) this.schedule();
    });
  }
}
