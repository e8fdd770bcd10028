import { describe, expect, it } from 'vitest';
import { isId, linkYear, readLink } from '../../../../src/ui/embed/deep-link';
import {
  acceptsFrom,
  heightTargets,
  normalizeOrigin,
  parseEmbedCommand,
  parseEmbedConfig,
} from '../../../../src/ui/embed/embed-protocol';

const PAGES = ['overview', 'inventory', 'self-check', 'data'];
const PARKS = [
  { id: 'sample', name_zh: '示例', name_en: 'Sample', years: [2015, 2024] as [number, number] },
  { id: 'workshop', name_zh: '工作坊', name_en: 'Workshop', years: [2018, 2024] as [number, number] },
];

describe('deep links', () => {
  it('takes page, park, enterprise, year, language and embed mode from the address', () => {
    const { state, notices } = readLink(
      'self-check',
      { park: 'workshop', enterprise: 'E0007', year: '2020', lang: 'en', embed: '1' },
      PAGES,
      PARKS,
      'overview',
    );
    expect(state).toEqual({
      page: 'self-check',
      park: 'workshop',
      enterprise: 'E0007',
      year: 2020,
      lang: 'en',
      embed: true,
    });
    expect(notices).toEqual([]);
  });

  it('names every value it could not use and falls back to the default, never throwing', () => {
    const { state, notices } = readLink(
      'nowhere',
      { park: 'atlantis', year: '2099', lang: 'fr', enterprise: '<script>' },
      PAGES,
      PARKS,
      'overview',
    );
    expect(state).toMatchObject({
      page: 'overview',
      park: 'sample',
      year: null,
      lang: null,
      enterprise: null,
    });
    expect(notices.map((n) => n.key)).toEqual([
      'link.unknownPage',
      'link.unknownPark',
      'link.badLang',
      'link.badYear',
      'link.unknownEnterprise',
    ]);
    expect(notices[1].params).toMatchObject({ id: 'atlantis', name: '示例 / Sample' });
    expect(notices[3].params).toMatchObject({ year: '2099', first: 2015, last: 2024 });
  });

  it('quotes a long hostile value shortened, and ignores prototype keys', () => {
    const params = Object.fromEntries(
      new URLSearchParams(`park=${'x'.repeat(5000)}&__proto__=1&constructor=2`),
    );
    const { state, notices } = readLink('inventory', params, PAGES, PARKS, 'overview');
    expect(state.park).toBe('sample');
    expect(String(notices[0].params.id).length).toBeLessThanOrEqual(41);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readLink('', {}, PAGES, PARKS, 'overview').state.page).toBe('overview');
  });

  it('accepts only ids of letters, digits, _ . - and a year within the years shown', () => {
    expect(isId('E0001')).toBe(true);
    expect(isId('企业-1')).toBe(true);
    expect(isId('a b')).toBe(false);
    expect(isId('x'.repeat(65))).toBe(false);
    expect(linkYear({ year: '2020' }, [2019, 2020])).toBe(2020);
    expect(linkYear({ year: '2021' }, [2019, 2020])).toBeNull();
    expect(linkYear({ year: '20e2' }, [2000])).toBeNull();
    expect(linkYear({}, [2020])).toBeNull();
  });
});

describe('embedding protocol', () => {
  it('reads the allow-list: exact origins only, each refused entry named', () => {
    const { config, problems } = parseEmbedConfig({
      allowedOrigins: [
        'https://portal.example.org',
        'http://localhost:8080',
        'https://portal.example.org',
        '*',
        'https://a.org/path',
        'javascript:alert(1)',
        42,
      ],
    });
    expect(config.allowedOrigins).toEqual(['https://portal.example.org', 'http://localhost:8080']);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('allowedOrigins[3] "*"');
    expect(parseEmbedConfig([]).config.allowedOrigins).toEqual([]);
    expect(parseEmbedConfig({ allowedOrigins: 'https://a.org' }).problems[0]).toContain('must be an array');
    expect(normalizeOrigin('https://a.org:8443')).toBe('https://a.org:8443');
    expect(normalizeOrigin('null')).toBeNull();
  });

  it('obeys only allowed origins from the parent window; an empty list obeys nobody', () => {
    const config = { allowedOrigins: ['https://portal.example.org'] };
    expect(acceptsFrom('https://portal.example.org', true, config)).toBe(true);
    expect(acceptsFrom('https://evil.example.org', true, config)).toBe(false);
    expect(acceptsFrom('https://portal.example.org', false, config)).toBe(false);
    expect(acceptsFrom('null', true, { allowedOrigins: [] })).toBe(false);
    expect(heightTargets(config)).toEqual(['https://portal.example.org']);
    expect(heightTargets({ allowedOrigins: [] })).toEqual(['*']);
  });

  it('knows exactly three commands and ignores anything else', () => {
    expect(parseEmbedCommand({ type: 'pcw:set-language', lang: 'en' })).toEqual({
      type: 'pcw:set-language',
      lang: 'en',
    });
    expect(parseEmbedCommand({ type: 'pcw:set-enterprise', enterprise: 'E0002' })).toEqual({
      type: 'pcw:set-enterprise',
      enterprise: 'E0002',
    });
    expect(parseEmbedCommand({ type: 'pcw:load-scenario', link: '#/pathways?preset=policy&seed=7' })).toEqual(
      {
        type: 'pcw:load-scenario',
        link: '#/pathways?preset=policy&seed=7',
      },
    );
    const refused: unknown[] = [
      null,
      'pcw:set-language',
      [],
      { type: 'pcw:set-language', lang: 'fr' },
      { type: 'pcw:set-language', lang: 'en', extra: 1 },
      { type: 'pcw:set-enterprise', enterprise: '../../x' },
      { type: 'pcw:load-scenario', link: '#/data?sql=drop' },
      { type: 'pcw:load-scenario', link: 'javascript:alert(1)' },
      { type: 'pcw:load-scenario', link: `#/pathways?x=${'1'.repeat(5000)}` },
      { type: 'pcw:eval', code: '1' },
      JSON.parse('{"__proto__": {"type": "pcw:set-language", "lang": "en"}}'),
      Object.create({ type: 'pcw:set-language', lang: 'en' }),
    ];
    for (const m of refused) expect(parseEmbedCommand(m)).toBeNull();
  });
});
