/**
 * The park-wide Scope 2 setting where the browser denies storage: an embedded page of another site with
 * third-party storage blocked throws on reading `localStorage` itself. The setting then starts from the
 * default and lasts for the visit, instead of the module failing to load (and the whole app with it).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCOPE2 } from '../../../../src/core/scenario/schema';

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
  vi.resetModules();
});

describe('Scope 2 setting without storage', () => {
  it('loads, starts from the default and keeps a choice for the visit when reading localStorage throws', async () => {
    let reads = 0;
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        reads++;
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const { ParkScope2, parkScope2 } = await import('../../../../src/ui/state/scope2.svelte');
    expect(reads).toBeGreaterThan(0);
    expect(parkScope2.method).toBe(DEFAULT_SCOPE2);
    const s = new ParkScope2();
    s.method = 'location';
    expect(s.method).toBe('location');
  });
});
