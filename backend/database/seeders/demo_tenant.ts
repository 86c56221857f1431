import env from '#start/env'
import { inPlatform, inTenant, systemScope, type TenantScope } from '#shared/scope'
import { tenantBySlug } from '#identity/actions/login'
import { provisionTenant } from '#tenancy/actions/provision_tenant'
import { createUser } from '#identity/actions/create_user'
import { createTeam, setTeamMembers } from '#identity/actions/teams'
import { hashPassword } from '#identity/password_gate'
import { upsertOperator } from '#platform/operators'
import { createQueue, createSkill, setAgentSkills, setQueueMembers, setQueueSkills } from '#contact_center/actions/queues'
import { createIvrMenu } from '#voice/actions/ivr_menus'
import { createEntryPoint, updateEntryPoint } from '#voice/actions/entry_points'
import { numberProvisioner } from '#voice/sip_numbers'

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
      await seedDemoVoice(scope, [hotline, billingQueue])
    })
  } else {
    // A demo organisation seeded before voice configuration existed gets it once.
    await inTenant(existing.id, async (trx) => {
      const scope = systemScope(existing.id, trx, 'seed')
      if (await trx.from('entry_points').where('tenant_id', existing.id).first()) return
      const queues = await trx.from('queues').where('tenant_id', existing.id).whereIn('name', ['Hotline', 'Billing']).orderBy('name', 'desc').select('id')
      if (queues.length === 2) await seedDemoVoice(scope, [queues[0].id, queues[1].id])
    })
  }
  const lines = [
    `Organisation: ${DEMO_SLUG}`,
    `  admin@demo.example (tenant admin)`,
    ...PEOPLE.map((p) => `  ${p.email} (${p.role})`),
    `  password for all: ${password}`,
    `Platform operator: ${operatorEmail} / ${operatorPassword === password ? password : '(PLATFORM_ADMIN_PASSWORD)'} at /platform/login`,
  ]
  const widget = await inPlatform((trx) =>
    trx.from('entry_points as e').join('tenants as t', 't.id', 'e.tenant_id').where('t.slug', DEMO_SLUG).where('e.kind', 'web').select('e.widget_key').first()
  )
  if (widget) {
    lines.push(
      `Call us from a browser (no phone line needed): /call/${widget.widget_key}`,
      `Phone number ${DEMO_NUMBER}: reaches the same IVR through a SIP gateway when one is configured (LIVEKIT_SIP=true)`
    )
  }
  return { created: !existing, instructions: lines.join('\n') }
}

/** The demo phone number (a fictional US number). */
export const DEMO_NUMBER = '+14155550100'

/**
 * The demo's voice setup: a main IVR menu (1 hotline, 2 billing), a "call us" button for a web
 * site and a phone number, both into the menu. The number is provisioned at the SIP gateway when
 * one is configured; without one (or when it refuses) it is saved all the same.
 */
async function seedDemoVoice(scope: TenantScope, [first, second]: [string, string]) {
  const menu = await createIvrMenu(scope, {
    name: 'Main menu',
    language: 'en',
    options: [
      { digit: '1', label: 'Hotline', target: { type: 'queue', queueId: first } },
      { digit: '2', label: 'Billing', target: { type: 'queue', queueId: second } },
    ],
    defaultTarget: { type: 'queue', queueId: first },
  })
  const target = { type: 'ivr' as const, ivrMenuId: menu.id }
  await createEntryPoint(scope, { kind: 'web', name: 'Website call button', target }, null)
  const number = await createEntryPoint(scope, { kind: 'number', name: 'Main number', number: DEMO_NUMBER, target }, null)
  const provisioner = await numberProvisioner()
  if (provisioner) await updateEntryPoint(scope, number.id, {}, provisioner).catch(() => {})
}
