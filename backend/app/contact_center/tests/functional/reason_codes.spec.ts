import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'

test.group('Reason codes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a new organisation starts with break, lunch, meeting and training; agents read them and cannot change them', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const list = await client.get('/api/v1/reason-codes').header('authorization', agent.auth)
    list.assertStatus(200)
    await matchesContract(list)
    assert.deepEqual(list.body().data.map((r: any) => r.code), ['break', 'lunch', 'meeting', 'training'])
    const create = await client.post('/api/v1/reason-codes').header('authorization', agent.auth).json({ code: 'nap', label: 'Nap' })
    create.assertStatus(403)
    const nobody = await makeUser(org, [])
    const denied = await client.get('/api/v1/reason-codes').header('authorization', nobody.auth)
    denied.assertStatus(403)
    await matchesContract(denied)
  })

  test('an admin creates, renames, reorders, deactivates and deletes a code; each change is logged and published', async ({ client, assert }) => {
    const org = await makeTenant()
    const created = await client.post('/api/v1/reason-codes').header('authorization', org.auth).json({ code: 'coaching', label: 'Coaching' })
    created.assertStatus(201)
    await matchesContract(created)
    assert.equal(created.body().data.position, 5)
    const id = created.body().data.id
    const changed = await client.patch(`/api/v1/reason-codes/${id}`).header('authorization', org.auth).json({ label: '辅导', position: 0, active: false })
    changed.assertStatus(200)
    await matchesContract(changed)
    assert.deepEqual([changed.body().data.label, changed.body().data.position, changed.body().data.active], ['辅导', 0, false])
    const removed = await client.delete(`/api/v1/reason-codes/${id}`).header('authorization', org.auth)
    removed.assertStatus(204)
    await matchesContract(removed)

    const types = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('reason_code.')).map((e) => e.type))
    assert.deepEqual(types, ['reason_code.created', 'reason_code.updated', 'reason_code.deleted'])
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'reason_codes.' }).header('authorization', org.auth)
    assert.sameMembers(log.body().data.map((e: any) => e.action), ['reason_codes.store', 'reason_codes.update', 'reason_codes.destroy'])
  })

  test('a code is lower-case letters, digits and underscores, unique, and no_answer is reserved', async ({ client, assert }) => {
    const org = await makeTenant()
    for (const [body, field, rule] of [
      [{ code: 'Coffee Break', label: 'Coffee' }, 'code', 'regex'],
      [{ code: 'break', label: 'Again' }, 'code', 'unique'],
      [{ code: 'no_answer', label: 'Mine' }, 'code', 'reserved'],
      [{ code: 'x'.repeat(33), label: 'Long' }, 'code', 'maxLength'],
      [{ code: 'ok', label: '' }, 'label', 'minLength'],
    ] as const) {
      const response = await client.post('/api/v1/reason-codes').header('authorization', org.auth).json(body)
      response.assertStatus(422)
      await matchesContract(response)
      assert.deepEqual([response.body().errors[0].field, response.body().errors[0].rule], [field, rule], JSON.stringify(body))
    }
  })

  test('agents and supervisors can only set an active code of their organisation; without one the first active code applies', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const supervisor = await makeUser(org, ['supervisor'])
    const unknown = await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'not_ready', reason: 'nap' })
    unknown.assertStatus(422)
    await matchesContract(unknown)
    assert.equal(unknown.body().errors[0].field, 'reason')
    const system = await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'not_ready', reason: 'no_answer' })
    system.assertStatus(422)
    const forced = await client.post(`/api/v1/agents/${agent.user.id}/state`).header('authorization', supervisor.auth).json({ state: 'not_ready', reason: 'nap' })
    forced.assertStatus(422)

    const codes = (await client.get('/api/v1/reason-codes').header('authorization', org.auth)).body().data
    const lunch = codes.find((c: any) => c.code === 'lunch')
    const brk = codes.find((c: any) => c.code === 'break')
    await client.patch(`/api/v1/reason-codes/${brk.id}`).header('authorization', org.auth).json({ active: false })
    await client.patch(`/api/v1/reason-codes/${lunch.id}`).header('authorization', org.auth).json({ position: 0 })
    const inactive = await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'not_ready', reason: 'break' })
    inactive.assertStatus(422)
    const defaulted = await client.post('/api/v1/agent/state').header('authorization', agent.auth).json({ state: 'not_ready' })
    defaulted.assertStatus(200)
    assert.equal(defaulted.body().data.reason, 'lunch')
    const chosen = await client.post(`/api/v1/agents/${agent.user.id}/state`).header('authorization', supervisor.auth).json({ state: 'not_ready', reason: 'meeting' })
    chosen.assertStatus(200)
    assert.equal(chosen.body().data.reason, 'meeting')
  })

  test("another organisation's code is a 404 and cannot be chosen", async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const theirs = await client.post('/api/v1/reason-codes').header('authorization', b.auth).json({ code: 'b_only', label: 'B only' })
    const id = theirs.body().data.id
    const patch = await client.patch(`/api/v1/reason-codes/${id}`).header('authorization', a.auth).json({ label: 'Hijacked' })
    patch.assertStatus(404)
    await matchesContract(patch)
    ;(await client.delete(`/api/v1/reason-codes/${id}`).header('authorization', a.auth)).assertStatus(404)
    const chosen = await client.post('/api/v1/agent/state').header('authorization', a.auth).json({ state: 'not_ready', reason: 'b_only' })
    chosen.assertStatus(422)
    const still = await client.get('/api/v1/reason-codes').header('authorization', b.auth)
    assert.equal(still.body().data.find((c: any) => c.id === id).label, 'B only')
  })
})
