/**
 * Node-only: progress lines of a long notebook job (steps, loss, ETA). Shown in the cell's output,
 * and, when `npm run reproduce` runs the notebook headlessly, appended to the file it names in
 * SBL_PROGRESS_FILE so the runner can print them live (nbconvert only returns outputs at the end).
 */
import { appendFileSync } from 'node:fs';

export function progress(message: string): void {
  console.log(message);
  const file = process.env.SBL_PROGRESS_FILE;
  if (file) appendFileSync(file, `${message}\n`);
}

/** "ETA 42 s" from the work done so far (a fraction in (0, 1]) and the seconds it took. */
export function eta(doneFraction: number, elapsedSeconds: number): string {
  if (!(doneFraction > 0)) return 'ETA –';
  return `ETA ${Math.max(0, Math.round((elapsedSeconds * (1 - doneFraction)) / doneFraction))} s`;
}
