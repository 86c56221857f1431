import { data, json, list, noContent, page, parameter, query, type OperationMap } from '#platform/openapi/spec'

const OWN = 'Only your own reminders: anyone else’s id answers 404.'

/** The agent workspace: announcements and personal reminders (app/announcements). */
export const workspaceOperations: OperationMap = {
  'announcements.index': {
    tag: 'Workspace',
    summary: 'The organisation’s announcements, paged',
    description: 'Newest first, each with how many active users it reaches and how many acknowledged it.',
    query: [parameter('Page'), parameter('PerPage')],
    success: json(200, page('Announcement'), 'One page of announcements'),
  },
  'announcements.store': {
    tag: 'Workspace',
    summary: 'Post an announcement',
    description: 'To the whole organisation, or to the members of chosen teams. Publishes `announcement.published`.',
    body: 'AnnouncementRequest',
    success: json(201, data('Announcement'), 'The new announcement'),
  },
  'announcements.show': {
    tag: 'Workspace',
    summary: 'One announcement with its counts',
    success: json(200, data('Announcement'), 'The announcement'),
  },
  'announcements.destroy': {
    tag: 'Workspace',
    summary: 'Withdraw an announcement',
    description: 'It leaves every inbox; its acknowledgements go with it.',
    success: noContent(),
  },
  'announcements.acknowledgements': {
    tag: 'Workspace',
    summary: 'Who acknowledged an announcement',
    description: 'Every active recipient and everyone who acknowledged it: acknowledged ones first (oldest first), then the others by name.',
    success: json(200, list('Acknowledgement'), 'The recipients'),
  },
  'announcements.inbox': {
    tag: 'Workspace',
    summary: 'The announcements addressed to you',
    description: 'Live ones (not expired) to the whole organisation or to a team you are a member of: unacknowledged first, urgent first, then newest; at most 200.',
    success: json(200, list('InboxAnnouncement'), 'Your announcements'),
  },
  'announcements.acknowledge': {
    tag: 'Workspace',
    summary: 'Acknowledge an announcement',
    description:
      'Only a live announcement addressed to you (404 otherwise). Acknowledging again changes nothing; the first time publishes `announcement.acknowledged`.',
    success: json(200, data('InboxAnnouncement'), 'The announcement, acknowledged'),
  },
  'reminders.index': {
    tag: 'Workspace',
    summary: 'Your reminders in a time range',
    description: 'Due at or after `from` and before `to` (both optional), by due time; at most 500.',
    query: [
      query('from', { type: 'string', format: 'date-time' }, 'Start of the range (inclusive)'),
      query('to', { type: 'string', format: 'date-time' }, 'End of the range (exclusive)'),
    ],
    success: json(200, list('Reminder'), 'Your reminders'),
  },
  'reminders.due': {
    tag: 'Workspace',
    summary: 'Your open reminders due by the end of today',
    description: 'Overdue ones included, in the organisation’s time zone, oldest first.',
    success: json(200, list('Reminder'), 'Your due reminders'),
  },
  'reminders.store': {
    tag: 'Workspace',
    summary: 'Add a reminder',
    body: 'ReminderRequest',
    success: json(201, data('Reminder'), 'The new reminder'),
  },
  'reminders.update': {
    tag: 'Workspace',
    summary: 'Change a reminder or mark it done',
    description: OWN,
    body: 'UpdateReminderRequest',
    success: json(200, data('Reminder'), 'The reminder'),
  },
  'reminders.destroy': {
    tag: 'Workspace',
    summary: 'Delete a reminder',
    description: OWN,
    success: noContent(),
  },

  'embedded_apps.index': {
    tag: 'Workspace',
    summary: 'Third-party apps framed in the agent workspace',
    description: 'In their order (position, then name).',
    success: json(200, list('EmbeddedApp'), 'The apps'),
  },
  'embedded_apps.store': {
    tag: 'Workspace',
    summary: 'Add an embedded app',
    description:
      'The URL template is an absolute http(s) URL that may use {ani} {dnis} {callId} {customerId} {queueId} {agentId} {tenant} outside its host; ' +
      'its origin becomes the origin the workspace’s SDK host trusts for this app. queueIds limit the app to calls of those queues (none = every queue); ' +
      'capabilities are what the app may ask of the agent SDK. 422 on `urlTemplate`, `queueIds.N` or `capabilities.N`.',
    body: 'EmbeddedAppRequest',
    success: json(201, data('EmbeddedApp'), 'The new app'),
  },
  'embedded_apps.update': { tag: 'Workspace', summary: 'Change an embedded app', body: 'UpdateEmbeddedAppRequest', success: json(200, data('EmbeddedApp'), 'The app') },
  'embedded_apps.destroy': { tag: 'Workspace', summary: 'Remove an embedded app', success: noContent() },
  'agent.embedded_apps': {
    tag: 'Workspace',
    summary: 'The enabled embedded apps, for the agent workspace',
    description: 'The workspace shows, for the current call, the apps with no queues or with the call’s queue, and fills the URL template from the call.',
    success: json(200, list('EmbeddedApp'), 'The enabled apps'),
  },
  'agent.embedded_apps_token': {
    tag: 'Workspace',
    summary: 'A short-lived REST token for an embedded app',
    description:
      'The workspace asks for it when the app calls `getAppToken()` through the SDK (the app never sees the agent’s session). The token lives ' +
      '10 minutes (never past the agent’s session, and it ends when the agent signs out or the app is changed), is accepted only with the ' +
      'app’s origin in `Origin`, only on routes that need a permission, and carries the agent’s permissions among customers.*, tickets.*, ' +
      'knowledge.view and queues.view. Answers from such requests carry `Access-Control-Allow-Origin` for that origin. 403 `E_CAPABILITY` when ' +
      'the app lacks `api.rest`; 404 for a disabled or unknown app.',
    success: json(201, data('AppToken'), 'The token, shown once'),
    errors: [403],
  },
}
