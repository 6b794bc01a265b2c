/**
 * Where a transcribed number sits in the report (issue 10, "cover the report"): every table or figure
 * of lib/report carries its location, so a claim's `source` names the table and the PDF page.
 */

export interface ReportLocation {
  /** e.g. "Table 3", "Fig. 7", "§3.4", "abstract" */
  where: string;
  /** page of the PDF (the printed page number; the PDF has no unnumbered front matter) */
  page: number;
}

/** "report Table 3 (p. 21)": the `source` string of a claim. */
export function sourceOf(...locations: ReportLocation[]): string {
  if (locations.length === 0) throw new RangeError('sourceOf needs at least one location');
  return 'report ' + locations.map((l) => `${l.where} (p. ${l.page})`).join(', ');
}

/** A table transcribed row by row: `columns` name the values of every row. */
export interface ScoreTable {
  location: ReportLocation;
  caption: string;
  columns: readonly string[];
  rows: readonly { name: string; values: readonly number[] }[];
}

/** The values of one named row; throws naming the table and the known rows. */
export function rowOf(t: ScoreTable, name: string): readonly number[] {
  const r = t.rows.find((x) => x.name === name);
  if (!r) throw new RangeError(`${t.location.where} has no row "${name}"; rows: ${t.rows.map((x) => x.name).join(', ')}`);
  return r.values;
}

/** The values of one named column (one per row); throws naming the known columns. */
export function columnOf(t: ScoreTable, name: string): number[] {
  const i = t.columns.indexOf(name);
  if (i < 0) throw new RangeError(`${t.location.where} has no column "${name}"; columns: ${t.columns.join(', ')}`);
  return t.rows.map((r) => r.values[i]!);
}
