import type { HttpContext } from '@adonisjs/core/http'
import { PERMISSIONS } from '#identity/permissions'
import { createRole, deleteRole, findRole, listRoles, updateRole } from '#identity/actions/roles'
import { createRoleValidator, updateRoleValidator } from '#identity/validators/directory'

/** Roles and the permission catalog. */
export default class RolesController {
  async permissions() {
    return { data: Object.entries(PERMISSIONS).map(([key, p]) => ({ key, group: p.group, description: p.description })) }
  }

  async index({ scope }: HttpContext) {
    return { data: await listRoles(scope) }
  }

  async show({ scope, params }: HttpContext) {
    return { data: await findRole(scope, params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createRoleValidator)
    const role = await createRole(ctx.scope, input)
    ctx.audit = { targetType: 'role', targetId: role.id, after: { ...role } }
    return ctx.response.created({ data: role })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateRoleValidator)
    const { before, after } = await updateRole(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'role', before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const role = await deleteRole(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'role', before: { ...role } }
    return ctx.response.noContent()
  }
}
