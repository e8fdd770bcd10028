/**
 * The park-wide Scope 2 method (market- or location-based): one setting for the Overview's and the
 * inventory page's emissions and the Pathways page's starting point, kept in the browser. Its default is
 * the scenario's (DEFAULT_SCOPE2).
 */
import { DEFAULT_SCOPE2, SCOPE2_METHODS, type Scope2Method } from '../../core/scenario/schema';

const STORAGE_KEY = 'pcw.scope2';

/** Where the setting is kept: the browser's localStorage, or a test's own. */
type SettingStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The browser's localStorage, or none: reading the property itself throws where storage is denied (e.g.
 * an embedded page of another site with third-party storage blocked).
 */
function browserStorage(): SettingStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function saved(storage: SettingStorage | undefined): Scope2Method {
  try {
    const v = storage?.getItem(STORAGE_KEY);
    return SCOPE2_METHODS.find((m) => m === v) ?? DEFAULT_SCOPE2;
  } catch {
    return DEFAULT_SCOPE2;
  }
}

/** The setting; `parkScope2` is the app's one instance (read from the browser's storage when made). */
export class ParkScope2 {
  readonly #storage: SettingStorage | undefined;
  #method: Scope2Method = $state(DEFAULT_SCOPE2);

  constructor(storage: SettingStorage | undefined = browserStorage()) {
    this.#storage = storage;
    this.#method = saved(storage);
  }

  get method(): Scope2Method {
    return this.#method;
  }

  set method(m: Scope2Method) {
    this.#method = m;
    try {
      this.#storage?.setItem(STORAGE_KEY, m);
    } catch {
      // Storage refused (private mode, quota): the setting lasts for this visit.
    }
  }
}

export const parkScope2 = new ParkScope2();

type Scope2Key = 's2.note' | 's2.market' | 's2.location';

/** "Scope 2: market-based" / "范围二：市场法", for the note beside an emissions figure. */
export function scope2Note(
  method: Scope2Method,
  t: (key: Scope2Key, params?: Record<string, string>) => string,
): string {
  return t('s2.note', { method: t(method === 'market' ? 's2.market' : 's2.location') });
}
