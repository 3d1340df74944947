/**
 * A per-build cache that every copy of a module in the process shares. The build runs the same
 * source twice over: the scripts import `src/lib` to check the content, build the site data and
 * write the downloads, and Astro renders the pages with its own bundled copy of the same modules.
 * A `WeakMap` of each copy's own is empty in the other, so what the check derived (a unit's
 * disclosure, its tables, a narrative's rendering) was derived again for the pages (issue 16).
 * Keyed by identity, as before: a value is only ever reused for the very same key objects.
 */
export function sharedWeakMap<K extends object, V>(name: string): WeakMap<K, V> {
  const key = Symbol.for(`gongkai.cache.${name}`);
  const slot = globalThis as { [key: symbol]: unknown };
  const existing = slot[key];
  if (existing instanceof WeakMap) return existing as WeakMap<K, V>;
  const created = new WeakMap<K, V>();
  slot[key] = created;
  return created;
}
