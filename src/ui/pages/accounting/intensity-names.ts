import { i18n } from '../../i18n/i18n.svelte';
import type { IntensityNames } from '../../../charts/accounting/inventory-charts';

/** Legend names of the intensity lines in the current language. */
export function intensityNames(): IntensityNames {
  return {
    co2Output: i18n.t('inv.int.co2Output'),
    co2Va: i18n.t('inv.int.co2Va'),
    tceOutput: i18n.t('inv.int.tceOutput'),
    tceVa: i18n.t('inv.int.tceVa'),
  };
}
