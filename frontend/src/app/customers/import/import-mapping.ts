import { ColumnMapping, IGNORE } from './customer-imports-api';

/** Targets that several columns may fill (a customer has several phones and e-mails). */
const REPEATABLE = new Set(['phone', 'email']);

/** What the mapping table edits: one target per file column, `ignore` for a column left out. */
export function targetsOf(columnCount: number, mapping: readonly ColumnMapping[]): string[] {
  const targets = Array.from({ length: columnCount }, () => IGNORE);
  for (const { column, target } of mapping) {
    if (column >= 0 && column < columnCount) targets[column] = target;
  }
  return targets;
}

/** The mapping the API takes: every column that is imported, in column order. */
export function mappingOf(targets: readonly string[]): ColumnMapping[] {
  return targets.flatMap((target, column) => (target === IGNORE ? [] : [{ column, target }]));
}

/** What is wrong with a mapping before the server is asked. */
export interface MappingProblems {
  /** No column fills the customer's name. */
  readonly nameMissing: boolean;
  /** Targets that only one column may fill but several do. */
  readonly repeated: readonly string[];
}

export function mappingProblems(targets: readonly string[]): MappingProblems {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const target of targets) {
    if (target === IGNORE || REPEATABLE.has(target)) continue;
    if (seen.has(target)) repeated.add(target);
    seen.add(target);
  }
  return { nameMissing: !targets.includes('name'), repeated: [...repeated] };
}

/** The first `count` non-empty values of a column in the sample rows. */
export function samplesOf(rows: readonly string[][], column: number, count = 3): string[] {
  return rows
    .map((row) => (row[column] ?? '').trim())
    .filter((value) => value !== '')
    .slice(0, count);
}

/** Spreadsheet name of a column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** File name of a report download when the server names none. */
export function reportFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  return `${base || 'import'}-report.csv`;
}
