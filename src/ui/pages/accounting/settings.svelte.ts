/**
 * Reactive accounting settings (electricity method, Scope 2 method, grid region and year) of one page.
 */
import type { AccountingOptions } from '../../../core/accounting/index';
import { DEFAULT_SETTINGS, restoreSettings, toOptions, type AccountingSettings } from './settings-vm';

export class SettingsState implements AccountingSettings {
  electricityMethod = $state(DEFAULT_SETTINGS.electricityMethod);
  gridRegion = $state(DEFAULT_SETTINGS.gridRegion);
  gridYear = $state<number | null>(DEFAULT_SETTINGS.gridYear);
  #scope2 = $state(DEFAULT_SETTINGS.scope2Method);
  readonly #shared: { method: AccountingSettings['scope2Method'] } | undefined;

  /** With `shared`, the Scope 2 method is that setting (the park-wide one), read and written there. */
  constructor(initial?: unknown, shared?: { method: AccountingSettings['scope2Method'] }) {
    this.#shared = shared;
    if (initial !== undefined) this.set(restoreSettings(initial));
  }

  get scope2Method(): AccountingSettings['scope2Method'] {
    return this.#shared ? this.#shared.method : this.#scope2;
  }

  set scope2Method(m: AccountingSettings['scope2Method']) {
    if (this.#shared) this.#shared.method = m;
    else this.#scope2 = m;
  }

  set(s: AccountingSettings): void {
    this.electricityMethod = s.electricityMethod;
    this.scope2Method = s.scope2Method;
    this.gridRegion = s.gridRegion;
    this.gridYear = s.gridYear;
  }

  /** A plain copy (read inside effects/deriveds to track every field). */
  snapshot(): AccountingSettings {
    return {
      electricityMethod: this.electricityMethod,
      scope2Method: this.scope2Method,
      gridRegion: this.gridRegion,
      gridYear: this.gridYear,
    };
  }

  options(): Partial<AccountingOptions> {
    return toOptions(this.snapshot());
  }
}
