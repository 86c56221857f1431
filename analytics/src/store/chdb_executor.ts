import fs from 'node:fs'
import { Session } from 'chdb'
import { assertDatabaseName, DEFAULT_DATABASE, jsonEachRow, OUTPUT_SETTINGS, parseJsonEachRow, type AnalyticsExecutor, type InsertSettings, type QueryParams } from './store.ts'

/**
 * ClickHouse inside this process (chDB): the embedded default and the tests. chDB allows one data
 * directory per process, so there is one executor per process; statements run one at a time
 * through a queue (one native connection).
 */
export class ChdbExecutor implements AnalyticsExecutor {
  readonly name: string
  #session: Session
  #queue: Promise<unknown> = Promise.resolve()

  constructor(dir: string, database: string = DEFAULT_DATABASE) {
    fs.mkdirSync(dir, { recursive: true })
    this.name = `chDB at ${dir} (database ${database})`
    const settings = Object.entries(OUTPUT_SETTINGS).map(([key, value]) => `--${key}=${value}`)
    this.#session = new Session(dir, { connectionArgs: settings })
    const db = assertDatabaseName(database)
    // A session keeps its current database, so every unqualified table name below means this one.
    this.#session.query(`CREATE DATABASE IF NOT EXISTS ${db}`)
    this.#session.query(`USE ${db}`)
  }

  command(sql: string, params: QueryParams = {}) {
    return this.#serial(async () => {
      await this.#session.queryBindAsync(sql, params, { format: 'JSONEachRow' })
    })
  }

  select<T>(sql: string, params: QueryParams = {}) {
    return this.#serial(async () => parseJsonEachRow<T>((await this.#session.queryBindAsync(sql, params, { format: 'JSONEachRow' })).text()))
  }

  insert(table: string, rows: readonly object[], settings: InsertSettings = {}) {
    if (!rows.length) return Promise.resolve()
    return this.#serial(async () => {
      await this.#session.insert({ table, values: Buffer.from(jsonEachRow(rows)), format: 'JSONEachRow', settings })
    })
  }

  async close() {
    await this.#queue.catch(() => {})
    this.#session.close()
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work)
    this.#queue = run.catch(() => {})
    return run
  }
}
