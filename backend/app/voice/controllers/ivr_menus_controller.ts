import type { HttpContext } from '@adonisjs/core/http'
import { createIvrMenu, deleteIvrMenu, updateIvrMenu } from '#voice/actions/ivr_menus'
import { findIvrMenu, listIvrMenus } from '#voice/queries/voice_config_query'
import { ivrMenuValidator, updateIvrMenuValidator } from '#voice/validators/voice_config'

/** IVR menus: what callers hear and which key sends them where. */
export default class IvrMenusController {
  async index({ scope }: HttpContext) {
    return { data: await listIvrMenus(scope) }
  }

  async show({ scope, params }: HttpContext) {
    return { data: await findIvrMenu(scope, params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(ivrMenuValidator)
    const created = await createIvrMenu(ctx.scope, input)
    ctx.audit = { targetType: 'ivr_menu', targetId: created.id, after: { ...created } }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateIvrMenuValidator)
    const { before, after } = await updateIvrMenu(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'ivr_menu', before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteIvrMenu(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'ivr_menu', before: { ...before } }
    return ctx.response.noContent()
  }
}
