import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import pg from 'pg'
import env from '#start/env'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { readEvents } from '#events/outbox'
import { inTenantAsSystem } from '#shared/scope'
import { createTeam, setTeamMembers } from '#identity/actions/teams'
import { runCareGenerator } from '#crm/actions/care_generator'

type Org = Awaited<ReturnType<typeof makeTenant>>

/** The instant that is this local time in Asia/Shanghai (UTC+8, the test tenants' zone). */
function shanghai(local: string) {
  return DateTime.fromISO(local, { zone: 'Asia/Shanghai' }).toJSDate()
}

/** Today in Asia/Shanghai shifted by some days, as YYYY-MM-DD. */
function shanghaiDate(days = 0) {
  return DateTime.now().setZone('Asia/Shanghai').plus({ days }).toISODate()!
}

/** Now shifted by some days. */
function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000)
}

function generate(org: Org, now?: Date) {
  return inTenantAsSystem(org.tenant.id, 'test', (scope) => runCareGenerator(scope, { now }))
}

async function tasksOf(org: Org, ruleId: string) {
  return asAdmin(org, (scope) =>
    scope.trx
      .from('care_tasks')
      .where('tenant_id', scope.tenantId)
      .where('rule_id', ruleId)
      .select('*', scope.trx.raw(`to_char(due_date, 'YYYY-MM-DD') as due`))
      .orderBy('due_date')
      .orderBy('id')
  )
}

async function customerOf(client: any, org: Org, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/customers').header('authorization', org.auth).json(body)
  response.assertStatus(201)
  return response.body().data.id as string
}

async function ruleOf(client: any, org: Org, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/care-rules').header('authorization', org.auth).json(body)
  response.assertStatus(201)
  return response.body().data.id as string
}

async function birthdayField(client: any, org: Org) {
  const response = await client.post('/api/v1/customer-fields').header('authorization', org.auth).json({ key: 'birthday', label: 'Birthday', type: 'date' })
  response.assertStatus(201)
}

const BIRTHDAY_RULE = { name: 'Birthday greetings', kind: 'anniversary', fieldKey: 'birthday', daysBefore: 7, titleTemplate: 'Birthday greeting for {name} ({date}, {years})', assignee: 'owner' }

