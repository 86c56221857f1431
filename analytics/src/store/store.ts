/**
 * The analytics store's port: one ClickHouse SQL dialect, two executors (chDB in this process, a
 * ClickHouse server over HTTP). Everything above this file writes the same SQL for both.
 */

/** Values bound to `{name:Type}` placeholders; never spliced into the SQL text. */
export type QueryParams = Record<string, unknown>

/** Per-insert ClickHouse settings (e.g. `insert_deduplication_token`). */
export type InsertSettings = Record<string, string | number>

/** A ClickHouse engine that runs our SQL: chDB in-process or a server. */
export interface AnalyticsExecutor {
  /** What logs say the store is. */
  readonly name: string
  /** Runs a statement that returns nothing (DDL, `INSERT … SELECT`). */
  command(sql: string, params?: QueryParams): Promise<void>
  /** Runs a SELECT and returns its rows (JSONEachRow, 64-bit integers as numbers). */
  select<T = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<T[]>
  /** Inserts rows as one block (one insert, so one deduplication token covers all of them). */
  insert(table: string, rows: readonly object[], settings?: InsertSettings): Promise<void>
  /** Releases the engine; the executor may not be used afterwards. */
  close(): Promise<void>
}

/**
 * Output settings both executors apply, so the same query returns the same JSON from either:
 * 64-bit integers as JSON numbers (the server quotes them by default, chDB does not).
 */
export const OUTPUT_SETTINGS = { output_format_json_quote_64bit_integers: 0 } as const

/** The database the analytics tables live in unless told otherwise. */
export const DEFAULT_DATABASE = 'analytics'

/** Checks a database name before it is used as an identifier (it cannot be a bound parameter). */
export function assertDatabaseName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`not a usable database name: ${name}`)
  return name
}

/** Rows as JSONEachRow text: one JSON object per line. */
export function jsonEachRow(rows: readonly object[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n'
}

/** Parses JSONEachRow text. */
export function parseJsonEachRow<T>(text: string): T[] {
  return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T)
}
