import type { HttpContext } from '@adonisjs/core/http'
import { createQueue, createSkill, setQueueMembers, setQueueSkills, updateQueue } from '#contact_center/actions/queues'
import { findQueue, listQueues } from '#contact_center/queries/acd_query'
import { callDetail } from '#contact_center/queries/call_query'
import { queueStatsToday } from '#contact_center/queries/queue_stats_query'
import { enqueueCall } from '#contact_center/actions/calls'
import { routeWaitingCalls } from '#contact_center/actions/routing'
import { queueMembersValidator, queueSkillsValidator, queueValidator, simulatedCallValidator, skillValidator, updateQueueValidator } from '#contact_center/validators/acd'

/** Queues and skills: what callers wait in and what agents must know to serve them. */
export default class QueuesController {
  async index({ scope }: HttpContext) {
    return { data: await listQueues(scope) }
  }

  async stats({ scope }: HttpContext) {
    const { queues, total, settings } = await queueStatsToday(scope)
    return { data: queues, total, settings }
  }

  async show({ scope, params }: HttpContext) {
    return { data: await findQueue(scope, params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(queueValidator)
    const id = await createQueue(ctx.scope, input)
    const queue = await findQueue(ctx.scope, id)
    ctx.audit = { targetType: 'queue', targetId: id, after: { ...queue } }
    return ctx.response.created({ data: queue })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateQueueValidator)
    const before = await findQueue(ctx.scope, ctx.params.id)
    await updateQueue(ctx.scope, ctx.params.id, input)
    const after = await findQueue(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'queue', before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async members(ctx: HttpContext) {
    const { userIds } = await ctx.request.validateUsing(queueMembersValidator)
    await findQueue(ctx.scope, ctx.params.id)
    await setQueueMembers(ctx.scope, ctx.params.id, userIds)
    const after = await findQueue(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'queue', after: { memberIds: after.memberIds } }
    return { data: after }
  }

  async skills(ctx: HttpContext) {
    const { skills } = await ctx.request.validateUsing(queueSkillsValidator)
    await findQueue(ctx.scope, ctx.params.id)
    await setQueueSkills(ctx.scope, ctx.params.id, skills)
    const after = await findQueue(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'queue', after: { skills: after.skills } }
    return { data: after }
  }

  async simulateCall(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(simulatedCallValidator)
    await findQueue(ctx.scope, ctx.params.id)
    const callId = await enqueueCall(ctx.scope, { queueId: ctx.params.id, channel: 'simulated', ani: input.ani ?? null, priority: input.priority })
    await routeWaitingCalls(ctx.scope)
    ctx.audit = { targetType: 'call', targetId: callId, after: { queueId: ctx.params.id, simulated: true } }
    return ctx.response.created({ data: await callDetail(ctx.scope, callId) })
  }

  async skillIndex({ scope }: HttpContext) {
    const rows = await scope.trx.from('skills').where('tenant_id', scope.tenantId).orderBy('name')
    return { data: rows.map((r) => ({ id: r.id, name: r.name })) }
  }

  async skillStore(ctx: HttpContext) {
    const { name } = await ctx.request.validateUsing(skillValidator)
    const id = await createSkill(ctx.scope, name)
    ctx.audit = { targetType: 'skill', targetId: id, after: { name } }
    return ctx.response.created({ data: { id, name } })
  }
}
