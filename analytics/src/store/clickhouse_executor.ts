import { createClient, type ClickHouseClient } from '@clickhouse/client'
import { assertDatabaseName, DEFAULT_DATABASE, OUTPUT_SETTINGS, type AnalyticsExecutor, type InsertSettings, type QueryParams } from './store.ts'

/**
 * A ClickHouse server over HTTP (@clickhouse/client) when CLICKHOUSE_URL is set: production. Needs
 * ClickHouse 24.8 or newer (the client's floor; query parameters, DateTime64, `toStartOfInterval`).
 * Non-replicated tables deduplicate inserts through `non_replicated_deduplication_window`, set in
 * the migrations, the same as in chDB.
 */
export class ClickHouseExecutor implements AnalyticsExecutor {
  readonly name: string
  #client: ClickHouseClient
  #ready: Promise<void>

  constructor(url: string, database: string = DEFAULT_DATABASE) {
    const db = assertDatabaseName(database)
    const shown = new URL(url)
    shown.password = shown.password ? '***' : ''
    this.name = `ClickHouse at ${shown.origin} (database ${db})`
    this.#client = createClient({ url, database: db, clickhouse_settings: { ...OUTPUT_SETTINGS }, request_timeout: 60000 })
    this.#ready = createDatabase(url, db)
  }

  async command(sql: string, params: QueryParams = {}) {
    await this.#ready
    await this.#client.command({ query: sql, query_params: params })
  }

  async select<T>(sql: string, params: QueryParams = {}) {
    await this.#ready
    const result = await this.#client.query({ query: sql, query_params: params, format: 'JSONEachRow' })
    return result.json<T>()
  }

  async insert(table: string, rows: readonly object[], settings: InsertSettings = {}) {
    if (!rows.length) return
    await this.#ready
    await this.#client.insert({ table, values: [...rows], format: 'JSONEachRow', clickhouse_settings: settings })
  }

  async close() {
    await this.#ready.catch(() => {})
    await this.#client.close()
  }
}

/** Creates the database through a client bound to `default` (a client bound to a missing database fails). */
async function createDatabase(url: string, database: string) {
  const bootstrap = createClient({ url, database: 'default' })
  try {
    await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` })
  } finally {
    await bootstrap.close()
  }
}
