import type { AnalyticsExecutor, QueryParams } from './store.ts'

/** The only tenant predicate the query layer accepts; the layer binds `tenant` itself. */
export const TENANT_PREDICATE = 'tenant_id = {tenant:UUID}'

/** A read the query layer refused because it could see more than one tenant's rows. */
export class TenantPredicateMissing extends Error {
  readonly code = 'E_TENANT_PREDICATE'
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Refuses a read that is not confined to one tenant: it must be a single SELECT, and every table it
 * reads (each FROM or JOIN of a name, not of a subquery nor an ARRAY JOIN) needs its own `tenant_id = {tenant:UUID}`.
 * This guards our own SQL against a forgotten predicate; users never write SQL here.
 */
export function assertTenantScoped(sql: string): void {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
  if (text.includes(';')) throw new TenantPredicateMissing('one statement per read')
  if (!/^\s*(SELECT|WITH)\b/i.test(text)) throw new TenantPredicateMissing('the query layer only reads (SELECT or WITH)')
  const sources = [...text.matchAll(/(?<!\bARRAY\s+)\b(?:FROM|JOIN)\s+(?!\()/gi)].length
  const predicates = text.split(/tenant_id\s*=\s*\{tenant:UUID\}/).length - 1
  if (predicates === 0) throw new TenantPredicateMissing(`a read needs the tenant predicate ${TENANT_PREDICATE}`)
  if (predicates < sources) throw new TenantPredicateMissing(`every table read needs ${TENANT_PREDICATE} (${sources} read, ${predicates} predicate(s))`)
  if (/\{tenant:(?!UUID\})/.test(text)) throw new TenantPredicateMissing('the tenant parameter must be bound as {tenant:UUID}')
}

/**
 * Reads of one tenant's analytics. Every read goes through here: the SQL is checked for the tenant
 * predicate and `tenant` is bound by this class, never by the caller.
 */
export class TenantQueries {
  readonly tenantId: string
  #executor: AnalyticsExecutor

  constructor(executor: AnalyticsExecutor, tenantId: string) {
    if (!UUID.test(tenantId)) throw new TenantPredicateMissing('the tenant id must be a uuid')
    this.tenantId = tenantId
    this.#executor = executor
  }

  /** Runs a tenant-scoped SELECT with the tenant bound. */
  async select<T = Record<string, unknown>>(sql: string, params: QueryParams = {}): Promise<T[]> {
    assertTenantScoped(sql)
    if (Object.hasOwn(params, 'tenant')) throw new TenantPredicateMissing('the tenant is bound by the query layer, not by the caller')
    return this.#executor.select<T>(sql, { ...params, tenant: this.tenantId })
  }

  /** Runs a tenant-scoped `INSERT INTO t SELECT …` (rebuilding this tenant's rollups): the SELECT is checked the same way. */
  async insertSelect(table: string, sql: string, params: QueryParams = {}): Promise<void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`)
    assertTenantScoped(sql)
    if (Object.hasOwn(params, 'tenant')) throw new TenantPredicateMissing('the tenant is bound by the query layer, not by the caller')
    return this.#executor.command(`INSERT INTO ${table} ${sql}`, { ...params, tenant: this.tenantId })
  }
}
