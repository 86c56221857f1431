import { spawn } from 'node:child_process'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { inTenant } from '#shared/scope'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { createQueue, setQueueMembers } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'
import { routeWaitingCalls } from '#contact_center/actions/routing'

const AGENTS = 24
const CALLS = 40

/** Runs `ace acd:route` as a separate OS process (its own connection pool), starting at `startAt`. */
function routerProcess(tenantId: string, startAt: number) {
  return new Promise<{ code: number | null; offers: Array<{ callId: string; userId: string }>; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['ace.js', 'acd:route', `--tenant=${tenantId}`, `--start-at=${startAt}`, '--batch=3'], {
      cwd: app.makePath(),
      env: process.env,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('{"pid"'))
      resolve({ code, offers: line ? JSON.parse(line).offers : [], output })
    })
  })
}

test.group('ACD routing under concurrency', () => {
  test('two backend processes routing at once never offer a call twice or give an agent two offers', async ({ assert, cleanup }) => {
    const org = await makeTenant()
    cleanup(() => inTenant(org.tenant.id, (trx) => trx.from('tenants').where('id', org.tenant.id).delete()).then(() => undefined))
    const agents: string[] = []
    for (let i = 0; i < AGENTS; i++) agents.push((await makeUser(org, ['agent'])).user.id)
    await asAdmin(org, async (scope) => {
      const queueId = await createQueue(scope, { name: 'Busy line' })
      await setQueueMembers(scope, queueId, agents)
      for (const id of agents) await changeAgentState(scope, id, { to: 'ready', by: 'agent' })
      for (let i = 0; i < CALLS; i++) await enqueueCall(scope, { queueId, channel: 'voice', ani: `+86138${String(i).padStart(8, '0')}` })
    })

    const startAt = Date.now() + 4000
    const [first, second] = await Promise.all([routerProcess(org.tenant.id, startAt), routerProcess(org.tenant.id, startAt)])
    assert.equal(first.code, 0, first.output)
    assert.equal(second.code, 0, second.output)
    assert.isAbove(first.offers.length + second.offers.length, 0)

    const leftovers = await asAdmin(org, (scope) => routeWaitingCalls(scope))
    const offers = await asAdmin(org, (scope) => scope.trx.from('offers').where('tenant_id', scope.tenantId).where('status', 'pending'))
    assert.lengthOf(offers, AGENTS, 'every ready agent got exactly one call')
    assert.equal(new Set(offers.map((o) => o.call_id)).size, AGENTS, 'no call was offered twice')
    assert.equal(new Set(offers.map((o) => o.user_id)).size, AGENTS, 'no agent holds two offers')
    assert.equal(first.offers.length + second.offers.length + leftovers.length, AGENTS)
    const states = await asAdmin(org, (scope) => scope.trx.from('agent_states').where('tenant_id', scope.tenantId).where('state', 'reserved'))
    assert.lengthOf(states, AGENTS)
    const waiting = await asAdmin(org, (scope) => scope.trx.from('calls').where('tenant_id', scope.tenantId).where('status', 'queued'))
    assert.lengthOf(waiting, CALLS - AGENTS, 'no call was lost')
  }).timeout(120_000)
})
