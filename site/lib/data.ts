/**
 * The site's access to data/: every data file, validated at build time with the library's schema
 * check (a malformed file fails the build, naming the file and the fields).
 */
import { assertEnvelope, type DataEnvelope } from 'spikingbrain-lib';

const files = import.meta.glob('../../data/*.json', { eager: true, import: 'default' });

export interface DataFile {
  /** notebook stem, e.g. "01-spike-coding" */
  stem: string;
  data: DataEnvelope;
}

export function loadDataFiles(): DataFile[] {
  return Object.entries(files)
    .map(([path, data]) => {
      const stem = path.replace(/^.*\//, '').replace(/\.json$/, '');
      assertEnvelope(data, `data/${stem}.json`);
      return { stem, data };
    })
    .sort((a, b) => a.stem.localeCompare(b.stem));
}
