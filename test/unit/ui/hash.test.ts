/** The app's hash format: which navigations ask a page for other state of its own. */
import { describe, expect, it } from 'vitest';
import { pageStateChanged } from '../../../src/ui/hash';

describe('pageStateChanged', () => {
  const link = '#/pathways?park=sample&preset=policy&eff=0.035&seed=2060';

  it('is true for the same page with one of its own parameters changed, added or removed', () => {
    expect(pageStateChanged(link, link.replace('eff=0.035', 'eff=0.02'))).toBe(true);
    expect(pageStateChanged(link, `${link}&ccus=0.9`)).toBe(true);
    expect(pageStateChanged(link, '#/pathways?park=sample')).toBe(true);
  });

  it('is false when only what the app applies itself changes (park, language, embedding, enterprise, year)', () => {
    expect(pageStateChanged(link, `${link}&lang=en`)).toBe(false);
    expect(pageStateChanged(link, link.replace('park=sample', 'park=other'))).toBe(false);
    expect(pageStateChanged('#/inventory?park=sample&year=2022', '#/inventory?park=sample&year=2023')).toBe(
      false,
    );
  });

  it('is false for another page (that one is shown afresh anyway) and for the same address', () => {
    expect(pageStateChanged(link, '#/overview?park=sample&eff=0.02')).toBe(false);
    expect(pageStateChanged(link, link)).toBe(false);
  });
});
