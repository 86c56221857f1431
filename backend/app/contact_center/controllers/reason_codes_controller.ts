import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#shared/errors'
import { type ReasonCode, createReasonCode, deleteReasonCode, findReasonCode, listReasonCodes, updateReasonCode } from '#contact_center/actions/reason_codes'
import { reasonCodeValidator, updateReasonCodeValidator } from '#contact_center/validators/reason_codes'

/** Who may read the reason codes: agents choose one, supervisors see them, queue admins edit them. */
const READERS = ['calls.handle', 'agents.view', 'queues.manage'] as const

/** The operation-log summary (the log redacts keys named like `code`, so the code goes as `reason`). */
function auditOf({ code, ...rest }: ReasonCode) {
  return { reason: code, ...rest }
}

/** Not-ready reason codes of the organisation. */
export default class ReasonCodesController {
  async index({ scope, user }: HttpContext) {
    if (!READERS.some((p) => user.permissions.has(p))) throw new AppError(403, 'E_FORBIDDEN', 'You need the permission calls.handle or agents.view')
    return { data: await listReasonCodes(scope) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(reasonCodeValidator)
    const created = await createReasonCode(ctx.scope, input)
    ctx.audit = { targetType: 'reason_code', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateReasonCodeValidator)
    const before = await findReasonCode(ctx.scope, ctx.params.id)
    const after = await updateReasonCode(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'reason_code', before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteReasonCode(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'reason_code', before: auditOf(before) }
    return ctx.response.noContent()
  }
}
