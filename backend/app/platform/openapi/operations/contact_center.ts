import { data, json, list, type OperationMap } from '#platform/openapi/spec'

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
  'agents.index': { tag: 'Agents', summary: 'Every agent with their live state', success: json(200, list('AgentStatus'), 'Agents by name') },
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
    success: json(201, data('Call'), 'The call, already offered when an agent was free'),
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
