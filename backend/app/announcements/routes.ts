import router from '@adonisjs/core/services/router'
import { tenantRoute } from '#shared/route_guard'

const AnnouncementsController = () => import('#announcements/controllers/announcements_controller')
const AnnouncementInboxController = () => import('#announcements/controllers/announcement_inbox_controller')
const RemindersController = () => import('#announcements/controllers/reminders_controller')

/** Announcements (posted by supervisors, acknowledged by their recipients) and each user's own reminders. */
export function announcementRoutes() {
  tenantRoute(router.get('announcements', [AnnouncementsController, 'index']).as('announcements.index'), 'announcements.manage')
  tenantRoute(router.post('announcements', [AnnouncementsController, 'store']).as('announcements.store'), 'announcements.manage')
  tenantRoute(router.get('announcements/inbox', [AnnouncementInboxController, 'index']).as('announcements.inbox'), null)
  tenantRoute(router.get('announcements/:id', [AnnouncementsController, 'show']).as('announcements.show'), 'announcements.manage')
  tenantRoute(router.delete('announcements/:id', [AnnouncementsController, 'destroy']).as('announcements.destroy'), 'announcements.manage')
  tenantRoute(router.get('announcements/:id/acknowledgements', [AnnouncementsController, 'acknowledgements']).as('announcements.acknowledgements'), 'announcements.manage')
  tenantRoute(router.post('announcements/:id/acknowledge', [AnnouncementInboxController, 'acknowledge']).as('announcements.acknowledge'), null)

  tenantRoute(router.get('reminders', [RemindersController, 'index']).as('reminders.index'), null)
  tenantRoute(router.get('reminders/due', [RemindersController, 'due']).as('reminders.due'), null)
  tenantRoute(router.post('reminders', [RemindersController, 'store']).as('reminders.store'), null)
  tenantRoute(router.patch('reminders/:id', [RemindersController, 'update']).as('reminders.update'), null)
  tenantRoute(router.delete('reminders/:id', [RemindersController, 'destroy']).as('reminders.destroy'), null)
}
