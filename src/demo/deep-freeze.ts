/** Freezes `value` and everything in it: the sample data is shared by every demo cluster, and a handler that changed what it serves would throw in tests. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
