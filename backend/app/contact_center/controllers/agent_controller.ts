import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#shared/errors'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { acceptOffer, rejectOffer } from '#contact_center/actions/offers'
import { endCall, lockCall } from '#contact_center/actions/calls'
import { routeWaitingCalls } from '#contact_center/actions/routing'
import { agentStatus } from '#contact_center/queries/acd_query'
import { agentStateValidator } from '#contact_center/validators/acd'

/** The signed-in agent's own ACD controls: state, offers, hanging up. */
export default class AgentController {
  async show({ scope, user }: HttpContext) {
    return { data: await agentStatus(scope, user.id) }
  }

  async setState(ctx: HttpContext) {
    const { state, reason } = await ctx.request.validateUsing(agentStateValidator)
    const change = await changeAgentState(ctx.scope, ctx.user.id, { to: state, by: 'agent', reason })
    if (state === 'ready') await routeWaitingCalls(ctx.scope)
    ctx.audit = { targetType: 'agent', targetId: ctx.user.id, before: { state: change.from }, after: { state: change.to, reason: change.reason } }
    return { data: await agentStatus(ctx.scope, ctx.user.id) }
  }

  async accept(ctx: HttpContext) {
    const callId = await acceptOffer(ctx.scope, ctx.user.id, ctx.params.id)
    ctx.audit = { targetType: 'call', targetId: callId }
    return { data: await agentStatus(ctx.scope, ctx.user.id) }
  }

  async reject(ctx: HttpContext) {
    await rejectOffer(ctx.scope, ctx.user.id, ctx.params.id)
    await routeWaitingCalls(ctx.scope)
    return { data: await agentStatus(ctx.scope, ctx.user.id) }
  }

  async hangUp(ctx: HttpContext) {
    const call = await lockCall(ctx.scope, ctx.params.id)
    if (call.agent_id !== ctx.user.id || call.status !== 'connected') throw new AppError(404, 'E_NOT_FOUND', 'Call not found')
    await endCall(ctx.scope, ctx.params.id, 'agent_hangup')
    return { data: await agentStatus(ctx.scope, ctx.user.id) }
  }
}
