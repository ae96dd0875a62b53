import { describe, expect, it } from 'vitest';
import { isLoopbackLink } from './loopbackHost';

describe('isLoopbackLink', () => {
  it('recognises links that only open on this computer', () => {
    for (const url of ['http://localhost:5173/#s=1.x', 'http://127.0.0.1:4173/', 'http://127.1.2.3/', 'http://[::1]:5173/', 'http://app.localhost/']) {
      expect(isLoopbackLink(url)).toBe(true);
    }
  });

  it('lets network addresses and names through, and is total on garbage', () => {
    for (const url of ['http://192.168.1.20:5173/#preset=checkout', 'https://lab.example.org/', 'http://127.example.org/', 'not a url', '']) {
      expect(isLoopbackLink(url)).toBe(false);
    }
  });
});
