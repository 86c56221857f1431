import { input, nullable, object, ref, type Schema, type SchemaMap } from '#platform/openapi/spec'
import { CALL_ACTIONS } from '#contact_center/call_actions'

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
  overflowAction: {
    type: 'string',
    enum: ['queue', 'voicemail', 'callback'],
    description: 'After overflowAfterSeconds: move to overflowQueueId, take a voicemail, or (phone callers) hang up and keep the caller’s place for a callback',
  },
  recordingMode: { type: ['string', 'null'], enum: ['never', 'on_demand', 'always', null], description: 'When calls of this queue are recorded; null follows the organisation’s voice settings' },
}
const fraction = (description: string): Schema => nullable({ type: 'number', minimum: 0, maximum: 1, description })
const average = (description: string): Schema => nullable({ type: 'number', minimum: 0, description })
const count = (description?: string): Schema => ({ type: 'integer', minimum: 0, ...(description ? { description } : {}) })
/** Today's KPIs (the data center's definitions, the organisation's KPI settings) and the calls waiting now. */
const liveNumbers = {
  serviceLevelSeconds: { ...seconds(5, 295), description: 'T of the service level: the organisation’s KPI setting' },
  serviceLevelLabel: { type: 'string', description: 'What the service level means, in English' },
  waiting: count('Calls waiting now'),
  oldestQueuedAt: when,
  longestWaitSeconds: count('How long the oldest waiting call has waited (0 when none waits)'),
  offered: count('Calls that entered the queue today and are no longer waiting there (a call transferred on counts in each queue it entered)'),
  answered: count(),
  abandoned: count(),
  shortAbandoned: count('Abandoned after less than the short-abandon threshold'),
  answeredWithinThreshold: count('Answered in less than serviceLevelSeconds'),
  serviceLevel: fraction('answeredWithinThreshold ÷ (answered + the abandons the organisation counts); null before the first'),
  abandonRate: fraction('(abandoned − short abandoned) ÷ (offered − short abandoned)'),
  asa: average('Average seconds answered calls waited'),
  aht: average('Average handle time, seconds: (talk + hold + wrap-up) ÷ calls whose handling is over'),
  avgTalk: average('Seconds'),
  avgHold: average('Seconds'),
  avgWrap: average('Seconds'),
}
const queueStaffing = {
  agentsReady: count('Members of the queue ready now'),
  agentsBusy: count('Members reserved, on a call or in wrap-up now'),
  memberIds: { type: 'array', items: id, description: 'Agents who serve the queue' },
  since: { type: 'string', format: 'date-time', description: 'Start of today in the organisation’s time zone' },
}
const supervisionMode = { type: 'string', enum: ['monitor', 'whisper', 'barge'] }
const callFields = {
  id,
  direction: { type: 'string', enum: ['inbound', 'outbound'] },
  channel: { type: 'string', enum: ['voice', 'web', 'simulated'] },
  status: { type: 'string', enum: ['ringing', 'ivr', 'queued', 'offered', 'connected', 'ended'] },
  ani: nullable({ type: 'string' }),
  dnis: nullable({ type: 'string' }),
  queueId: nullable(id),
  queueName: nullable({ type: 'string' }),
  agentId: nullable(id),
  agentName: nullable({ type: 'string' }),
  createdAt: when,
  queuedAt: when,
  offeredAt: when,
  answeredAt: when,
  endedAt: when,
  endReason: nullable({ type: 'string', description: 'e.g. agent_hangup, customer_hangup, abandoned, transferred_out, supervisor_release, media_lost' }),
  disposition: nullable({ type: 'string' }),
  dispositionNotes: nullable({ type: 'string' }),
  onHold: { type: 'boolean' },
  heldSeconds: { type: 'integer', minimum: 0 },
  muted: { type: 'boolean' },
  recording: { type: 'string', enum: ['off', 'on', 'paused'] },
  ivrDigits: { type: 'array', items: { type: 'string' }, description: 'Digits the caller pressed in the IVR' },
  room: nullable({ type: 'string', description: 'The media room of the call (null for simulated calls)' }),
  language: { type: 'string', enum: ['en', 'zh-CN'] },
  transferCount: { type: 'integer', minimum: 0 },
  callback: { type: 'boolean', description: 'The caller asked to be called back: the call keeps its place in the queue without audio; call back the ANI' },
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
  AgentListItem: object({ ...agentStatusFields, teams: { type: 'array', items: object({ id, name: { type: 'string' } }), description: 'Teams the agent is a member of, by name' } }),
  AgentSelf: object({
    ...agentStatusFields,
    offer: nullable(
      object({
        id,
        callId: id,
        kind: { type: 'string', enum: ['call', 'consult'], description: 'A call to answer, or a colleague asking to consult' },
        fromAgentId: nullable(id),
        fromAgentName: nullable({ type: 'string' }),
        offeredAt: when,
        expiresAt: when,
      })
    ),
    call: nullable(ref('CallSnapshot')),
  }),
  Call: object(callFields),
  CallSnapshot: object({
    ...callFields,
    consult: nullable(
      object({
        state: { type: 'string', enum: ['ringing', 'talking', 'conference'] },
        agentId: id,
        agentName: nullable({ type: 'string' }),
        initiatorId: id,
        initiatorName: nullable({ type: 'string' }),
      })
    ),
    consultOnlyTo: nullable({ type: 'string', description: 'The only identity your microphone may reach now (set it as track subscription permissions before publishing); null: everyone' }),
    supervisors: { type: 'array', items: ref('CallSupervisor'), description: 'Who supervises the call (empty when the organisation does not tell agents)' },
    allowedActions: { type: 'array', items: { type: 'string', enum: [...CALL_ACTIONS] }, description: 'What you may do with this call now; other actions answer 409' },
  }),
  CallListItem: object({ ...callFields, supervisors: { type: 'array', items: ref('CallSupervisor') } }),
  CallDetail: object({
    ...callFields,
    supervisors: { type: 'array', items: ref('CallSupervisor') },
    legs: {
      type: 'array',
      items: object({
        id,
        role: { type: 'string', enum: ['customer', 'agent', 'supervisor', 'bot'] },
        userId: nullable(id),
        displayName: nullable({ type: 'string' }),
        identity: nullable({ type: 'string', description: 'The participant identity in the call room' }),
        mode: { type: ['string', 'null'], enum: ['monitor', 'whisper', 'barge', null] },
        joinedAt: when,
        leftAt: when,
        endReason: nullable({ type: 'string' }),
      }),
    },
  }),
  CallSupervisor: object({ userId: id, displayName: { type: 'string' }, mode: supervisionMode }),
  JoinGrant: object({
    url: { type: 'string', description: 'WebSocket URL of the media server' },
    token: { type: 'string', description: 'Short-lived join token (10 minutes) for this room and identity only' },
    room: { type: 'string' },
    identity: { type: 'string' },
  }),
  Monitoring: object({ mode: { type: 'string', enum: ['monitor', 'whisper', 'barge'] }, join: ref('JoinGrant') }),
  Speaking: object(
    {
      mode: { type: 'string', enum: ['whisper', 'barge'] },
      onlyTo: { type: 'string', description: 'Whisper: publish with track permissions that allow only this identity (the agent)' },
    },
    ['onlyTo']
  ),
  SupervisionLeft: object({ mode: { type: 'null' } }),
  TransferTargets: object({
    agents: { type: 'array', items: object({ userId: id, displayName: { type: 'string' }, state: agentState }) },
    queues: { type: 'array', items: object({ id, name: { type: 'string' }, waiting: { type: 'integer', minimum: 0 } }) },
  }),
  TransferRequest: input(
    {
      target: { type: 'string', enum: ['agent', 'queue', 'number'] },
      userId: { ...id, description: 'With target agent' },
      queueId: { ...id, description: 'With target queue' },
      number: { type: 'string', pattern: '^\\+[1-9][0-9]{6,14}$', description: 'With target number (E.164); needs a SIP gateway' },
    },
    ['target']
  ),
  ConsultRequest: input({ userId: id }, ['userId']),
  DialRequest: input({ number: { type: 'string', minLength: 3, maxLength: 32, description: 'E.164 or a local number (the organisation’s default country)' }, queueId: id }, ['number']),
  DtmfRequest: input({ digits: { type: 'string', pattern: '^[0-9*#]{1,32}$' } }, ['digits']),
  CallQualitySample: input(
    {
      jitterMs: { type: 'number', minimum: 0, maximum: 10000 },
      packetLossPct: { type: 'number', minimum: 0, maximum: 100 },
      rttMs: { type: 'number', minimum: 0, maximum: 60000 },
      mos: nullable({ type: 'number', minimum: 1, maximum: 5, description: 'Estimated mean opinion score' }),
    },
    ['jitterMs', 'packetLossPct', 'rttMs']
  ),
  CallQuality: object({
    callId: id,
    samples: { type: 'integer', minimum: 0 },
    jitterMs: object({ avg: nullable({ type: 'number' }), max: nullable({ type: 'number' }) }),
    packetLossPct: object({ avg: nullable({ type: 'number' }), max: nullable({ type: 'number' }) }),
    rttMs: object({ avg: nullable({ type: 'number' }), max: nullable({ type: 'number' }) }),
    mos: object({ avg: nullable({ type: 'number' }), min: nullable({ type: 'number' }) }),
  }),
  RecordingRequest: input({ action: { type: 'string', enum: ['start', 'stop', 'pause', 'resume'] } }, ['action']),
  DispositionRequest: input({ code: { type: 'string', minLength: 1, maxLength: 64 }, notes: nullable({ type: 'string', maxLength: 2000 }) }, ['code']),
  WebCallEntry: object({ tenantName: { type: 'string' }, name: { type: 'string' }, language: { type: 'string', enum: ['en', 'zh-CN'] }, enabled: { type: 'boolean' } }),
  WebCallRequest: input({ name: { type: 'string', maxLength: 80 }, phone: { type: 'string', maxLength: 40, description: 'The visitor’s phone number as typed; becomes the caller id (E.164) so the agent’s screen pop finds the customer' }, language: { type: 'string', enum: ['en', 'zh-CN'] } }),
  WebCallStarted: object({ callId: id, join: ref('JoinGrant') }),
  Queue: object({
    id,
    name: { type: 'string' },
    ...queueFields,
    skills: { type: 'array', items: object({ skillId: id, name: { type: 'string' }, minLevel: level }) },
    memberIds: { type: 'array', items: id },
    waiting: { type: 'integer', minimum: 0, description: 'Calls waiting now' },
    oldestQueuedAt: when,
  }),
  QueueStats: object({ queueId: id, name: { type: 'string' }, ...liveNumbers, ...queueStaffing }),
  QueueStatsTotal: object({ ...liveNumbers, since: { type: 'string', format: 'date-time', description: 'Start of today in the organisation’s time zone' } }),
  LiveKpiSettings: object({
    serviceLevelSeconds: seconds(5, 295),
    shortAbandonSeconds: seconds(5, 295),
    serviceLevelAbandons: { type: 'string', enum: ['all', 'exclude_short', 'none'], description: 'Which abandons count in the service level’s denominator' },
    serviceLevelLabel: { type: 'string', description: 'What the service level means, in English, e.g. "SL 20 s · short abandons (< 5 s) excluded"' },
  }),
  Skill: object({ id, name: { type: 'string' } }),
  AgentSkill: object({ skillId: id, level }),
  AgentProfile: object({
    userId: id,
    displayName: { type: 'string' },
    email: { type: 'string' },
    skills: { type: 'array', items: object({ skillId: id, name: { type: 'string' }, level }), description: 'By skill name' },
    teams: { type: 'array', items: object({ id, name: { type: 'string' } }), description: 'Teams the agent is a member of' },
    queues: { type: 'array', items: object({ id, name: { type: 'string' } }), description: 'Queues the agent serves' },
  }),
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
