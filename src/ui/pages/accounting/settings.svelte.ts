/**
 * Reactive accounting settings (electricity method, Scope 2 method, grid region and year) of one page.
 */
import type { AccountingOptions } from '../../../core/accounting/index';
import { DEFAULT_SETTINGS, restoreSettings, toOptions, type AccountingSettings } from './settings-vm';

export class SettingsState implements AccountingSettings {
  electricityMethod = $state(DEFAULT_SETTINGS.electricityMethod);
  scope2Method = $state(DEFAULT_SETTINGS.scope2Method);
  gridRegion = $state(DEFAULT_SETTINGS.gridRegion);
  gridYear = $state<number | null>(DEFAULT_SETTINGS.gridYear);

  constructor(initial?: unknown) {
    if (initial !== undefined) this.set(restoreSettings(initial));
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
