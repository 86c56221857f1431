import router from '@adonisjs/core/services/router'
import { publicRoute } from '#shared/route_guard'

const WebhooksController = () => import('#voice/controllers/webhooks_controller')

/** Voice vendors call in here; the signature, not a session, authenticates them. */
export function voiceRoutes() {
  publicRoute(router.post('voice/webhooks/livekit', [WebhooksController, 'livekit']).as('voice.webhooks_livekit'))
}
