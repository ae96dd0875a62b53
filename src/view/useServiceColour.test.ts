import { describe, expect, it } from 'vitest';
import { serviceColours } from './palette';
import { coloursOf } from './useServiceColour';

describe('service colours, remembered', () => {
  it('gives what serviceColours gives, the same object for the same services', () => {
    const ids = Array.from({ length: 16 }, (_, i) => `service-${i}`);
    const first = coloursOf(ids);
    expect(first).toEqual(serviceColours(ids));
    expect(coloursOf([...ids])).toBe(first);
  });

  it('tells different sets of services apart, and keeps a few', () => {
    const a = coloursOf(['checkout', 'inventory', 'billing', 'email']);
    const b = coloursOf(['checkout', 'inventory', 'billing', 'email', 'fraud-check']);
    expect(b).toEqual(serviceColours(['checkout', 'inventory', 'billing', 'email', 'fraud-check']));
    expect(coloursOf(['checkout', 'inventory', 'billing', 'email'])).toBe(a);
    for (let i = 0; i < 20; i++) coloursOf([`s-${i}`]);
    expect(coloursOf(['checkout', 'inventory', 'billing', 'email'])).toEqual(a);
  });
});
