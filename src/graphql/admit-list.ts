import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { estimateCallsPerItem } from './limits/upstream-call-estimate';

/** Items of a list whose fields run in one turn of the event loop; the rest wait for turns of their own. */
export const ITEMS_PER_TURN = 100;

type Admitted<T> = T[] | Array<T | Promise<T>> | null | undefined;

/**
 * A list the API does not page (a tag's history, a stream's tags, a manifest list's members),
 * handed to its items' fields only once the request may make the calls they will cause. A
 * request that the list makes heavy waits for its heavy slot here, before graphql-js builds a
 * pending field, a load and perhaps an error for each of thousands of items: fifty such requests
 * at once then hold fifty lists, not fifty times the work (RequestBudget.admission).
 *
 * A long list whose items make calls is then handed over `ITEMS_PER_TURN` items per turn of the
 * event loop: graphql-js completes a list's ready items in one synchronous stretch, and 2000
 * history entries, each a field, a load and an error past the budget, are a stretch long enough
 * to stall every other client (a probe, a small request) behind it.
 */
export function admitList<T>(items: T[] | null | undefined, info: GraphQLResolveInfo, ctx: Context): Admitted<T> | Promise<Admitted<T>> {
  if (!items || items.length === 0) return items;
  const perItem = estimateCallsPerItem(info);
  if (perItem === 0) return items;
  const admitted = ctx.budget.admission(perItem * items.length);
  return admitted ? admitted.then(() => inTurns(items)) : inTurns(items);
}

/** The first items as they are, every later group of them resolved in a turn after the previous group's. */
function inTurns<T>(items: T[]): Array<T | Promise<T>> {
  if (items.length <= ITEMS_PER_TURN) return items;
  const handed: Array<T | Promise<T>> = items.slice(0, ITEMS_PER_TURN);
  let turn: Promise<void> = Promise.resolve();
  for (let start = ITEMS_PER_TURN; start < items.length; start += ITEMS_PER_TURN) {
    turn = turn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    const group = turn;
    for (const item of items.slice(start, start + ITEMS_PER_TURN)) handed.push(group.then(() => item));
  }
  return handed;
}
