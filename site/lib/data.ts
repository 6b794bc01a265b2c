/// <reference types="vite/client" />
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

/** One notebook's data file; throws (failing the build) when it is missing. */
export function dataFile(stem: string): DataEnvelope {
  const f = loadDataFiles().find((d) => d.stem === stem);
  if (!f) throw new Error(`data/${stem}.json is missing: run npm run reproduce -- --only ${stem}`);
  return f.data;
}

/** Every claim of every data file, with the notebook it came from. */
export function allClaims() {
  return loadDataFiles().flatMap((f) => f.data.claims.map((c) => ({ ...c, notebook: f.stem, mode: f.data.mode, commit: f.data.commit })));
}

/** A claim by id (build fails if a page cites a claim that no notebook wrote). */
export function claimById(id: string) {
  const c = allClaims().find((x) => x.id === id);
  if (!c) throw new Error(`no data file holds claim ${id}`);
  return c;
}
