import { describe, expect, it } from 'vitest';
import { Lru } from '../../../main/core/util/lru.js';

describe('Lru', () => {
  it('drops the least recently used first when the weights exceed the limit', () => {
    const lru = new Lru<string, number>(10);
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    expect(lru.get('a')).toBe(1); // now b is the least recently used
    lru.set('c', 3, 4);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  it('replaces the value of a key set again, counting only its new weight', () => {
    const lru = new Lru<string, number>(10);
    lru.set('a', 1, 6);
    lru.set('a', 2, 6);
    lru.set('b', 3, 4);
    expect(lru.get('a')).toBe(2);
    expect(lru.get('b')).toBe(3);
  });

  it('keeps the value set last even when it alone weighs more than the limit', () => {
    const lru = new Lru<string, number>(10);
    lru.set('a', 1, 5);
    lru.set('big', 2, 50);
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('big')).toBe(2);
  });
});
