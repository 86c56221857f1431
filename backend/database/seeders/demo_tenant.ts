import env from '#start/env'
import { inTenant, type TenantScope } from '#shared/scope'
import { tenantBySlug } from '#identity/actions/login'
import { provisionTenant } from '#tenancy/actions/provision_tenant'
import { createUser } from '#identity/actions/create_user'
import { createTeam, setTeamMembers } from '#identity/actions/teams'
import { hashPassword } from '#identity/password_gate'
import { upsertOperator } from '#platform/operators'
import { createQueue, createSkill, setAgentSkills, setQueueMembers, setQueueSkills } from '#contact_center/actions/queues'

export const DEMO_SLUG = 'demo'

const PEOPLE = [
  { email: 'supervisor@demo.example', displayName: 'Sam Supervisor', role: 'supervisor' },
  { email: 'agent1@demo.example', displayName: 'Alice Agent', role: 'agent' },
  { email: 'agent2@demo.example', displayName: '王小明', role: 'agent' },
  { email: 'agent3@demo.example', displayName: 'Carlos Agent', role: 'agent' },
  { email: 'executive@demo.example', displayName: 'Eve Executive', role: 'executive' },
] as const

/**
 * Creates the demo organisation (tenant admin, supervisor, three agents, executive, one team, two
 * queues with skills)
 * through the same actions signup and the admin console use. Idempotent: a present tenant is kept.
 */
export async function seedDemo(password: string) {
  const operatorEmail = env.get('PLATFORM_ADMIN_EMAIL') ?? 'operator@platform.example'
  const operatorPassword = env.get('PLATFORM_ADMIN_PASSWORD') ?? password
  await upsertOperator(operatorEmail, 'Platform Operator', operatorPassword)

  const existing = await tenantBySlug(DEMO_SLUG)
  if (!existing) {
    const origin = { ip: null, userAgent: 'seed', requestId: null }
    const { tenant, user, roleIds } = await provisionTenant(
      {
        organisationName: 'Demo Contact Center',
        slug: DEMO_SLUG,
        timeZone: 'Asia/Shanghai',
        locale: 'en',
        defaultCountry: 'CN',
        adminName: 'Ada Admin',
        adminEmail: 'admin@demo.example',
        password,
      },
      origin
    )
    const passwordHash = await hashPassword(password)
    await inTenant(tenant.id, async (trx) => {
      const scope: TenantScope = { tenantId: tenant.id, trx, actor: { type: 'user', id: user.id, email: user.email }, origin }
      const ids: Record<string, string> = {}
      for (const person of PEOPLE) {
        const created = await createUser(scope, { email: person.email, displayName: person.displayName, roleIds: [roleIds[person.role]], passwordHash })
        ids[person.email] = created.id
      }
      const agents = [ids['agent1@demo.example'], ids['agent2@demo.example'], ids['agent3@demo.example']]
      const team = await createTeam(scope, { name: 'Front line', description: 'First-level support', supervisorIds: [ids['supervisor@demo.example']] })
      await setTeamMembers(scope, team.id, agents)
      const mandarin = await createSkill(scope, 'Mandarin')
      const billing = await createSkill(scope, 'Billing')
      const hotline = await createQueue(scope, { name: 'Hotline', wrapUpSeconds: 15, relaxAfterSeconds: 30 })
      const billingQueue = await createQueue(scope, { name: 'Billing', priority: 5, overflowAfterSeconds: 120, overflowQueueId: hotline })
      await setQueueMembers(scope, hotline, agents)
      await setQueueMembers(scope, billingQueue, agents.slice(0, 2))
      await setQueueSkills(scope, billingQueue, [{ skillId: billing, minLevel: 5 }])
      await setAgentSkills(scope, agents[0], [{ skillId: billing, level: 8 }, { skillId: mandarin, level: 5 }])
      await setAgentSkills(scope, agents[1], [{ skillId: billing, level: 4 }, { skillId: mandarin, level: 10 }])
    })
  }
  const lines = [
    `Organisation: ${DEMO_SLUG}`,
    `  admin@demo.example (tenant admin)`,
    ...PEOPLE.map((p) => `  ${p.email} (${p.role})`),
    `  password for all: ${password}`,
    `Platform operator: ${operatorEmail} / ${operatorPassword === password ? password : '(PLATFORM_ADMIN_PASSWORD)'} at /platform/login`,
  ]
  return { created: !existing, instructions: lines.join('\n') }
}
