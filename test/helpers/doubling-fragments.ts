/**
 * A document whose operation (`operation`, given the spread `...F0`) reaches `leaf` 2^levels
 * times in levels + 1 fragments: each Fi on `type` spreads Fi+1 twice, and F`levels` holds `leaf`.
 */
export function doublingFragments(levels: number, type: string, leaf: string, operation: (spread: string) => string): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} }`);
  return [operation('...F0'), ...fragments, `fragment F${levels} on ${type} { ${leaf} }`].join('\n');
}
