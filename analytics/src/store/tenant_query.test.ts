import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assertTenantScoped, TenantPredicateMissing, TenantQueries } from './tenant_query.ts'
import type { AnalyticsExecutor } from './store.ts'

/** An executor that records what would run (the refusals happen before any SQL reaches an engine). */
function recorder() {
  const ran: Array<{ sql: string; params: Record<string, unknown> }> = []
  const executor: AnalyticsExecutor = {
    name: 'recorder',
    command: async (sql, params = {}) => void ran.push({ sql, params }),
    select: async <T>(sql: string, params = {}) => (ran.push({ sql, params }), [] as T[]),
    insert: async () => {},
    close: async () => {},
  }
  return { executor, ran }
}

const TENANT = '01a2288c-bc3a-7447-9710-7485bd8af180'

test('a query without a tenant predicate is refused by the query layer', async () => {
  const { executor, ran } = recorder()
  const tenant = new TenantQueries(executor, TENANT)
  await assert.rejects(tenant.select('SELECT count() FROM call_segments FINAL'), TenantPredicateMissing)
  await assert.rejects(tenant.select("SELECT count() FROM call_segments WHERE tenant_id = '" + TENANT + "'"), TenantPredicateMissing)
  await assert.rejects(tenant.select('SELECT count() FROM call_segments WHERE queue_id = {tenant:String}'), TenantPredicateMissing)
  assert.equal(ran.length, 0, 'nothing reached the engine')
})

test('each table read needs its own predicate, and the caller cannot bind the tenant', async () => {
  const { executor, ran } = recorder()
  const tenant = new TenantQueries(executor, TENANT)
  const join = `SELECT * FROM call_segments s JOIN agent_state_intervals i ON i.agent_id = s.agent_id WHERE s.tenant_id = {tenant:UUID}`
  await assert.rejects(tenant.select(join), /every table read/)
  await tenant.select(`${join} AND i.tenant_id = {tenant:UUID}`)
  await assert.rejects(tenant.select('SELECT 1 FROM events WHERE tenant_id = {tenant:UUID}', { tenant: 'x' }), /bound by the query layer/)
  await assert.rejects(tenant.select('SELECT 1 FROM events WHERE tenant_id = {tenant:UUID}; DROP TABLE events'), /one statement/)
  await assert.rejects(tenant.select('ALTER TABLE events DELETE WHERE tenant_id = {tenant:UUID}'), /only reads/)
  assert.throws(() => new TenantQueries(executor, 'not-a-uuid'), TenantPredicateMissing)
  assert.equal(ran.length, 1)
  assert.deepEqual(ran[0].params, { tenant: TENANT })
})

test('subqueries and ARRAY JOIN are not tables; a comment is not a predicate', () => {
  assertTenantScoped('SELECT n FROM (SELECT count() AS n FROM events WHERE tenant_id = {tenant:UUID})')
  assertTenantScoped('SELECT b FROM agent_state_intervals ARRAY JOIN [1, 2] AS b WHERE tenant_id = {tenant:UUID}')
  assert.throws(() => assertTenantScoped('SELECT 1 FROM events -- tenant_id = {tenant:UUID}'), TenantPredicateMissing)
})
