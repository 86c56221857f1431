import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#shared/errors'
import { changeAgentState } from '#contact_center/actions/agent_states'
import { acceptOffer, rejectOffer } from '#contact_center/actions/offers'
import { controlRecording, dialOut, hangUpCall, sendDigits, setDisposition, setHold, setMute, transferCall, type TransferTarget } from '#contact_center/actions/call_control'
import { routeWaitingCalls } from '#contact_center/actions/routing'
import { agentStatus, listAgentStatuses, listQueues } from '#contact_center/queries/acd_query'
import { agentStateValidator } from '#contact_center/validators/acd'
import { callQualityValidator, consultValidator, dialValidator, dispositionValidator, dtmfValidator, recordingValidator, transferValidator } from '#contact_center/validators/calls'
import { recordCallQuality } from '#contact_center/actions/call_quality'
import { cancelConsult, completeConsult, conferenceConsult, startConsult } from '#contact_center/actions/consult'
import { lockCall } from '#contact_center/actions/calls'
import { identities, requireVoice } from '#voice/voice'

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
    await hangUpCall(ctx.scope, ctx.user.id, ctx.params.id)
    return this.#answer(ctx, {})
  }

  /** The agent's credentials to join the call's room (again, after a reload or network loss). */
  async media(ctx: HttpContext) {
    const call = await lockCall(ctx.scope, ctx.params.id)
    const theirs = call.agent_id === ctx.user.id || (call.consult_agent_id === ctx.user.id && ['talking', 'conference'].includes(call.consult_state))
    if (!theirs || !['offered', 'connected'].includes(call.status)) throw new AppError(404, 'E_NOT_FOUND', 'Call not found')
    if (!call.room) throw new AppError(409, 'E_CONFLICT', 'This call has no audio')
    const voice = await requireVoice()
    return { data: await voice.joinGrant(call.room, identities.agent(ctx.user.id), 'agent', ctx.user.displayName) }
  }

  /** A call-quality sample of the agent's browser; answers the call's average and worst so far. */
  async quality(ctx: HttpContext) {
    const sample = await ctx.request.validateUsing(callQualityValidator)
    return ctx.response.created({ data: await recordCallQuality(ctx.scope, ctx.user.id, ctx.params.id, sample) })
  }

  async hold(ctx: HttpContext) {
    await setHold(ctx.scope, ctx.user.id, ctx.params.id, true)
    return this.#answer(ctx, { onHold: true })
  }

  async retrieve(ctx: HttpContext) {
    await setHold(ctx.scope, ctx.user.id, ctx.params.id, false)
    return this.#answer(ctx, { onHold: false })
  }

  async mute(ctx: HttpContext) {
    await setMute(ctx.scope, ctx.user.id, ctx.params.id, true)
    return this.#answer(ctx, { muted: true })
  }

  async unmute(ctx: HttpContext) {
    await setMute(ctx.scope, ctx.user.id, ctx.params.id, false)
    return this.#answer(ctx, { muted: false })
  }

  async transfer(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(transferValidator)
    const target = (input.target === 'agent'
      ? { target: 'agent', userId: input.userId }
      : input.target === 'queue'
        ? { target: 'queue', queueId: input.queueId }
        : { target: 'number', number: input.number }) as TransferTarget
    await transferCall(ctx.scope, ctx.user.id, ctx.params.id, target)
    await routeWaitingCalls(ctx.scope)
    return this.#answer(ctx, { transferredTo: target })
  }

  async dtmf(ctx: HttpContext) {
    const { digits } = await ctx.request.validateUsing(dtmfValidator)
    await sendDigits(ctx.scope, ctx.user.id, ctx.params.id, digits)
    return this.#answer(ctx, { dtmf: digits.length })
  }

  async recording(ctx: HttpContext) {
    const { action } = await ctx.request.validateUsing(recordingValidator)
    await controlRecording(ctx.scope, ctx.user.id, ctx.params.id, action)
    return this.#answer(ctx, { recording: action })
  }

  async disposition(ctx: HttpContext) {
    const { code, notes } = await ctx.request.validateUsing(dispositionValidator)
    await setDisposition(ctx.scope, ctx.user.id, ctx.params.id, code, notes ?? null)
    return this.#answer(ctx, { disposition: code })
  }

  async consult(ctx: HttpContext) {
    const { userId } = await ctx.request.validateUsing(consultValidator)
    await startConsult(ctx.scope, ctx.user.id, ctx.params.id, userId)
    return this.#answer(ctx, { consulting: userId })
  }

  async consultComplete(ctx: HttpContext) {
    await completeConsult(ctx.scope, ctx.user.id, ctx.params.id)
    return this.#answer(ctx, { consult: 'completed' })
  }

  async consultConference(ctx: HttpContext) {
    await conferenceConsult(ctx.scope, ctx.user.id, ctx.params.id)
    return this.#answer(ctx, { consult: 'conference' })
  }

  async consultCancel(ctx: HttpContext) {
    await cancelConsult(ctx.scope, ctx.user.id, ctx.params.id)
    return this.#answer(ctx, { consult: 'cancelled' })
  }

  /** An outbound call through the SIP gateway. */
  async dial(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(dialValidator)
    const callId = await dialOut(ctx.scope, ctx.user.id, input)
    ctx.audit = { targetType: 'call', targetId: callId, after: { direction: 'outbound' } }
    return ctx.response.created({ data: await agentStatus(ctx.scope, ctx.user.id) })
  }

  /** Who a call can be handed to: the tenant's agents (with their state) and queues (with their waiting calls). */
  async transferTargets({ scope, user }: HttpContext) {
    const agents = await listAgentStatuses(scope)
    const queues = await listQueues(scope)
    return {
      data: {
        agents: agents.filter((a) => a.userId !== user.id).map((a) => ({ userId: a.userId, displayName: a.displayName, state: a.state })),
        queues: queues.map((q) => ({ id: q.id, name: q.name, waiting: q.waiting })),
      },
    }
  }

  /** Audits a call-control action and answers the agent's new status. */
  async #answer(ctx: HttpContext, after: Record<string, unknown>) {
    ctx.audit = { targetType: 'call', targetId: ctx.params.id, after }
    return { data: await agentStatus(ctx.scope, ctx.user.id) }
  }
}
