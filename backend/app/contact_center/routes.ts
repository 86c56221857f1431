import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const AgentController = () => import('#contact_center/controllers/agent_controller')
const AgentsController = () => import('#contact_center/controllers/agents_controller')
const QueuesController = () => import('#contact_center/controllers/queues_controller')

/** The ACD: the agent's own controls, supervisors' agent controls, queues and skills. */
export function contactCenterRoutes() {
  tenantRoute(router.get('agent', [AgentController, 'show']).as('agent.show'), 'calls.handle')
  tenantRoute(router.post('agent/state', [AgentController, 'setState']).as('agent.state'), 'calls.handle')
  tenantRoute(router.post('agent/offers/:id/accept', [AgentController, 'accept']).as('agent.offers_accept'), 'calls.handle')
  tenantRoute(router.post('agent/offers/:id/reject', [AgentController, 'reject']).as('agent.offers_reject'), 'calls.handle')
  tenantRoute(router.post('agent/calls/:id/hangup', [AgentController, 'hangUp']).as('agent.calls_hangup'), 'calls.handle')

  tenantRoute(router.get('agents', [AgentsController, 'index']).as('agents.index'), 'agents.view')
  tenantRoute(router.post('agents/:id/state', [AgentsController, 'forceState']).as('agents.state'), 'agents.manage')
  tenantRoute(router.post('agents/:id/lock', [AgentsController, 'lock']).as('agents.lock'), 'agents.manage')
  tenantRoute(router.post('agents/:id/unlock', [AgentsController, 'unlock']).as('agents.unlock'), 'agents.manage')
  tenantRoute(router.put('agents/:id/skills', [AgentsController, 'skills']).as('agents.skills'), 'queues.manage')

  tenantRoute(router.get('queues', [QueuesController, 'index']).as('queues.index'), 'queues.view')
  tenantRoute(router.post('queues', [QueuesController, 'store']).as('queues.store'), 'queues.manage')
  tenantRoute(router.get('queues/:id', [QueuesController, 'show']).as('queues.show'), 'queues.view')
  tenantRoute(router.patch('queues/:id', [QueuesController, 'update']).as('queues.update'), 'queues.manage')
  tenantRoute(router.put('queues/:id/members', [QueuesController, 'members']).as('queues.members'), 'queues.manage')
  tenantRoute(router.put('queues/:id/skills', [QueuesController, 'skills']).as('queues.skills'), 'queues.manage')
  tenantRoute(router.post('queues/:id/simulated-calls', [QueuesController, 'simulateCall']).as('queues.simulated_calls'), 'queues.manage')
  tenantRoute(router.get('skills', [QueuesController, 'skillIndex']).as('skills.index'), 'queues.view')
  tenantRoute(router.post('skills', [QueuesController, 'skillStore']).as('skills.store'), 'queues.manage')
}
