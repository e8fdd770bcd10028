import { describe, expect, it } from 'vitest';
import { isCacheStatus, readiness } from '../../../../../src/pwa/offline-readiness';

const built = { supported: true, built: true };
const status = (total: number, missing: number) =>
  ({ type: 'pcw:cache-status', version: 'abc', total, missing }) as const;

describe('offline readiness', () => {
  it('is ready only when the active worker holds every file of the build', () => {
    expect(readiness(built, status(40, 0))).toBe('ready');
    expect(readiness(built, status(40, 3))).toBe('caching');
    expect(readiness(built, status(0, 0))).toBe('caching');
    expect(readiness(built, null)).toBe('caching');
  });

  it('is unavailable without service workers and on the development server', () => {
    expect(readiness({ supported: false, built: true }, status(40, 0))).toBe('unavailable');
    expect(readiness({ supported: true, built: false }, null)).toBe('unavailable');
  });

  it('accepts only a well-formed answer from the worker', () => {
    expect(isCacheStatus(status(2, 1))).toBe(true);
    expect(isCacheStatus({ type: 'pcw:cache-status', version: 'x', total: 2 })).toBe(false);
    expect(isCacheStatus({ type: 'other', version: 'x', total: 2, missing: 0 })).toBe(false);
    expect(isCacheStatus(null)).toBe(false);
    expect(isCacheStatus('pcw:cache-status')).toBe(false);
  });
});
