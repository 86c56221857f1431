/**
 * What the benchmarks that seed or read the development database share: its address (the runtime
 * role of `npm start`'s embedded PostgreSQL, or DATABASE_APP_URL), a tenant-bound transaction and
 * the percentile they report.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadSecrets } from '../../scripts/lib/postgres.mjs'

/** The runtime role's URL of the database `npm start` runs (RLS applies to it). */
export function databaseUrl() {
  if (process.env.DATABASE_APP_URL) return process.env.DATABASE_APP_URL
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const { appPassword } = loadSecrets(path.join(root, '.data', 'dev'))
  return `postgres://cc_app:${encodeURIComponent(appPassword)}@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/callcenter`
}

/** Runs fn in one transaction bound to the tenant (RLS applies: cc_app is neither owner nor BYPASSRLS). */
export async function inTenant(db, tenantId, fn) {
  await db.query('begin')
  try {
    await db.query(`select set_config('app.tenant_id', $1, true)`, [tenantId])
    const result = await fn()
    await db.query('commit')
    return result
  } catch (error) {
    await db.query('rollback')
    throw error
  }
}

/** The q-quantile of an ascending array. */
export const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
