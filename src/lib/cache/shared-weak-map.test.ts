import { describe, expect, it, vi } from 'vitest';
import { sharedWeakMap } from './shared-weak-map.ts';

describe('a cache shared by every copy of a module', () => {
  it('is one map for one name, whichever copy of the module asks for it', async () => {
    const mine = sharedWeakMap<object, string>('test.one-name');
    const key = {};
    mine.set(key, 'derived once');
    vi.resetModules();
    const copy = await import('./shared-weak-map.ts');
    expect(copy.sharedWeakMap).not.toBe(sharedWeakMap);
    expect(copy.sharedWeakMap<object, string>('test.one-name').get(key)).toBe('derived once');
  });

  it('keeps different names apart and reuses nothing for an equal but other key', () => {
    const a = sharedWeakMap<object, number>('test.a');
    const b = sharedWeakMap<object, number>('test.b');
    const key = { id: 1 };
    a.set(key, 1);
    expect(b.has(key)).toBe(false);
    expect(a.has({ id: 1 })).toBe(false);
  });
});
