import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'

type Org = Awaited<ReturnType<typeof makeTenant>>

function setOrigins(client: any, who: { auth: string }, origins: unknown) {
  return client.patch('/api/v1/tenant').header('authorization', who.auth).json({ callBarEmbedOrigins: origins })
}

/** The framing policy the call bar page of this slug is served with. */
async function framing(client: any, slug: string) {
  const response = await client.get(`/embed/${slug}/callbar`)
  return { csp: response.header('content-security-policy') ?? '', xfo: response.header('x-frame-options') ?? null }
}

async function auditOf(org: Org) {
  return asAdmin(org, (scope) => scope.trx.from('audit_logs').where('tenant_id', org.tenant.id).where('action', 'tenant.update').orderBy('occurred_at').select('result', 'before', 'after'))
}

test.group('Call bar embedding origins', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin lists the CRM origins that may frame the call bar; they are normalised, audited and announced', async ({ client, assert }) => {
    const org = await makeTenant()
    const shown = await client.get('/api/v1/tenant').header('authorization', org.auth)
    assert.deepEqual(shown.body().data.callBarEmbedOrigins, [], 'nobody may frame the call bar at first')

    const saved = await setOrigins(client, org, ['https://CRM.example.com/', 'http://localhost:4200', 'https://crm.example.com'])
    saved.assertStatus(200)
    await matchesContract(saved)
    assert.deepEqual(saved.body().data.callBarEmbedOrigins, ['https://crm.example.com', 'http://localhost:4200'])
    await matchesContract(await client.get('/api/v1/tenant').header('authorization', org.auth))

    const events = await asAdmin(org, (scope) => readEvents(scope, { type: 'tenant.call_bar_embedding_changed' }))
    assert.lengthOf(events, 1)
    assert.deepEqual(events[0].payload, { origins: ['https://crm.example.com', 'http://localhost:4200'], previous: [] })
    const [entry] = await auditOf(org)
    assert.equal(entry.result, 'success')
    assert.deepEqual([entry.before.callBarEmbedOrigins, entry.after.callBarEmbedOrigins], [[], ['https://crm.example.com', 'http://localhost:4200']])

    // Other settings leave the list alone and announce no embedding change.
    await client.patch('/api/v1/tenant').header('authorization', org.auth).json({ name: 'Renamed' }).then((r: any) => r.assertStatus(200))
    const again = await asAdmin(org, (scope) => readEvents(scope, { type: 'tenant.call_bar_embedding_changed' }))
    assert.lengthOf(again, 1)
    const cleared = await setOrigins(client, org, [])
    assert.deepEqual(cleared.body().data.callBarEmbedOrigins, [])
  })

  test('anything but an exact http(s) origin is a 422 on its index; nothing is saved', async ({ client, assert }) => {
    const org = await makeTenant()
    await setOrigins(client, org, ['https://crm.example.com'])
    for (const [bad, index] of [
      [['https://crm.example.com/app'], 0],
      [['https://ok.example', '*.example.com'], 1],
      [['ftp://crm.example.com'], 0],
      [['https://crm.example.com?x=1'], 0],
      [['https://user:pw@crm.example.com'], 0],
    ] as const) {
      const response = await setOrigins(client, org, bad)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, `callBarEmbedOrigins.${index}`, JSON.stringify(bad))
    }
    const tooMany = await setOrigins(client, org, Array.from({ length: 21 }, (_, i) => `https://crm${i}.example.com`))
    tooMany.assertStatus(422)
    assert.equal(tooMany.body().errors[0].field, 'callBarEmbedOrigins')
    const notAList = await setOrigins(client, org, 'https://crm.example.com')
    notAList.assertStatus(422)
    const still = await client.get('/api/v1/tenant').header('authorization', org.auth)
    assert.deepEqual(still.body().data.callBarEmbedOrigins, ['https://crm.example.com'])
  })

  test('only tenant.settings.manage changes the list; every signed-in user reads it', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const supervisor = await makeUser(org, ['supervisor'])
    for (const who of [agent, supervisor]) (await setOrigins(client, who, ['https://crm.example.com'])).assertStatus(403)
    ;(await client.patch('/api/v1/tenant').json({ callBarEmbedOrigins: ['https://crm.example.com'] })).assertStatus(401)
    await setOrigins(client, org, ['https://crm.example.com'])
    const read = await client.get('/api/v1/tenant').header('authorization', agent.auth)
    read.assertStatus(200)
    assert.deepEqual(read.body().data.callBarEmbedOrigins, ['https://crm.example.com'], 'the embedded call bar reads it after the agent signed in')
  })

  test('another tenant’s list neither shows nor frames: each call bar page carries its own tenant’s origins', async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    await setOrigins(client, a, ['https://crm-a.example.com'])
    await setOrigins(client, b, ['https://crm-b.example.com'])
    const seenByB = await client.get('/api/v1/tenant').header('authorization', b.auth)
    assert.deepEqual(seenByB.body().data.callBarEmbedOrigins, ['https://crm-b.example.com'])
    assert.deepEqual(await framing(client, a.slug), { csp: "frame-ancestors 'self' https://crm-a.example.com", xfo: null })
    assert.deepEqual(await framing(client, b.slug), { csp: "frame-ancestors 'self' https://crm-b.example.com", xfo: null })
  })

  test('the call bar page is framed only by the listed origins; an unknown slug only by the platform itself', async ({ client, assert }) => {
    const org = await makeTenant()
    assert.deepEqual(await framing(client, org.slug), { csp: "frame-ancestors 'self'", xfo: null }, 'an empty list frames nowhere else')
    await setOrigins(client, org, ['https://crm.example.com', 'http://localhost:4200'])
    assert.deepEqual(await framing(client, org.slug), { csp: "frame-ancestors 'self' https://crm.example.com http://localhost:4200", xfo: null })
    assert.deepEqual(await framing(client, 'no-such-org'), { csp: "frame-ancestors 'self'", xfo: null })
    const other = await client.get(`/embed/${org.slug}/settings`)
    assert.equal(other.header('x-frame-options'), 'SAMEORIGIN', 'other pages stay unframeable')
    assert.isUndefined(other.header('content-security-policy'))
  })
})
