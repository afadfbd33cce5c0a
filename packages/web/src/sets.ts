/** A copy of `set` with `item` in it or not (React state is never changed in place). */
export function withMember<T>(set: ReadonlySet<T>, item: T, member: boolean): Set<T> {
  const next = new Set(set);
  if (member) next.add(item);
  else next.delete(item);
  return next;
}
