import type { HttpContext } from '@adonisjs/core/http'
import { interceptCall, leaveCall, monitorCall, releaseCall, speakOnCall } from '#contact_center/actions/supervision'
import { agentStatus } from '#contact_center/queries/acd_query'
import { callDetail, listCalls } from '#contact_center/queries/call_query'
import { callListValidator } from '#contact_center/validators/calls'

/** Supervisors and the call list: live and past calls, and stepping into a live call. */
export default class CallsController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(callListValidator, { data: ctx.request.qs() })
    return listCalls(ctx.scope, filters)
  }

  async show({ scope, params }: HttpContext) {
    return { data: await callDetail(scope, params.id) }
  }

  async monitor(ctx: HttpContext) {
    const result = await monitorCall(ctx.scope, ctx.user.id, ctx.user.displayName, ctx.params.id)
    ctx.audit = { targetType: 'call', targetId: ctx.params.id, after: { supervision: 'monitor' } }
    return { data: result }
  }

  async whisper(ctx: HttpContext) {
    return this.#speak(ctx, 'whisper')
  }

  async barge(ctx: HttpContext) {
    return this.#speak(ctx, 'barge')
  }

  async intercept(ctx: HttpContext) {
    await interceptCall(ctx.scope, ctx.user.id, ctx.params.id)
    ctx.audit = { targetType: 'call', targetId: ctx.params.id, after: { supervision: 'intercept' } }
    return { data: await agentStatus(ctx.scope, ctx.user.id) }
  }

  async leave(ctx: HttpContext) {
    await leaveCall(ctx.scope, ctx.user.id, ctx.params.id)
    ctx.audit = { targetType: 'call', targetId: ctx.params.id, after: { supervision: null } }
    return { data: { mode: null } }
  }

  async release(ctx: HttpContext) {
    await releaseCall(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'call', targetId: ctx.params.id, after: { endReason: 'supervisor_release' } }
    return { data: await callDetail(ctx.scope, ctx.params.id) }
  }

  async #speak(ctx: HttpContext, mode: 'whisper' | 'barge') {
    const result = await speakOnCall(ctx.scope, ctx.user.id, ctx.params.id, mode)
    ctx.audit = { targetType: 'call', targetId: ctx.params.id, after: { supervision: mode } }
    return { data: result }
  }
}
