import { OrderingKeys } from './ordered-window';

/** A message of a batch as the planner sees it. */
export interface Plannable<T> {
  item: T;
  /** What it must not overtake (see OrderedWindow); null: everything. */
  keys: OrderingKeys;
  /** Messages with the same group key may be handled in one call; null: alone. */
  groupKey: string | null;
}

/** Messages handled as one unit, in partition order, with the union of their keys. */
export interface MessageGroup<T> {
  items: T[];
  keys: OrderingKeys;
}

/**
 * Splits a partition's batch into groups started in this order. A message joins the open group
 * of its group key (it then takes effect with that group, ahead of the messages in between)
 * only when that cannot reorder anything that matters: it shares no key with a group started
 * after that one, and no keyless message came in between. Otherwise it opens a group of its
 * own. So effects on any one thing keep the partition's order, as with one message at a time.
 */
export function planGroups<T>(
  messages: readonly Plannable<T>[],
  maxGroupSize: number,
): MessageGroup<T>[] {
  const groups: T[][] = [];
  const openGroups = new Map<string, number>();
  const lastGroupWithKey = new Map<string, number>();
  // Each group's keys while it can still grow; a keyless group has none (it blocks everything).
  const keySets: (Set<string> | null)[] = [];
  let lastKeyless = -1;
  for (const { item, keys, groupKey } of messages) {
    const open = groupKey === null ? undefined : openGroups.get(groupKey);
    const joins =
      open !== undefined &&
      keys !== null &&
      groups[open].length < maxGroupSize &&
      lastKeyless < open &&
      keys.every((key) => (lastGroupWithKey.get(key) ?? -1) <= open);
    if (joins) {
      groups[open].push(item);
      for (const key of keys) {
        keySets[open]!.add(key);
        lastGroupWithKey.set(key, open);
      }
      continue;
    }
    const index = groups.length;
    groups.push([item]);
    keySets.push(keys === null ? null : new Set(keys));
    if (keys === null) lastKeyless = index;
    else for (const key of keys) lastGroupWithKey.set(key, index);
    if (groupKey !== null) openGroups.set(groupKey, index);
  }
  return groups.map((items, i) => ({ items, keys: keySets[i] ? [...keySets[i]] : null }));
}
