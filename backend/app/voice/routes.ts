import router from '@adonisjs/core/services/router'
import { publicRoute, tenantRoute } from '#shared/route_guard'

const WebhooksController = () => import('#voice/controllers/webhooks_controller')
const EntryPointsController = () => import('#voice/controllers/entry_points_controller')
const IvrMenusController = () => import('#voice/controllers/ivr_menus_controller')
const PromptsController = () => import('#voice/controllers/prompts_controller')
const VoiceSettingsController = () => import('#voice/controllers/voice_settings_controller')
const RecordingsController = () => import('#voice/controllers/recordings_controller')

/** Voice vendors call in here (the signature, not a session, authenticates them); voice configuration and recordings. */
export function voiceRoutes() {
  publicRoute(router.post('voice/webhooks/livekit', [WebhooksController, 'livekit']).as('voice.webhooks_livekit'))

  tenantRoute(router.get('entry-points', [EntryPointsController, 'index']).as('entry_points.index'), 'voice.manage')
  tenantRoute(router.post('entry-points', [EntryPointsController, 'store']).as('entry_points.store'), 'voice.manage')
  tenantRoute(router.get('entry-points/:id', [EntryPointsController, 'show']).as('entry_points.show'), 'voice.manage')
  tenantRoute(router.patch('entry-points/:id', [EntryPointsController, 'update']).as('entry_points.update'), 'voice.manage')
  tenantRoute(router.delete('entry-points/:id', [EntryPointsController, 'destroy']).as('entry_points.destroy'), 'voice.manage')

  tenantRoute(router.get('ivr-menus', [IvrMenusController, 'index']).as('ivr_menus.index'), 'voice.manage')
  tenantRoute(router.post('ivr-menus', [IvrMenusController, 'store']).as('ivr_menus.store'), 'voice.manage')
  tenantRoute(router.get('ivr-menus/:id', [IvrMenusController, 'show']).as('ivr_menus.show'), 'voice.manage')
  tenantRoute(router.patch('ivr-menus/:id', [IvrMenusController, 'update']).as('ivr_menus.update'), 'voice.manage')
  tenantRoute(router.delete('ivr-menus/:id', [IvrMenusController, 'destroy']).as('ivr_menus.destroy'), 'voice.manage')

  tenantRoute(router.get('prompts', [PromptsController, 'index']).as('prompts.index'), 'voice.manage')
  tenantRoute(router.post('prompts', [PromptsController, 'store']).as('prompts.store'), 'voice.manage')
  tenantRoute(router.get('prompts/:id/audio', [PromptsController, 'audio']).as('prompts.audio'), 'voice.manage')
  tenantRoute(router.delete('prompts/:id', [PromptsController, 'destroy']).as('prompts.destroy'), 'voice.manage')

  tenantRoute(router.get('voice/settings', [VoiceSettingsController, 'show']).as('voice_settings.show'), 'voice.manage')
  tenantRoute(router.put('voice/settings', [VoiceSettingsController, 'update']).as('voice_settings.update'), 'voice.manage')

  tenantRoute(router.get('recordings', [RecordingsController, 'index']).as('recordings.index'), 'recordings.listen')
  tenantRoute(router.get('recordings/:id/audio', [RecordingsController, 'audio']).as('recordings.audio'), 'recordings.listen')
}
