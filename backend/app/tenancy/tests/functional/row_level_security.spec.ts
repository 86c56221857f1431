import { test } from '@japa/runner'
import pg from 'pg'
import env from '#start/env'
import { newId } from '#shared/ids'

/** A raw connection as the runtime role, outside the test's global transaction. */
async function appConnection() {
  const client = new pg.Client({ connectionString: env.get('DB_APP_URL') })
  await client.connect()
  return client
}

test.group('Row-level security', () => {
  test('every table with a tenant_id forces row-level security, and so does the tenants registry', async ({ assert }) => {
    const client = await appConnection()
    try {
      const { rows } = await client.query(`
        select c.relname, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and (c.relname = 'tenants' or exists (
            select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))`)
      assert.isAbove(rows.length, 10)
      const weak = rows.filter((r) => !r.relrowsecurity || !r.relforcerowsecurity).map((r) => r.relname)
      assert.deepEqual(weak, [], `tables without ENABLE + FORCE row level security: ${weak.join(', ')}`)
      const { rows: policies } = await client.query(`select distinct tablename from pg_policies where schemaname = 'public'`)
      const withPolicy = new Set(policies.map((p) => p.tablename))
      assert.deepEqual(rows.filter((r) => !withPolicy.has(r.relname)).map((r) => r.relname), [])
    } finally {
      await client.end()
    }
  })

  test('the runtime role is not a superuser, cannot bypass RLS and owns no table', async ({ assert }) => {
    const client = await appConnection()
    try {
      const { rows: [role] } = await client.query(`select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user`)
      assert.isFalse(role.rolsuper)
      assert.isFalse(role.rolbypassrls)
      const { rows: owned } = await client.query(`select tablename from pg_tables where schemaname = 'public' and tableowner = current_user`)
      assert.deepEqual(owned, [])
    } finally {
      await client.end()
    }
  })

  test('RLS alone stops a cross-tenant read when the query has no tenant predicate', async ({ assert }) => {
    const client = await appConnection()
    const [a, b] = [newId(), newId()]
    try {
      await client.query('begin')
      for (const id of [a, b]) {
        await client.query(`select set_config('app.tenant_id', $1, true)`, [id])
        await client.query(`insert into tenants (id, slug, name, time_zone) values ($1, $2, $3, 'UTC')`, [id, `rls-${id.slice(-8)}`, `RLS ${id}`])
        await client.query(`insert into users (tenant_id, id, email, display_name) values ($1, $2, $3, 'x')`, [id, newId(), `${id}@rls.test`])
      }
      await client.query(`select set_config('app.tenant_id', $1, true)`, [a])
      const { rows: seen } = await client.query(`select tenant_id from users`)
      assert.isAbove(seen.length, 0)
      assert.isTrue(seen.every((r) => r.tenant_id === a), 'tenant A saw rows of another tenant')
      const { rows: tenants } = await client.query(`select id from tenants`)
      assert.deepEqual(tenants.map((t) => t.id), [a])

      await client.query(`savepoint write_other`)
      await assert.rejects(() => client.query(`insert into users (tenant_id, id, email, display_name) values ($1, $2, 'evil@rls.test', 'x')`, [b, newId()]))
      await client.query(`rollback to savepoint write_other`)
      const updated = await client.query(`update users set display_name = 'hijacked' where tenant_id = $1`, [b])
      assert.equal(updated.rowCount, 0)

      await client.query(`select set_config('app.tenant_id', '', true)`)
      const { rows: none } = await client.query(`select count(*)::int as n from users`)
      assert.equal(none[0].n, 0, 'a transaction without a tenant sees nothing')
    } finally {
      await client.query('rollback').catch(() => {})
      await client.end()
    }
  })
})
