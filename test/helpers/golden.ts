/** Loads the golden fixtures copied from ../shared/golden (see test/fixtures/golden/README.md). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const goldenDir = fileURLToPath(new URL('../fixtures/golden/', import.meta.url));

export function loadGolden<T>(name: string): T {
  return JSON.parse(readFileSync(`${goldenDir}${name}`, 'utf8')) as T;
}
