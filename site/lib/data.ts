/// <reference types="vite/client" />
/**
 * The site's access to data/: every data file, validated at build time with the library's schema
 * check (a malformed file fails the build, naming the file and the fields). Results are read through
 * a guard: a page that reads a result field the file does not hold fails the build naming the data
 * file and the field (issue 14), not with "cannot read properties of undefined" deep inside a page.
 */
import { assertEnvelope, type DataEnvelope } from 'spikingbrain-lib';

const files = import.meta.glob('../../data/*.json', { eager: true, import: 'default' });

export interface DataFile {
  /** notebook stem, e.g. "01-spike-coding" */
  stem: string;
  data: DataEnvelope;
}

/** Property names that tooling probes on any object (promises, JSON, frameworks): answered, never thrown. */
const PROBES = new Set([
  'then',
  'toJSON',
  'constructor',
  'length',
  'valueOf',
  'toString',
  'nodeType',
  'asymmetricMatch',
  '$$typeof',
  '__proto__',
]);

/**
 * Wraps a results object so reading a missing field throws `data/<file>.json: results.a.b is missing`.
 * Arrays and typed values pass through (their elements are wrapped when they are objects);
 * `'field' in results` and Object.keys still work for pages that test for optional fields.
 */
export function guardResults<T>(value: T, file: string, path = 'results'): T {
  if (!value || typeof value !== 'object') return value;
  return new Proxy(value as object, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof key === 'symbol' || PROBES.has(key)) return v;
      const here = Array.isArray(target) ? `${path}[${key}]` : `${path}.${key}`;
      if (!Array.isArray(target) && !(key in target)) {
        throw new Error(
          `${file}: ${here} is missing (fields here: ${Object.keys(target).join(', ') || 'none'}); rerun the notebook or fix the page that reads it`,
        );
      }
      return guardResults(v, file, here);
    },
  }) as T;
}

const cache = new Map<string, DataFile[]>();

export function loadDataFiles(): DataFile[] {
  const hit = cache.get('all');
  if (hit) return hit;
  const out = Object.entries(files)
    .map(([path, data]) => {
      const stem = path.replace(/^.*\//, '').replace(/\.json$/, '');
      assertEnvelope(data, `data/${stem}.json`);
      const env = data as DataEnvelope;
      return { stem, data: { ...env, results: guardResults(env.results, `data/${stem}.json`) } };
    })
    .sort((a, b) => a.stem.localeCompare(b.stem));
  cache.set('all', out);
  return out;
}

/** One notebook's data file; throws (failing the build) when it is missing. Reading a missing result field throws too. */
export function dataFile(stem: string): DataEnvelope {
  const f = loadDataFiles().find((d) => d.stem === stem);
  if (!f) throw new Error(`data/${stem}.json is missing: run npm run reproduce -- --only ${stem}`);
  return f.data;
}

/**
 * A result field by dotted path ("costModel.table7Utilisation"), checked: throws naming the file and
 * the field when it is missing or has another type than `expect`.
 */
export function result<T = unknown>(stem: string, path: string, expect?: 'number' | 'string' | 'object' | 'array'): T {
  let v: unknown = dataFile(stem).results;
  for (const key of path.split('.')) v = (v as Record<string, unknown>)[key];
  const type = Array.isArray(v) ? 'array' : typeof v;
  if (expect && type !== expect)
    throw new Error(
      `data/${stem}.json: results.${path} should be ${expect === 'array' ? 'an array' : `a ${expect}`}, got ${JSON.stringify(v)?.slice(0, 60)}`,
    );
  return v as T;
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
