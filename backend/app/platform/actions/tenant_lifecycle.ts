import { AppError, notFound } from '#shared/errors'
import { inPlatform, type Origin, type TenantScope } from '#shared/scope'
import { writeAudit } from '#shared/audit'
import { likeEscape, paginate } from '#shared/pagination'
import { recordEvent } from '#events/outbox'
import { toTenantResource } from '#tenancy/transformers/tenant_transformer'
import { writePlatformAudit, type Operator } from '#platform/operators'

/** A page of tenants with their user counts (platform scope). */
export async function listTenants(input: { page?: number; perPage?: number; search?: string }) {
  return inPlatform(async (trx) => {
    const query = trx.from('tenants')
    if (input.search) {
      const like = `%${likeEscape(input.search)}%`
      query.where((q) => q.whereILike('name', like).orWhereILike('slug', like))
    }
    query.orderBy('created_at', 'desc').orderBy('id', 'desc')
    return paginate(query, input, 25, async (rows) => {
      const counts = await userCounts(trx, rows.map((r) => r.id))
      return rows.map((row) => ({ ...toTenantResource(row), userCount: counts.get(row.id) ?? 0 }))
    })
  })
}

/**
 * Counts users per tenant. The users table is tenant-scoped with no platform read, so each tenant
 * is counted in its own binding: the operator console never reads tenant data in bulk.
 */
async function userCounts(trx: TenantScope['trx'], tenantIds: string[]) {
  const counts = new Map<string, number>()
  for (const id of tenantIds) {
    await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [id])
    const [{ n }] = await trx.from('users').where('tenant_id', id).count('* as n')
    counts.set(id, Number(n))
  }
  await trx.rawQuery(`select set_config('app.tenant_id', '', true)`)
  return counts
}

/**
 * Suspends or reactivates a tenant. Suspension revokes every session of the tenant at once, so
 * its users are signed out, and blocks new sign-ins.
 */
export async function setTenantStatus(operator: Operator, tenantId: string, status: 'active' | 'suspended', origin: Origin) {
  const tenant = await inPlatform(async (trx) => {
    const row = await trx.from('tenants').where('id', tenantId).forUpdate().first()
    if (!row) throw notFound('Tenant')
    if (row.status === status) throw new AppError(409, 'E_CONFLICT', `The tenant is already ${status}`)
    await trx.from('tenants').where('id', tenantId).update({ status, suspended_at: status === 'suspended' ? new Date() : null, updated_at: new Date() })
    await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [tenantId])
    const scope: TenantScope = { tenantId, trx, actor: { type: 'operator', id: operator.id, email: operator.email }, origin }
    if (status === 'suspended') {
      await trx.from('access_tokens').where('tenant_id', tenantId).whereNull('revoked_at').update({ revoked_at: new Date() })
    }
    const action = status === 'suspended' ? 'tenant.suspended' : 'tenant.reactivated'
    await writeAudit(trx, { tenantId, actor: scope.actor, origin, action, result: 'success', targetType: 'tenant', targetId: tenantId, before: { status: row.status }, after: { status } })
    await recordEvent(scope, { type: action, entityType: 'tenant', entityId: tenantId })
    return toTenantResource({ ...row, status })
  })
  await writePlatformAudit({ operator, action: status === 'suspended' ? 'platform.tenant_suspend' : 'platform.tenant_reactivate', result: 'success', origin, targetType: 'tenant', targetId: tenantId })
  return tenant
}
