/**
 * Titles that name "the most" must name every tied leader: a title that picks one of two equal
 * townships states something the data does not say.
 */

/** Every item whose value equals the largest value (in input order); [] when there are none. */
export function leaders<T>(items: readonly T[], value: (item: T) => number): T[] {
  if (items.length === 0) return [];
  const max = Math.max(...items.map(value));
  return items.filter((item) => value(item) === max);
}

/**
 * Names joined with 、; past `max` names, the first `max` and how many there are in all
 * (“A、B、C 等 7 个”), so a title stays one line and still says it is a tie.
 */
export function joinNames(names: readonly string[], max = 4, unit = '个'): string {
  if (names.length <= max) return names.join('、');
  return `${names.slice(0, max).join('、')} 等 ${names.length} ${unit}`;
}
