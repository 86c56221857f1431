import type { HttpContext } from '@adonisjs/core/http'
import { createTeam, deleteTeam, findTeam, listTeams, setTeamMembers, updateTeam } from '#identity/actions/teams'
import { teamMembersValidator, teamValidator, updateTeamValidator } from '#identity/validators/directory'

/** Teams, their supervisors and members. */
export default class TeamsController {
  async index({ scope }: HttpContext) {
    return { data: await listTeams(scope) }
  }

  async show({ scope, params }: HttpContext) {
    return { data: await findTeam(scope, params.id) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(teamValidator)
    const team = await createTeam(ctx.scope, input)
    ctx.audit = { targetType: 'team', targetId: team.id, after: { ...team } }
    return ctx.response.created({ data: team })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateTeamValidator)
    const { before, after } = await updateTeam(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'team', before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async members(ctx: HttpContext) {
    const { userIds } = await ctx.request.validateUsing(teamMembersValidator)
    const { before, after } = await setTeamMembers(ctx.scope, ctx.params.id, userIds)
    ctx.audit = { targetType: 'team', before: { members: before.members?.map((m) => m.id) }, after: { members: after.members?.map((m) => m.id) } }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const team = await deleteTeam(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'team', before: { ...team } }
    return ctx.response.noContent()
  }
}
