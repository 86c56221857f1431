import router from '@adonisjs/core/services/router'
import { publicRoute, tenantRoute } from '#shared/route_guard'

const AgentController = () => import('#contact_center/controllers/agent_controller')
const AgentsController = () => import('#contact_center/controllers/agents_controller')
const QueuesController = () => import('#contact_center/controllers/queues_controller')
const CallsController = () => import('#contact_center/controllers/calls_controller')
const WebCallsController = () => import('#contact_center/controllers/web_calls_controller')

/** Call-control verbs of the agent on their call: `agent/calls/:id/<verb>`. */
const AGENT_CALL_VERBS = ['hold', 'retrieve', 'mute', 'unmute', 'transfer', 'dtmf', 'recording', 'disposition', 'media', 'quality'] as const

/** Supervision verbs on a live call: `calls/:id/<verb>` and the permission each needs. */
const SUPERVISION_VERBS = [
  ['monitor', 'calls.monitor'],
  ['whisper', 'calls.whisper'],
  ['barge', 'calls.barge'],
  ['intercept', 'calls.intercept'],
  ['leave', 'calls.monitor'],
  ['release', 'agents.manage'],
] as const

/** The ACD: the agent's own controls, supervisors' agent controls, queues and skills. */
export function contactCenterRoutes() {
  publicRoute(router.get('public/web-calls/:key', [WebCallsController, 'show']).as('web_calls.show'))
  publicRoute(router.post('public/web-calls/:key', [WebCallsController, 'store']).as('web_calls.store'))

  for (const verb of AGENT_CALL_VERBS) {
    tenantRoute(router.post(`agent/calls/:id/${verb}`, [AgentController, verb]).as(`agent.calls_${verb}`), 'calls.handle')
  }
  tenantRoute(router.post('agent/calls/:id/consult', [AgentController, 'consult']).as('agent.calls_consult'), 'calls.handle')
  tenantRoute(router.post('agent/calls/:id/consult/complete', [AgentController, 'consultComplete']).as('agent.calls_consult_complete'), 'calls.handle')
  tenantRoute(router.post('agent/calls/:id/consult/conference', [AgentController, 'consultConference']).as('agent.calls_consult_conference'), 'calls.handle')
  tenantRoute(router.post('agent/calls/:id/consult/cancel', [AgentController, 'consultCancel']).as('agent.calls_consult_cancel'), 'calls.handle')
  tenantRoute(router.post('agent/calls', [AgentController, 'dial']).as('agent.calls_dial'), 'calls.handle')
  tenantRoute(router.get('agent/transfer-targets', [AgentController, 'transferTargets']).as('agent.transfer_targets'), 'calls.handle')
  tenantRoute(router.get('calls', [CallsController, 'index']).as('calls.index'), 'calls.monitor')
  tenantRoute(router.get('calls/:id', [CallsController, 'show']).as('calls.show'), 'calls.monitor')
  for (const [verb, permission] of SUPERVISION_VERBS) {
    tenantRoute(router.post(`calls/:id/${verb}`, [CallsController, verb]).as(`calls.${verb}`), permission)
  }

  tenantRoute(router.get('agent', [AgentController, 'show']).as('agent.show'), 'calls.handle')
  tenantRoute(router.post('agent/state', [AgentController, 'setState']).as('agent.state'), 'calls.handle')
  tenantRoute(router.post('agent/offers/:id/accept', [AgentController, 'accept']).as('agent.offers_accept'), 'calls.handle')
  tenantRoute(router.post('agent/offers/:id/reject', [AgentController, 'reject']).as('agent.offers_reject'), 'calls.handle')
  tenantRoute(router.post('agent/calls/:id/hangup', [AgentController, 'hangUp']).as('agent.calls_hangup'), 'calls.handle')

  tenantRoute(router.get('agents', [AgentsController, 'index']).as('agents.index'), 'agents.view')
  tenantRoute(router.get('agents/:id/profile', [AgentsController, 'profile']).as('agents.profile'), 'agents.view')
  tenantRoute(router.post('agents/:id/state', [AgentsController, 'forceState']).as('agents.state'), 'agents.manage')
  tenantRoute(router.post('agents/:id/lock', [AgentsController, 'lock']).as('agents.lock'), 'agents.manage')
  tenantRoute(router.post('agents/:id/unlock', [AgentsController, 'unlock']).as('agents.unlock'), 'agents.manage')
  tenantRoute(router.put('agents/:id/skills', [AgentsController, 'skills']).as('agents.skills'), 'queues.manage')

  tenantRoute(router.get('queues', [QueuesController, 'index']).as('queues.index'), 'queues.view')
  tenantRoute(router.post('queues', [QueuesController, 'store']).as('queues.store'), 'queues.manage')
  tenantRoute(router.get('queues/stats', [QueuesController, 'stats']).as('queues.stats'), 'queues.view')
  tenantRoute(router.get('queues/:id', [QueuesController, 'show']).as('queues.show'), 'queues.view')
  tenantRoute(router.patch('queues/:id', [QueuesController, 'update']).as('queues.update'), 'queues.manage')
  tenantRoute(router.put('queues/:id/members', [QueuesController, 'members']).as('queues.members'), 'queues.manage')
  tenantRoute(router.put('queues/:id/skills', [QueuesController, 'skills']).as('queues.skills'), 'queues.manage')
  tenantRoute(router.post('queues/:id/simulated-calls', [QueuesController, 'simulateCall']).as('queues.simulated_calls'), 'queues.manage')
  tenantRoute(router.get('skills', [QueuesController, 'skillIndex']).as('skills.index'), 'queues.view')
  tenantRoute(router.post('skills', [QueuesController, 'skillStore']).as('skills.store'), 'queues.manage')

  // Not-ready reason codes: read by agents and supervisors (checked in the controller), edited by queue admins.
  const ReasonCodesController = () => import('#contact_center/controllers/reason_codes_controller')
  tenantRoute(router.get('reason-codes', [ReasonCodesController, 'index']).as('reason_codes.index'), null)
  tenantRoute(router.post('reason-codes', [ReasonCodesController, 'store']).as('reason_codes.store'), 'queues.manage')
  tenantRoute(router.patch('reason-codes/:id', [ReasonCodesController, 'update']).as('reason_codes.update'), 'queues.manage')
  tenantRoute(router.delete('reason-codes/:id', [ReasonCodesController, 'destroy']).as('reason_codes.destroy'), 'queues.manage')
}
