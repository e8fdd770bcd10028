/**
 * The bundled datasets in the browser as parks (their files: bundled-files.ts).
 */
import { answersFromJson, baselinesFromJson, type KeptAnswer, type ShippedBaseline } from './first-answers';
import type { ParkManifest, ParkSource, TableBytes } from './parks';
import { fetchFirstAnswers, fetchFolder, folderOf } from './bundled-files';

const MANIFESTS = import.meta.glob('../../datasets/*/manifest.json', {
  import: 'default',
  eager: true,
}) as Record<string, ParkManifest>;

/** The bundled parks, sample first. */
export function bundledParks(): ParkSource[] {
  return Object.entries(MANIFESTS)
    .filter(([path]) => folderOf(path) !== 'reference')
    .map(([path, manifest]) => ({
      manifest,
      tables: () => fetchFolder(folderOf(path)),
      answers: (): Promise<KeptAnswer[]> => fetchFirstAnswers(folderOf(path)).then(answersFromJson),
      baselines: (): Promise<ShippedBaseline[]> => fetchFirstAnswers(folderOf(path)).then(baselinesFromJson),
    }))
    .sort((a, b) => (a.manifest.id === 'sample' ? -1 : b.manifest.id === 'sample' ? 1 : 0));
}

/** Reference tables (factors and coefficients) as Arrow IPC bytes. */
export function fetchReferenceTables(): Promise<TableBytes[]> {
  return fetchFolder('reference');
}
