import type { HttpContext } from '@adonisjs/core/http'
import { numberProvisioner } from '#voice/sip_numbers'
import { createEntryPoint, deleteEntryPoint, updateEntryPoint } from '#voice/actions/entry_points'
import { findEntryPoint, listEntryPoints } from '#voice/queries/voice_config_query'
import { entryPointValidator, updateEntryPointValidator } from '#voice/validators/voice_config'

/** Entry points: the phone numbers and web-call widgets through which callers reach the organisation. */
export default class EntryPointsController {
  async index({ scope }: HttpContext) {
    return { data: await listEntryPoints(scope) }
  }

  async show({ scope, params }: HttpContext) {
    return { data: await findEntryPoint(scope, params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(entryPointValidator)
    const created = await createEntryPoint(ctx.scope, input, await numberProvisioner())
    ctx.audit = { targetType: 'entry_point', targetId: created.id, after: { ...created } }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateEntryPointValidator)
    const { before, after } = await updateEntryPoint(ctx.scope, ctx.params.id, input, await numberProvisioner())
    ctx.audit = { targetType: 'entry_point', before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteEntryPoint(ctx.scope, ctx.params.id, await numberProvisioner())
    ctx.audit = { targetType: 'entry_point', before: { ...before } }
    return ctx.response.noContent()
  }
}
