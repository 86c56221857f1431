import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#shared/errors'
import { viewerOf } from '#crm/queries/customer_query'
import { type CallbackActor, cancelCallback, rescheduleCallback, scheduleCallback } from '#callbacks/actions/callbacks'
import { type Callback, type CallbackStatus, type CallbackViewer, findCallback, listCallbacks } from '#callbacks/queries/callback_query'
import { callbackListValidator, rescheduleCallbackValidator, scheduleCallbackValidator } from '#callbacks/validators/callbacks'

/** The operation-log summary of a callback: its note is left out. */
function auditOf(callback: Callback) {
  return { number: callback.number, dueAt: callback.dueAt, mode: callback.mode, queueId: callback.queueId, agentId: callback.agentId, customerId: callback.customerId, status: callback.status }
}

function viewerFor(ctx: HttpContext): CallbackViewer {
  const granted = ctx.user.permissions
  return { userId: ctx.user.id, seeTeam: granted.has('agents.view') || granted.has('agents.manage'), manageAll: granted.has('agents.manage') }
}

function actorOf(ctx: HttpContext): CallbackActor {
  const granted = ctx.user.permissions
  return { viewer: viewerFor(ctx), customers: granted.has('customers.view') ? viewerOf(ctx.user) : null, mayManageQueues: granted.has('queues.manage') }
}

const OPEN: CallbackStatus[] = ['scheduled', 'queued']

/** Scheduled callbacks: the user's own, their teams' (agents.view) or everyone's (agents.manage). */
export default class CallbacksController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(callbackListValidator, { data: ctx.request.qs() })
    const viewer = viewerFor(ctx)
    if ((input.scope === 'team' && !viewer.seeTeam) || (input.scope === 'all' && !viewer.manageAll)) {
      throw new AppError(403, 'E_FORBIDDEN', `You may not list ${input.scope === 'all' ? 'every' : 'your teams’'} callbacks`)
    }
    const status = input.status === 'open' ? OPEN : input.status ? [input.status] : undefined
    return { data: await listCallbacks(ctx.scope, viewer, { ...input, status }) }
  }

  async show(ctx: HttpContext) {
    return { data: await findCallback(ctx.scope, viewerFor(ctx), ctx.params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(scheduleCallbackValidator)
    const created = await scheduleCallback(ctx.scope, actorOf(ctx), input)
    ctx.audit = { targetType: 'callback', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(rescheduleCallbackValidator)
    const { before, after } = await rescheduleCallback(ctx.scope, actorOf(ctx), ctx.params.id, input)
    ctx.audit = { targetType: 'callback', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async cancel(ctx: HttpContext) {
    const { before, after } = await cancelCallback(ctx.scope, actorOf(ctx), ctx.params.id)
    ctx.audit = { targetType: 'callback', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }
}
