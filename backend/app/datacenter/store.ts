/**
 * The analytics store of this process, opened once (CLICKHOUSE_URL, else chDB under ANALYTICS_DIR)
 * and migrated once. chDB allows one data folder per process, so the embedded ingestor
 * (`start/jobs.ts`) and the data-center API share this one instance. `@cc/analytics` is imported
 * lazily: loading it loads chDB's native library, which processes that never read analytics skip.
 */
import logger from '@adonisjs/core/services/logger'
import type { AnalyticsStore } from '@cc/analytics'

let opening: Promise<AnalyticsStore> | null = null

/** The shared store, opened and migrated on first use; a failed open is tried again on the next call. */
export function analyticsStore(): Promise<AnalyticsStore> {
  opening ??= open().catch((error) => {
    opening = null
    throw error
  })
  return opening
}

async function open(): Promise<AnalyticsStore> {
  const { storeFromEnv } = await import('@cc/analytics')
  const store = storeFromEnv()
  try {
    const migrated = await store.migrate()
    if (migrated.applied.length) logger.info(`analytics: migrated ${store.name}: ${migrated.applied.join(', ')}`)
    return store
  } catch (error) {
    await store.close().catch(() => {})
    throw error
  }
}

/** Closes the shared store (process shutdown, after the ingestor stopped). */
export async function closeAnalyticsStore(): Promise<void> {
  const current = opening
  opening = null
  if (current) await (await current.catch(() => null))?.close()
}
