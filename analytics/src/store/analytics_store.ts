import { fileURLToPath } from 'node:url'
import { ChdbExecutor } from './chdb_executor.ts'
import { ClickHouseExecutor } from './clickhouse_executor.ts'
import { migrate, type MigrationReport } from './migrate.ts'
import { DEFAULT_DATABASE, type AnalyticsExecutor, type InsertSettings } from './store.ts'
import { TenantQueries } from './tenant_query.ts'

/**
 * The analytics store: reads only per tenant (`forTenant`), writes only through the ingestor's
 * inserts. The executor underneath is chDB or a ClickHouse server; the SQL is the same.
 */
export class AnalyticsStore {
  readonly executor: AnalyticsExecutor

  constructor(executor: AnalyticsExecutor) {
    this.executor = executor
  }

  /** What logs say the store is. */
  get name() {
    return this.executor.name
  }

  /** Reads of one tenant: every query must carry the tenant predicate. */
  forTenant(tenantId: string) {
    return new TenantQueries(this.executor, tenantId)
  }

  /** Applies the numbered migrations not applied yet. */
  migrate(): Promise<MigrationReport> {
    return migrate(this.executor)
  }

  /** Inserts rows as one block (the ingestor's raw events and facts). */
  insert(table: string, rows: readonly object[], settings?: InsertSettings) {
    return this.executor.insert(table, rows, settings)
  }

  close() {
    return this.executor.close()
  }
}

/** Where the store is: a ClickHouse server (CLICKHOUSE_URL) or chDB under a directory. */
export interface StoreLocation {
  clickhouseUrl?: string
  chdbDir?: string
  database?: string
}

/** The embedded store's default folder: `.data/analytics` at the repository root. */
export const DEFAULT_CHDB_DIR = fileURLToPath(new URL('../../../.data/analytics', import.meta.url))

/** The store from the environment: CLICKHOUSE_URL, else chDB under ANALYTICS_DIR (default `.data/analytics`); ANALYTICS_DATABASE names the database. */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): AnalyticsStore {
  return openStore({ clickhouseUrl: env.CLICKHOUSE_URL || undefined, chdbDir: env.ANALYTICS_DIR || DEFAULT_CHDB_DIR, database: env.ANALYTICS_DATABASE || DEFAULT_DATABASE })
}

/** Opens the store at a location (not yet migrated). */
export function openStore(location: StoreLocation): AnalyticsStore {
  if (location.clickhouseUrl) return new AnalyticsStore(new ClickHouseExecutor(location.clickhouseUrl, location.database))
  if (!location.chdbDir) throw new Error('the analytics store needs CLICKHOUSE_URL or a chDB directory')
  return new AnalyticsStore(new ChdbExecutor(location.chdbDir, location.database))
}
