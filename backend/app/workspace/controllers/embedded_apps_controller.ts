import type { HttpContext } from '@adonisjs/core/http'
import { createEmbeddedApp, deleteEmbeddedApp, findEmbeddedApp, listEmbeddedApps, updateEmbeddedApp } from '#workspace/actions/embedded_apps'
import { mintAppToken } from '#workspace/actions/app_tokens'
import { embeddedAppValidator, updateEmbeddedAppValidator } from '#workspace/validators/embedded_apps'

/** Third-party apps framed in the agent workspace: configured by admins, listed for agents. */
export default class EmbeddedAppsController {
  async index({ scope }: HttpContext) {
    return { data: await listEmbeddedApps(scope) }
  }

  /** The enabled apps, for the signed-in agent's workspace. */
  async forAgent({ scope }: HttpContext) {
    return { data: await listEmbeddedApps(scope, { enabledOnly: true }) }
  }

  /** A short-lived REST token for one of the agent's apps, bound to its origin (the workspace asks for the app). */
  async token(ctx: HttpContext) {
    const minted = await mintAppToken(ctx.scope, ctx.user, ctx.params.id)
    ctx.audit = { targetType: 'embedded_app', targetId: ctx.params.id, after: { origin: minted.origin, permissions: minted.permissions, expiresAt: minted.expiresAt } }
    return ctx.response.created({ data: minted })
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(embeddedAppValidator)
    const created = await createEmbeddedApp(ctx.scope, input)
    ctx.audit = { targetType: 'embedded_app', targetId: created.id, after: { ...created } }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateEmbeddedAppValidator)
    const before = await findEmbeddedApp(ctx.scope, ctx.params.id)
    const after = await updateEmbeddedApp(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'embedded_app', before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteEmbeddedApp(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'embedded_app', before: { ...before } }
    return ctx.response.noContent()
  }
}
