import { data, json, list, object, page, parameter, query, ref, type OperationMap } from '#platform/openapi/spec'

const agentSelf = (summary: string, description?: string) => ({
  tag: 'Agent' as const,
  summary,
  ...(description ? { description } : {}),
  success: json(200, data('AgentSelf'), 'Your state, pending offer and current call'),
  errors: [409 as const],
})

/** The ACD (app/contact_center/controllers). */
export const contactCenterOperations: OperationMap = {
  'agent.show': { tag: 'Agent', summary: 'Your agent state, pending offer and current call', success: json(200, data('AgentSelf'), 'Your state') },
  'agent.state': {
    ...agentSelf('Go ready, not ready (with a reason code) or offline', 'Going ready may offer you a waiting call at once. A locked agent gets 409.'),
    body: 'AgentStateRequest',
  },
  'agent.offers_accept': agentSelf('Answer the call you are offered'),
  'agent.offers_reject': agentSelf('Decline the call you are offered', 'The call goes to another agent and is not offered to you again.'),
  'agent.calls_hangup': agentSelf('Hang up your connected call', 'You go to wrap-up for the queue’s wrap-up time.'),
  'agent.calls_media': {
    tag: 'Agent',
    summary: 'Credentials to join your call’s media room',
    description: 'For the call you are offered or connected to; ask again after a reload or a network loss. 409 for calls without audio.',
    success: json(200, data('JoinGrant'), 'Join the room with livekit-client and publish your microphone'),
    errors: [409, 503],
  },
  'agent.calls_quality': {
    tag: 'Agent',
    summary: 'Report your call’s audio quality',
    description: 'Your softphone sends one WebRTC sample (jitter, packet loss, round-trip time, estimated MOS) every 10 s while connected. Only the agent on the call (404 otherwise); 409 once the call is not connected.',
    body: 'CallQualitySample',
    success: json(201, data('CallQuality'), 'The call’s average and worst values so far'),
    errors: [409],
  },
  'agent.calls_hold': agentSelf('Put your call on hold', 'The customer stops hearing you and hears hold music; you hear neither. Enforced by the media server.'),
  'agent.calls_retrieve': agentSelf('Take your call off hold'),
  'agent.calls_mute': agentSelf('Mute your microphone on the call (enforced by the media server)'),
  'agent.calls_unmute': agentSelf('Unmute your microphone'),
  'agent.calls_transfer': {
    ...agentSelf('Blind-transfer your call', 'To an agent who is ready, to a queue (the caller waits again with music), or to a number (needs a SIP gateway). You go to wrap-up.'),
    body: 'TransferRequest',
  },
  'agent.calls_dtmf': { ...agentSelf('Send DTMF digits into the call'), body: 'DtmfRequest' },
  'agent.calls_recording': {
    ...agentSelf('Start, pause, resume or stop the recording', 'Follows the queue’s recording mode: on demand allows all four; always allows only pause and resume; never none. A paused span holds no audio.'),
    body: 'RecordingRequest',
  },
  'agent.calls_disposition': { ...agentSelf('Set the call’s outcome (disposition code and notes)', 'While connected or in wrap-up.'), body: 'DispositionRequest' },
  'agent.calls_consult': {
    ...agentSelf(
      'Consult a colleague (warm transfer)',
      'The colleague must be ready; they are offered the consult and join the call’s room. The customer is on hold meanwhile and never hears the consultation.'
    ),
    body: 'ConsultRequest',
  },
  'agent.calls_consult_complete': agentSelf('Complete the transfer', 'The consulted colleague owns the call and the customer hears them; you go to wrap-up.'),
  'agent.calls_consult_conference': agentSelf('Join all three in a conference', 'Later hanging up leaves the conference to your colleague.'),
  'agent.calls_consult_cancel': agentSelf('Cancel the consultation', 'Your colleague leaves; the customer comes off hold with you.'),
  'agent.calls_dial': {
    tag: 'Agent',
    summary: 'Place an outbound call',
    description: 'Dials the number into a new call room through the SIP gateway; you are busy on the call. 409 when no SIP gateway (and outbound trunk) is configured.',
    body: 'DialRequest',
    success: json(201, data('AgentSelf'), 'Your state with the new call'),
    errors: [409, 503],
  },
  'agent.transfer_targets': { tag: 'Agent', summary: 'Agents and queues you can transfer a call to', success: json(200, data('TransferTargets'), 'Other agents with their state, and queues') },
  'calls.index': {
    tag: 'Calls',
    summary: 'Live or finished calls, newest first',
    query: [
      query('status', { type: 'string', enum: ['live', 'ended'] }, 'Live (default) or ended calls'),
      query('queueId', { type: 'string', format: 'uuid' }, 'Only this queue'),
      query('agentId', { type: 'string', format: 'uuid' }, 'Only this agent'),
      parameter('Page'),
      parameter('PerPage'),
    ],
    success: json(200, page('CallListItem'), 'A page of calls (50 per page unless perPage says otherwise)'),
  },
  'calls.show': { tag: 'Calls', summary: 'One call with every party that was in it', success: json(200, data('CallDetail'), 'The call and its legs') },
  'calls.monitor': {
    tag: 'Calls',
    summary: 'Monitor a live call (hidden, listen-only)',
    description: 'Returns credentials to join the call’s room hidden and unable to publish. Audited; the agent is told through the call’s events.',
    success: json(200, data('Monitoring'), 'Join with these credentials'),
    errors: [409, 503],
  },
  'calls.whisper': {
    tag: 'Calls',
    summary: 'Whisper to the agent (the customer does not hear you)',
    description: 'Monitor first. Publish your microphone with track subscription permissions that allow only `onlyTo`, set before publishing: the media server then never lets the customer subscribe.',
    success: json(200, data('Speaking'), 'You may publish now'),
    errors: [409, 503],
  },
  'calls.barge': {
    tag: 'Calls',
    summary: 'Barge in: everyone on the call hears you',
    description: 'Monitor first; you become visible and may publish to all.',
    success: json(200, data('Speaking'), 'You may publish now'),
    errors: [409, 503],
  },
  'calls.intercept': {
    tag: 'Calls',
    summary: 'Take the call over from the agent',
    description: 'Monitor first. You become the call’s agent; the agent is removed from the call and goes to wrap-up.',
    success: json(200, data('AgentSelf'), 'Your state, now busy on the call'),
    errors: [409, 503],
  },
  'calls.leave': { tag: 'Calls', summary: 'Stop supervising a call', success: json(200, data('SupervisionLeft'), 'You left the call') },
  'calls.release': {
    tag: 'Calls',
    summary: 'Force release: end a call for everyone',
    success: json(200, data('CallDetail'), 'The ended call'),
    errors: [409],
  },
  'web_calls.show': {
    tag: 'Web calls',
    summary: 'A web-call entry point by its widget key (public)',
    description: 'What the “call us” widget shows before the visitor calls. Unknown or disabled keys answer 404.',
    success: json(200, data('WebCallEntry'), 'The entry point'),
  },
  'web_calls.store': {
    tag: 'Web calls',
    summary: 'Start a call from the web widget (public)',
    description:
      'Creates the call and its media room and returns credentials for the visitor’s browser. A media bot answers in the room at once (greeting, IVR menu by DTMF, queue music) until an agent joins. 503 while voice is off.',
    body: 'WebCallRequest',
    success: json(201, data('WebCallStarted'), 'Join the room with these credentials'),
    errors: [503],
  },
  'agents.index': { tag: 'Agents', summary: 'Every agent with their live state', success: json(200, list('AgentListItem'), 'Agents by name, with their teams') },
  'agents.profile': {
    tag: 'Agents',
    summary: 'An agent’s profile: skills with levels, teams and queues',
    success: json(200, data('AgentProfile'), 'The agent’s profile'),
  },
  'agents.state': {
    tag: 'Agents',
    summary: 'Force an agent’s state (supervisor)',
    description: 'Not while the agent is reserved or on a call (409).',
    body: 'AgentStateRequest',
    success: json(200, data('AgentSelf'), 'The agent’s state'),
    errors: [409],
  },
  'agents.lock': { tag: 'Agents', summary: 'Lock an agent: no offers, no own state changes', success: json(200, data('AgentSelf'), 'The agent’s state') },
  'agents.unlock': { tag: 'Agents', summary: 'Unlock an agent', success: json(200, data('AgentSelf'), 'The agent’s state') },
  'agents.skills': {
    tag: 'Agents',
    summary: 'Replace an agent’s skills and proficiency levels',
    body: 'AgentSkillsRequest',
    success: json(200, list('AgentSkill'), 'The agent’s skills'),
  },
  'queues.index': { tag: 'Queues', summary: 'Every queue with its skills, members and waiting calls', success: json(200, list('Queue'), 'Queues by name') },
  'queues.store': { tag: 'Queues', summary: 'Create a queue', body: 'QueueRequest', success: json(201, data('Queue'), 'The new queue') },
  'queues.stats': {
    tag: 'Queues',
    summary: 'Today’s numbers of every queue and of all queues',
    description:
      'Today starts at midnight in the organisation’s time zone. The KPIs use the data center’s definitions and the organisation’s KPI settings ' +
      '(`settings`): offered are calls that entered the queue today and are no longer waiting; a call is in the service level when answered in ' +
      'less than `serviceLevelSeconds`, and the denominator counts the abandons the settings say.',
    success: json(200, object({ data: { type: 'array', items: ref('QueueStats') }, total: ref('QueueStatsTotal'), settings: ref('LiveKpiSettings') }), 'Queues by name, the total and the settings used'),
  },
  'queues.show': { tag: 'Queues', summary: 'One queue', success: json(200, data('Queue'), 'The queue') },
  'queues.update': { tag: 'Queues', summary: 'Change a queue’s routing settings', body: 'UpdateQueueRequest', success: json(200, data('Queue'), 'The queue') },
  'queues.members': { tag: 'Queues', summary: 'Replace the agents who serve a queue', body: 'QueueMembersRequest', success: json(200, data('Queue'), 'The queue') },
  'queues.skills': {
    tag: 'Queues',
    summary: 'Replace the skills a queue requires',
    description: 'An agent needs each skill at the minimum level; with `relaxAfterSeconds` the level drops by one per period a caller waits (never below 1).',
    body: 'QueueSkillsRequest',
    success: json(200, data('Queue'), 'The queue'),
  },
  'queues.simulated_calls': {
    tag: 'Queues',
    summary: 'Place a simulated inbound call in a queue',
    description: 'Tests the queue’s routing without a phone line: the call is queued and routed at once like a real one (channel `simulated`, no media).',
    body: 'SimulatedCallRequest',
    success: json(201, data('CallDetail'), 'The call, already offered when an agent was free'),
  },
  'voice.webhooks_livekit': {
    tag: 'Voice',
    summary: 'LiveKit webhook receiver',
    description:
      'LiveKit posts its events here as `application/webhook+json` with `Authorization: <JWT>` whose `sha256` claim is the body’s hash, signed with the API secret. ' +
      'Forged or tampered deliveries answer 401; a redelivered event answers 200 with `duplicate: true` and has no second effect; 503 while voice is off.',
    success: json(200, data('WebhookResult'), 'The event was accepted'),
    errors: [401, 503],
  },
  'skills.index': { tag: 'Queues', summary: 'Every skill', success: json(200, list('Skill'), 'Skills by name') },
  'skills.store': { tag: 'Queues', summary: 'Create a skill', body: 'SkillRequest', success: json(201, data('Skill'), 'The new skill') },
}
