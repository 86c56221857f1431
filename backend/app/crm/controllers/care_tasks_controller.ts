import type { HttpContext } from '@adonisjs/core/http'
import { type CareActor, claimCareTask, completeCareTask, skipCareTask } from '#crm/actions/care_tasks'
import { viewerOf } from '#crm/queries/customer_query'
import { type CareTask, careTaskSummary, listCareTasks } from '#crm/queries/care_query'
import { careTaskListValidator, completeCareTaskValidator, skipCareTaskValidator } from '#crm/validators/care'

/** The operation-log summary of a care task: no title or note (they carry customer details). */
function auditOf(task: CareTask) {
  return { customerId: task.customerId, ruleId: task.ruleId, status: task.status, dueDate: task.dueDate, assigneeUserId: task.assigneeUserId, assigneeTeamId: task.assigneeTeamId, trackingRecordId: task.trackingRecordId }
}

function actorOf(ctx: HttpContext): CareActor {
  return { ...viewerOf(ctx.user), canManage: ctx.user.permissions.has('customers.manage') }
}

/** Care tasks: the signed-in user's and their teams' (or all with customers.view_all), the badge, and claim / done / skip. */
export default class CareTasksController {
  async index(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(careTaskListValidator, { data: ctx.request.qs() })
    return listCareTasks(ctx.scope, viewerOf(ctx.user), input)
  }

  async summary({ scope, user }: HttpContext) {
    return { data: await careTaskSummary(scope, user.id) }
  }

  async claim(ctx: HttpContext) {
    const { before, after } = await claimCareTask(ctx.scope, actorOf(ctx), ctx.params.id)
    ctx.audit = { targetType: 'care_task', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async done(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(completeCareTaskValidator)
    const { before, after } = await completeCareTask(ctx.scope, actorOf(ctx), ctx.params.id, input)
    ctx.audit = { targetType: 'care_task', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async skip(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(skipCareTaskValidator)
    const { before, after } = await skipCareTask(ctx.scope, actorOf(ctx), ctx.params.id, input)
    ctx.audit = { targetType: 'care_task', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }
}
