import { input, nullable, object, ref, type Schema, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = nullable({ type: 'string', format: 'date-time' })
const seconds = (min: number, max: number): Schema => ({ type: 'integer', minimum: min, maximum: max })
const level = { type: 'integer', minimum: 1, maximum: 10 }
const agentState = { type: 'string', enum: ['offline', 'ready', 'not_ready', 'reserved', 'busy', 'wrap_up'] }
const strategy = { type: 'string', enum: ['longest_idle', 'most_skilled', 'round_robin'], description: 'How the agent is chosen among the eligible ones' }
const queueFields = {
  strategy,
  priority: seconds(0, 100),
  serviceLevelSeconds: seconds(1, 3600),
  wrapUpSeconds: seconds(0, 3600),
  offerTimeoutSeconds: seconds(5, 600),
  relaxAfterSeconds: nullable(seconds(5, 3600)),
  overflowAfterSeconds: nullable(seconds(5, 86400)),
  overflowQueueId: nullable(id),
}
const agentStatusFields = {
  userId: id,
  displayName: { type: 'string' },
  state: agentState,
  reason: nullable({ type: 'string', description: 'Reason code while not ready (e.g. break, no_answer)' }),
  locked: { type: 'boolean', description: 'A locked agent gets no offers and cannot change state' },
  since: when,
  currentCallId: nullable(id),
}

/** The ACD (app/contact_center): agents' states, calls, queues and skills. */
export const contactCenterSchemas: SchemaMap = {
  AgentStatus: object(agentStatusFields),
  AgentSelf: object({
    ...agentStatusFields,
    offer: nullable(object({ id, callId: id, offeredAt: when, expiresAt: when })),
    call: nullable(ref('Call')),
  }),
  Call: object({
    id,
    direction: { type: 'string', enum: ['inbound', 'outbound'] },
    channel: { type: 'string', enum: ['voice', 'web', 'simulated'] },
    status: { type: 'string', enum: ['ringing', 'queued', 'offered', 'connected', 'ended'] },
    ani: nullable({ type: 'string' }),
    dnis: nullable({ type: 'string' }),
    queueId: nullable(id),
    agentId: nullable(id),
    createdAt: when,
    queuedAt: when,
    offeredAt: when,
    answeredAt: when,
    endedAt: when,
    endReason: nullable({ type: 'string' }),
  }),
  Queue: object({
    id,
    name: { type: 'string' },
    ...queueFields,
    skills: { type: 'array', items: object({ skillId: id, name: { type: 'string' }, minLevel: level }) },
    memberIds: { type: 'array', items: id },
    waiting: { type: 'integer', minimum: 0, description: 'Calls waiting now' },
    oldestQueuedAt: when,
  }),
  Skill: object({ id, name: { type: 'string' } }),
  AgentSkill: object({ skillId: id, level }),
  QueueRequest: input({ name: { type: 'string', minLength: 1, maxLength: 80 }, ...queueFields }, ['name']),
  UpdateQueueRequest: input({ name: { type: 'string', minLength: 1, maxLength: 80 }, ...queueFields }),
  QueueMembersRequest: input({ userIds: { type: 'array', items: id, maxItems: 500, uniqueItems: true } }, ['userIds']),
  QueueSkillsRequest: input({ skills: { type: 'array', maxItems: 50, items: input({ skillId: id, minLevel: level }, ['skillId', 'minLevel']) } }, ['skills']),
  AgentSkillsRequest: input({ skills: { type: 'array', maxItems: 50, items: input({ skillId: id, level }, ['skillId', 'level']) } }, ['skills']),
  AgentStateRequest: input(
    { state: { type: 'string', enum: ['ready', 'not_ready', 'offline'] }, reason: { type: 'string', pattern: '^[a-z0-9_]+$', maxLength: 40 } },
    ['state']
  ),
  SimulatedCallRequest: input({ ani: { type: 'string', pattern: '^\\+?[0-9]{3,20}$', maxLength: 32 }, priority: { type: 'integer', minimum: 0, maximum: 100 } }),
  WebhookResult: object({ type: { type: 'string', description: 'Our event type, e.g. leg.joined, room.finished' }, duplicate: { type: 'boolean' } }),
  SkillRequest: input({ name: { type: 'string', minLength: 1, maxLength: 80 } }, ['name']),
}
