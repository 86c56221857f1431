import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AnalyticsExecutor } from './store.ts'

/** The folder of numbered SQL migrations (`0001_name.sql`), applied in order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url))

/** What a run did. */
export interface MigrationReport {
  applied: string[]
  alreadyApplied: string[]
}

/** One migration file: its number, its name and its statements. */
export interface Migration {
  version: number
  name: string
  statements: string[]
}

/** The migrations on disk, in order. A file is statements separated by `;` at the end of a line. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      statements: fs
        .readFileSync(`${dir}/${file}`, 'utf8')
        .replace(/^\s*--.*$/gm, '')
        .split(/;\s*$/m)
        .map((s) => s.trim())
        .filter(Boolean),
    }))
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each statement in turn, then
 * records it. Running it again changes nothing; the statements themselves are `IF NOT EXISTS`, so
 * a run cut short between a statement and its record is safe to repeat.
 */
export async function migrate(executor: AnalyticsExecutor, dir = MIGRATIONS_DIR): Promise<MigrationReport> {
  await executor.command(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY version`
  )
  const done = new Set((await executor.select<{ version: number }>('SELECT version FROM schema_migrations FINAL')).map((row) => Number(row.version)))
  const report: MigrationReport = { applied: [], alreadyApplied: [] }
  for (const migration of readMigrations(dir)) {
    if (done.has(migration.version)) {
      report.alreadyApplied.push(migration.name)
      continue
    }
    for (const statement of migration.statements) await executor.command(statement)
    await executor.insert('schema_migrations', [{ version: migration.version, name: migration.name }])
    report.applied.push(migration.name)
  }
  return report
}
