import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** Who acts: a tenant user, an anonymous visitor (login, signup), a platform operator or the system. */
export type Actor =
  | { type: 'user'; id: string; email: string }
  | { type: 'anonymous'; id: null; email: string | null }
  | { type: 'operator'; id: string; email: string }
  | { type: 'system'; id: null; email: null }

/** Where a request came from, for the operation log. */
export interface Origin {
  ip: string | null
  userAgent: string | null
  requestId: string | null
}

/** The explicit input every tenant action receives: the tenant, the transaction bound to it, the actor. */
export interface TenantScope {
  tenantId: string
  trx: TransactionClientContract
  actor: Actor
  origin: Origin
}

/**
 * Binds an open transaction to one tenant. Transaction-local (`set_config(..., true)`), so the
 * setting never leaks to the next user of a pooled connection.
 */
export async function bindTenant(trx: TransactionClientContract, tenantId: string): Promise<void> {
  await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [tenantId])
}

/** Runs work in a new transaction bound to one tenant; commits on success, rolls back on error. */
export async function inTenant<T>(
  tenantId: string,
  work: (trx: TransactionClientContract) => Promise<T>
): Promise<T> {
  return db.transaction(async (trx) => {
    await bindTenant(trx, tenantId)
    return work(trx)
  })
}

/** The scope of work the platform does by itself in a tenant (sweepers, the media bot, webhooks, seeds). */
export function systemScope(tenantId: string, trx: TransactionClientContract, userAgent: string): TenantScope {
  return { tenantId, trx, actor: { type: 'system', id: null, email: null }, origin: { ip: null, userAgent, requestId: null } }
}

/** Runs work as the system in a new transaction bound to one tenant. */
export function inTenantAsSystem<T>(tenantId: string, userAgent: string, work: (scope: TenantScope) => Promise<T>): Promise<T> {
  return inTenant(tenantId, (trx) => work(systemScope(tenantId, trx, userAgent)))
}

/**
 * Runs work in a platform-scoped transaction: the tenants registry and the outbox are readable
 * across tenants. Only the operator console, login's slug lookup and the outbox relay use it.
 */
export async function inPlatform<T>(work: (trx: TransactionClientContract) => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.rawQuery(`select set_config('app.platform', 'on', true)`)
    const result = await work(trx)
    await trx.rawQuery(`select set_config('app.platform', '', true)`)
    return result
  })
}
