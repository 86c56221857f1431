import type { HttpContext } from '@adonisjs/core/http'
import { changeAgentState, setAgentLock } from '#contact_center/actions/agent_states'
import { setAgentSkills } from '#contact_center/actions/queues'
import { agentProfile, agentStatus, listAgentStatuses } from '#contact_center/queries/acd_query'
import { agentTeamsByUser } from '#contact_center/queries/agent_teams_query'
import { agentSkillsValidator, agentStateValidator } from '#contact_center/validators/acd'

/** Supervisors' view of agents: live states, profiles, force state, lock and unlock, skills. */
export default class AgentsController {
  async index({ scope }: HttpContext) {
    const teams = await agentTeamsByUser(scope)
    return { data: (await listAgentStatuses(scope)).map((agent) => ({ ...agent, teams: teams.get(agent.userId) ?? [] })) }
  }

  async profile({ scope, params }: HttpContext) {
    return { data: await agentProfile(scope, params.id) }
  }

  async forceState(ctx: HttpContext) {
    const { state, reason } = await ctx.request.validateUsing(agentStateValidator)
    const change = await changeAgentState(ctx.scope, ctx.params.id, { to: state, by: 'supervisor', reason })
    ctx.audit = { targetType: 'agent', before: { state: change.from }, after: { state: change.to, reason: change.reason } }
    return { data: await agentStatus(ctx.scope, ctx.params.id) }
  }

  async lock(ctx: HttpContext) {
    return this.#setLock(ctx, true)
  }

  async unlock(ctx: HttpContext) {
    return this.#setLock(ctx, false)
  }

  async skills(ctx: HttpContext) {
    const { skills } = await ctx.request.validateUsing(agentSkillsValidator)
    await agentStatus(ctx.scope, ctx.params.id)
    await setAgentSkills(ctx.scope, ctx.params.id, skills)
    ctx.audit = { targetType: 'agent', after: { skills } }
    const rows = await ctx.scope.trx.from('agent_skills').where('tenant_id', ctx.scope.tenantId).where('user_id', ctx.params.id)
    return { data: rows.map((r) => ({ skillId: r.skill_id, level: r.level })) }
  }

  async #setLock(ctx: HttpContext, locked: boolean) {
    await setAgentLock(ctx.scope, ctx.params.id, locked)
    ctx.audit = { targetType: 'agent', after: { locked } }
    return { data: await agentStatus(ctx.scope, ctx.params.id) }
  }
}