test.group('Customer care', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a customer manager defines, changes and deletes care rules; wrong settings are 422s on their field; all of it is logged', async ({ client, assert }) => {
    const org = await makeTenant()
    await birthdayField(client, org)
    await client.post('/api/v1/customer-fields').header('authorization', org.auth).json({ key: 'grade', label: 'Grade', type: 'choice', options: ['A'] })
    const team = await asAdmin(org, (scope) => createTeam(scope, { name: 'Care desk' }))

    const created = await client.post('/api/v1/care-rules').header('authorization', org.auth).json({ ...BIRTHDAY_RULE, tag: 'vip' })
    created.assertStatus(201)
    await matchesContract(created)
    assert.deepInclude(created.body().data, { kind: 'anniversary', fieldKey: 'birthday', daysBefore: 7, intervalDays: null, assignee: 'owner', teamId: null, tag: 'vip', active: true, openTasks: 0 })

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...BIRTHDAY_RULE, fieldKey: undefined }, 'fieldKey', 'required'],
      [{ ...BIRTHDAY_RULE, fieldKey: 'grade' }, 'fieldKey', 'dateField'],
      [{ ...BIRTHDAY_RULE, fieldKey: 'nothing' }, 'fieldKey', 'exists'],
      [{ ...BIRTHDAY_RULE, intervalDays: 30 }, 'intervalDays', 'notAllowed'],
      [{ ...BIRTHDAY_RULE, titleTemplate: 'Hello {customer}' }, 'titleTemplate', 'placeholder'],
      [{ ...BIRTHDAY_RULE, assignee: 'team' }, 'teamId', 'required'],
      [{ name: 'Callback', kind: 'periodic', titleTemplate: 'Call {name}', assignee: 'owner' }, 'intervalDays', 'required'],
      [{ name: 'After visit', kind: 'post_service', trackingType: 'visit', titleTemplate: 'x', assignee: 'owner' }, 'daysAfter', 'required'],
    ]
    for (const [body, field, rule] of cases) {
      const response = await client.post('/api/v1/care-rules').header('authorization', org.auth).json(body)
      response.assertStatus(422)
      await matchesContract(response)
      assert.deepInclude(response.body().errors[0], { field, rule }, JSON.stringify(body))
    }
    const shape = await client.post('/api/v1/care-rules').header('authorization', org.auth).json({ kind: 'weekly', daysBefore: 400 })
    shape.assertStatus(422)
    assert.includeMembers(shape.body().errors.map((e: any) => e.field), ['name', 'kind', 'titleTemplate', 'assignee', 'daysBefore'])

    const changed = await client.patch(`/api/v1/care-rules/${created.body().data.id}`).header('authorization', org.auth).json({ name: 'Greetings', assignee: 'team', teamId: team.id, active: false, kind: 'periodic' })
    changed.assertStatus(200)
    await matchesContract(changed)
    assert.deepInclude(changed.body().data, { name: 'Greetings', kind: 'anniversary', assignee: 'team', teamId: team.id, teamName: 'Care desk', active: false })
    const badChange = await client.patch(`/api/v1/care-rules/${created.body().data.id}`).header('authorization', org.auth).json({ daysBefore: null })
    badChange.assertStatus(422)
    assert.equal(badChange.body().errors[0].field, 'daysBefore')

    const list = await client.get('/api/v1/care-rules').header('authorization', org.auth)
    list.assertStatus(200)
    await matchesContract(list)
    assert.deepEqual(list.body().data.map((r: any) => r.name), ['Greetings'])

    const agent = await makeUser(org, ['agent'])
    const forbidden = await client.get('/api/v1/care-rules').header('authorization', agent.auth)
    forbidden.assertStatus(403)
    await matchesContract(forbidden)

    const removed = await client.delete(`/api/v1/care-rules/${created.body().data.id}`).header('authorization', org.auth)
    removed.assertStatus(204)
    await matchesContract(removed)
    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('care_rule.')).map((e) => e.type))
    assert.deepEqual(events, ['care_rule.created', 'care_rule.updated', 'care_rule.deleted'])
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'care_rules.', result: 'success' }).header('authorization', org.auth)
    assert.sameMembers(log.body().data.map((e: any) => e.action), ['care_rules.store', 'care_rules.update', 'care_rules.destroy'])
  })

  test('birthdays: a task 7 days ahead, 29 February on 28 February in other years, across the new year, once however often the generator runs', async ({ client, assert }) => {
    const org = await makeTenant()
    await birthdayField(client, org)
    const leap = await customerOf(client, org, { name: '闰年', customFields: { birthday: '2000-02-29' } })
    const march = await customerOf(client, org, { name: 'March', customFields: { birthday: '1980-03-10' } })
    const january = await customerOf(client, org, { name: 'January', customFields: { birthday: '1990-01-03' } })
    await customerOf(client, org, { name: 'No birthday' })
    const rule = await ruleOf(client, org, BIRTHDAY_RULE)

    // 2026 is no leap year: 29 Feb falls on 28 Feb, due 7 days before; 10 March is beyond the week's horizon.
    const first = await generate(org, shanghai('2026-02-20T09:00'))
    assert.deepInclude(first!, { today: '2026-02-20', created: 1 })
    let tasks = await tasksOf(org, rule)
    assert.deepEqual(tasks.map((t) => [t.customer_id, t.occurrence, t.due, t.title, t.assignee_user_id]), [
      [leap, '2026-02-28', '2026-02-21', 'Birthday greeting for 闰年 (2026-02-28, 26)', org.user.id],
    ])
    const again = await generate(org, shanghai('2026-02-20T09:05'))
    assert.equal(again!.created, 0)
    assert.lengthOf(await tasksOf(org, rule), 1, 'a rerun duplicates nothing')

    // A week later March's comes into the horizon; one whose due day passed is due today.
    await generate(org, shanghai('2026-03-05T09:00'))
    tasks = await tasksOf(org, rule)
    assert.deepEqual(tasks.map((t) => [t.customer_id, t.occurrence, t.due]), [
      [leap, '2026-02-28', '2026-02-21'],
      [march, '2026-03-10', '2026-03-05'],
    ])

    // In a leap year the 29th is the day; new year: 3 January 2027 is due on 27 December 2026.
    await generate(org, shanghai('2026-12-24T09:00'))
    await generate(org, shanghai('2028-02-20T09:00'))
    tasks = await tasksOf(org, rule)
    assert.deepInclude(tasks.map((t) => [t.customer_id, t.occurrence, t.due]), [january, '2027-01-03', '2026-12-27'])
    assert.deepInclude(tasks.map((t) => [t.customer_id, t.occurrence, t.due]), [leap, '2028-02-29', '2028-02-22'])
    assert.include(tasks.find((t) => t.occurrence === '2027-01-03')!.title, '(2027-01-03, 37)')
  })

  test('the day is the organisation’s: at 01:30 in Shanghai (still yesterday in UTC) the horizon and “past” follow Shanghai', async ({ client, assert }) => {
    const org = await makeTenant()
    await birthdayField(client, org)
    const horizon = await customerOf(client, org, { name: 'On the horizon', customFields: { birthday: '1990-01-03' } })
    await customerOf(client, org, { name: 'Yesterday in Shanghai', customFields: { birthday: '1990-12-26' } })
    const rule = await ruleOf(client, org, { ...BIRTHDAY_RULE, daysBefore: 0 })

    const result = await generate(org, new Date('2025-12-26T17:30:00Z'))
    assert.equal(result!.today, '2025-12-27')
    const tasks = await tasksOf(org, rule)
    assert.deepEqual(tasks.map((t) => [t.customer_id, t.due]), [[horizon, '2026-01-03']], 'the 3rd is 7 days ahead in Shanghai; the 26th has passed there')
  })

  test('periodic callbacks: N days after the last contact, only for tagged customers, one open at a time, and the next one counts from a skip', async ({ client, assert }) => {
    const org = await makeTenant()
    const fresh = await customerOf(client, org, { name: 'Fresh', tags: ['vip'] })
    const quiet = await customerOf(client, org, { name: 'Quiet', tags: ['vip'] })
    await customerOf(client, org, { name: 'Not VIP' })
    await asAdmin(org, async (scope) => {
      await scope.trx.from('customers').where('id', quiet).update({ created_at: scope.trx.raw(`now() - interval '90 days'`) })
      await scope.trx.table('tracking_records').insert({ tenant_id: scope.tenantId, id: crypto.randomUUID(), customer_id: quiet, type: 'call', content: 'Last call', owner_id: org.user.id, created_at: scope.trx.raw(`now() - interval '40 days'`) })
    })
    const rule = await ruleOf(client, org, { name: 'Monthly VIP call', kind: 'periodic', intervalDays: 30, tag: 'vip', titleTemplate: 'Call {name}', assignee: 'owner' })

    await generate(org)
    let tasks = await tasksOf(org, rule)
    assert.deepEqual(tasks.map((t) => [t.customer_id, t.occurrence, t.due]), [[quiet, `${shanghaiDate(-40)}#0`, shanghaiDate()]], 'overdue contact is due today')

    await generate(org, inDays(20))
    assert.lengthOf(await tasksOf(org, rule), 1, 'fresh is 30 days away, beyond the week')
    await generate(org, inDays(25))
    await generate(org, inDays(25))
    tasks = await tasksOf(org, rule)
    assert.deepEqual(tasks.map((t) => [t.customer_id, t.due]), [[quiet, shanghaiDate()], [fresh, shanghaiDate(30)]])

    const quietTask = tasks[0]
    const skipped = await client.post(`/api/v1/care-tasks/${quietTask.id}/skip`).header('authorization', org.auth).json({ note: 'On holiday' })
    skipped.assertStatus(200)
    await matchesContract(skipped)
    assert.deepInclude(skipped.body().data, { status: 'skipped', note: 'On holiday', completedBy: org.user.id })
    await generate(org, inDays(25))
    tasks = await tasksOf(org, rule)
    assert.deepEqual(
      tasks.filter((t) => t.customer_id === quiet).map((t) => [t.occurrence, t.status, t.due]),
      [[`${shanghaiDate(-40)}#0`, 'skipped', shanghaiDate()], [`${shanghaiDate()}#1`, 'open', shanghaiDate(30)]]
    )
  })

  test('post-service follow-ups: N days after each visit logged since the rule exists; a visit logged by closing a task starts none', async ({ client, assert }) => {
    const org = await makeTenant()
    const customer = await customerOf(client, org, { name: '张三' })
    const old = await client.post(`/api/v1/customers/${customer}/tracking-records`).header('authorization', org.auth).json({ type: 'visit', content: 'Before the rule' })
    await asAdmin(org, (scope) => scope.trx.from('tracking_records').where('id', old.body().data.id).update({ created_at: scope.trx.raw(`now() - interval '2 days'`) }))
    const rule = await ruleOf(client, org, { name: 'After a visit', kind: 'post_service', trackingType: 'visit', daysAfter: 0, titleTemplate: 'How was the visit of {name} on {date}?', assignee: 'owner' })
    const visit = await client.post(`/api/v1/customers/${customer}/tracking-records`).header('authorization', org.auth).json({ type: 'visit', content: 'Installed the router' })
    await client.post(`/api/v1/customers/${customer}/tracking-records`).header('authorization', org.auth).json({ type: 'call', content: 'A call' })

    await generate(org)
    await generate(org)
    const tasks = await tasksOf(org, rule)
    assert.deepEqual(tasks.map((t) => [t.occurrence, t.source_tracking_record_id, t.due, t.title]), [
      [visit.body().data.id, visit.body().data.id, shanghaiDate(), `How was the visit of 张三 on ${shanghaiDate()}?`],
    ])

    const done = await client.post(`/api/v1/care-tasks/${tasks[0].id}/done`).header('authorization', org.auth).json({ outcome: 'happy', note: 'Customer is happy', trackingType: 'visit' })
    done.assertStatus(200)
    await matchesContract(done)
    await generate(org)
    assert.lengthOf(await tasksOf(org, rule), 1, 'the logged visit is the task’s own')
  })

  test('team tasks: any member claims one, then only they close it; done logs a tracking record with the outcome', async ({ client, assert }) => {
    const org = await makeTenant()
    const [bob, carol, dave] = [await makeUser(org, ['agent']), await makeUser(org, ['agent']), await makeUser(org, ['agent'])]
    const team = await asAdmin(org, async (scope) => {
      const created = await createTeam(scope, { name: 'Care desk' })
      await setTeamMembers(scope, created.id, [bob.user.id, carol.user.id])
      return created
    })
    const customer = await customerOf(client, org, { name: 'Team customer', tags: ['care'] })
    const rule = await ruleOf(client, org, { name: 'Welcome call', kind: 'periodic', intervalDays: 1, titleTemplate: 'Welcome call to {name}', assignee: 'team', teamId: team.id })
    await generate(org)
    const [task] = await tasksOf(org, rule)
    assert.deepInclude(task, { assignee_user_id: null, assignee_team_id: team.id, customer_id: customer })

    const bobs = await client.get('/api/v1/care-tasks').qs({ when: 'upcoming', assigned: 'mine' }).header('authorization', bob.auth)
    bobs.assertStatus(200)
    await matchesContract(bobs)
    assert.deepEqual(bobs.body().data.map((t: any) => [t.id, t.assigneeTeamName, t.customerName]), [[task.id, 'Care desk', 'Team customer']])
    const summary = await client.get('/api/v1/care-tasks/summary').header('authorization', bob.auth)
    await matchesContract(summary)
    assert.deepInclude(summary.body().data, { upcoming: 1, unclaimed: 1, due: 0 })

    const daves = await client.get('/api/v1/care-tasks').qs({ when: 'all' }).header('authorization', dave.auth)
    assert.equal(daves.body().meta.total, 0, 'not his team')
    const daveClaims = await client.post(`/api/v1/care-tasks/${task.id}/claim`).header('authorization', dave.auth).json({})
    daveClaims.assertStatus(404)
    await matchesContract(daveClaims)

    const claimed = await client.post(`/api/v1/care-tasks/${task.id}/claim`).header('authorization', carol.auth).json({})
    claimed.assertStatus(200)
    await matchesContract(claimed)
    assert.equal(claimed.body().data.assigneeUserId, carol.user.id)
    const late = await client.post(`/api/v1/care-tasks/${task.id}/claim`).header('authorization', bob.auth).json({})
    late.assertStatus(409)
    await matchesContract(late)
    const bobCloses = await client.post(`/api/v1/care-tasks/${task.id}/done`).header('authorization', bob.auth).json({})
    bobCloses.assertStatus(403)
    await matchesContract(bobCloses)

    const done = await client.post(`/api/v1/care-tasks/${task.id}/done`).header('authorization', carol.auth).json({ outcome: 'greeted', note: 'Welcomed, sent the guide', trackingType: 'call' })
    done.assertStatus(200)
    assert.deepInclude(done.body().data, { status: 'done', outcome: 'greeted', completedBy: carol.user.id, completedByName: carol.user.displayName })
    const timeline = await client.get(`/api/v1/customers/${customer}/tracking-records`).header('authorization', org.auth)
    const record = timeline.body().data.find((r: any) => r.id === done.body().data.trackingRecordId)
    assert.deepInclude(record, { type: 'call', outcome: 'greeted', content: 'Welcomed, sent the guide', ownerId: carol.user.id })
    const twice = await client.post(`/api/v1/care-tasks/${task.id}/done`).header('authorization', carol.auth).json({})
    twice.assertStatus(409)

    const events = await asAdmin(org, async (scope) => (await readEvents(scope)).filter((e) => e.type.startsWith('care_task.')))
    assert.deepEqual(events.map((e) => e.type), ['care_task.created', 'care_task.claimed', 'care_task.done'])
    assert.equal(events[2].payload.trackingRecordId, record.id)
    assert.notInclude(JSON.stringify(events), 'Welcome call to', 'events carry no free text')
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'care_tasks.', result: 'success' }).header('authorization', org.auth)
    assert.sameMembers(log.body().data.map((e: any) => e.action), ['care_tasks.claim', 'care_tasks.done'])
  })

  test('due tasks: listed until done, counted on the badge, and announced once with care_task.due', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const manager = await makeUser(org, ['customer_manager'])
    const mine = await customerOf(client, org, { name: 'Agent’s customer', ownerId: agent.user.id })
    await customerOf(client, org, { name: 'Admin’s customer' })
    await asAdmin(org, (scope) => scope.trx.from('customers').where('tenant_id', scope.tenantId).update({ created_at: scope.trx.raw(`now() - interval '40 days'`) }))
    const rule = await ruleOf(client, org, { name: 'Monthly call', kind: 'periodic', intervalDays: 30, titleTemplate: 'Call {name}', assignee: 'owner' })

    const first = await generate(org)
    assert.deepInclude(first!, { created: 2, due: 2 })
    const second = await generate(org)
    assert.deepInclude(second!, { created: 0, due: 0 })
    const sweep = (now?: Date) => inTenantAsSystem(org.tenant.id, 'test', (scope) => runCareGenerator(scope, { now, throttle: true }))
    assert.equal((await sweep())!.rules, 0, 'the sweeper leaves a rule that just ran and did not change')
    await client.patch(`/api/v1/care-rules/${rule}`).header('authorization', org.auth).json({ titleTemplate: 'Monthly call to {name}' })
    assert.equal((await sweep())!.rules, 1, 'a changed rule runs at once')
    assert.equal((await sweep(new Date(Date.now() + 11 * 60_000)))!.rules, 1, 'and every rule again after 10 minutes')
    const dueEvents = await asAdmin(org, async (scope) => (await readEvents(scope, { type: 'care_task.due' })).map((e) => e.payload.assigneeUserId))
    assert.sameMembers(dueEvents, [agent.user.id, org.user.id], 'once per task')

    const due = await client.get('/api/v1/care-tasks').qs({ when: 'due', assigned: 'mine' }).header('authorization', agent.auth)
    due.assertStatus(200)
    await matchesContract(due)
    assert.deepEqual(due.body().data.map((t: any) => [t.customerId, t.dueDate, t.overdue, t.ruleName]), [[mine, shanghaiDate(), false, 'Monthly call']])
    const badge = await client.get('/api/v1/care-tasks/summary').header('authorization', agent.auth)
    assert.deepInclude(badge.body().data, { today: shanghaiDate(), dueToday: 1, overdue: 0, due: 1 })

    const all = await client.get('/api/v1/care-tasks').qs({ when: 'due' }).header('authorization', manager.auth)
    assert.equal(all.body().meta.total, 2, 'customers.view_all sees every task')
    const byCustomer = await client.get('/api/v1/care-tasks').qs({ when: 'all', customerId: mine }).header('authorization', manager.auth)
    assert.deepEqual(byCustomer.body().data.map((t: any) => t.customerId), [mine])
    const bad = await client.get('/api/v1/care-tasks').qs({ when: 'soon', perPage: 5000 }).header('authorization', agent.auth)
    bad.assertStatus(422)
    await matchesContract(bad)

    const [agentTask] = (await tasksOf(org, rule)).filter((t) => t.customer_id === mine)
    const otherTask = (await tasksOf(org, rule)).find((t) => t.customer_id !== mine)!
    const notTheirs = await client.post(`/api/v1/care-tasks/${otherTask.id}/done`).header('authorization', agent.auth).json({})
    notTheirs.assertStatus(404)
    const byManager = await client.post(`/api/v1/care-tasks/${otherTask.id}/skip`).header('authorization', manager.auth).json({})
    byManager.assertStatus(200)
    const done = await client.post(`/api/v1/care-tasks/${agentTask.id}/done`).header('authorization', agent.auth).json({})
    done.assertStatus(200)
    assert.isNull(done.body().data.trackingRecordId, 'no tracking record without a type')
    const after = await client.get('/api/v1/care-tasks').qs({ when: 'due', assigned: 'mine' }).header('authorization', agent.auth)
    assert.lengthOf(after.body().data, 0)
  })

  test('a pass while another process holds the organisation’s care lock does nothing, and runs once it is free', async ({ client, assert }) => {
    const org = await makeTenant()
    await customerOf(client, org, { name: 'Someone' })
    const rule = await ruleOf(client, org, { name: 'Daily', kind: 'periodic', intervalDays: 1, titleTemplate: 'Call {name}', assignee: 'owner' })
    // Another backend process, on its own connection, in the middle of its pass for this tenant.
    const other = new pg.Client({ connectionString: env.get('DB_APP_URL') })
    await other.connect()
    try {
      await other.query(`select pg_advisory_lock(hashtextextended('care:' || $1::text, 0))`, [org.tenant.id])
      assert.isNull(await generate(org), 'the pass is skipped')
      assert.lengthOf(await tasksOf(org, rule), 0)
      await other.query(`select pg_advisory_unlock(hashtextextended('care:' || $1::text, 0))`, [org.tenant.id])
      assert.equal((await generate(org))!.created, 1)
    } finally {
      await other.end()
    }
  })

  test('another organisation’s rules and tasks answer 404 and stay unchanged', async ({ client, assert }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    await customerOf(client, other, { name: 'Theirs' })
    const rule = await ruleOf(client, other, { name: 'Daily', kind: 'periodic', intervalDays: 1, titleTemplate: 'Call {name}', assignee: 'owner' })
    await generate(other)
    const [task] = await tasksOf(other, rule)

    const patch = await client.patch(`/api/v1/care-rules/${rule}`).header('authorization', org.auth).json({ name: 'Hijacked' })
    patch.assertStatus(404)
    await matchesContract(patch)
    const remove = await client.delete(`/api/v1/care-rules/${rule}`).header('authorization', org.auth)
    remove.assertStatus(404)
    for (const action of ['claim', 'done', 'skip']) {
      const response = await client.post(`/api/v1/care-tasks/${task.id}/${action}`).header('authorization', org.auth).json({})
      response.assertStatus(404)
    }
    const list = await client.get('/api/v1/care-tasks').qs({ when: 'all', customerId: task.customer_id }).header('authorization', org.auth)
    assert.equal(list.body().meta.total, 0)
    const rules = await client.get('/api/v1/care-rules').header('authorization', org.auth)
    assert.lengthOf(rules.body().data, 0)
    const teamRule = await client.post('/api/v1/care-rules').header('authorization', org.auth).json({ name: 'x', kind: 'periodic', intervalDays: 5, titleTemplate: 'x', assignee: 'team', teamId: other.roleIds.agent })
    teamRule.assertStatus(422)
    assert.equal(teamRule.body().errors[0].field, 'teamId')
    const [unchanged] = await tasksOf(other, rule)
    assert.equal(unchanged.status, 'open')
  })
})
