import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const priority = { type: 'string', enum: ['normal', 'urgent'], description: 'urgent ones come first in the inbox' }
const audience = { type: 'string', enum: ['organisation', 'teams'], description: 'organisation: every user; teams: the members of teamIds' }
const title = { type: 'string', minLength: 1, maxLength: 200 }
const reminderNote = nullable({ type: 'string', maxLength: 2000 })
const capability = { type: 'string', enum: ['agent.read', 'agent.state', 'calls.read', 'calls.control', 'calls.dial', 'calls.transfer', 'calls.disposition', 'recording.control', 'queues.read', 'api.rest'] }
const embeddedAppFields = {
  name: { type: 'string', minLength: 1, maxLength: 80 },
  urlTemplate: { type: 'string', minLength: 1, maxLength: 2000, description: 'e.g. https://crm.example.com/pop?phone={ani}&call={callId}&customer={customerId}' },
  queueIds: { type: 'array', maxItems: 200, uniqueItems: true, items: id },
  capabilities: { type: 'array', maxItems: 20, uniqueItems: true, items: capability },
  position: { type: 'integer', minimum: 0, maximum: 1000 },
  enabled: { type: 'boolean' },
}

/** The agent workspace: announcements and personal reminders (app/announcements). */
export const workspaceSchemas: SchemaMap = {
  Announcement: object({
    id,
    title: { type: 'string' },
    body: { type: 'string' },
    priority,
    audience,
    teams: { type: 'array', items: object({ id, name: { type: 'string' } }) },
    expiresAt: nullable({ ...when, description: 'After this it leaves the inbox' }),
    createdBy: nullable(id),
    createdByName: nullable({ type: 'string' }),
    createdAt: when,
    recipientCount: { type: 'integer', minimum: 0, description: 'Active users it is addressed to' },
    ackCount: { type: 'integer', minimum: 0, description: 'Users who acknowledged it' },
  }),
  AnnouncementRequest: input(
    {
      title,
      body: { type: 'string', minLength: 1, maxLength: 10000 },
      priority,
      audience,
      teamIds: { type: 'array', maxItems: 100, uniqueItems: true, items: id, description: 'With audience teams: at least one team of your organisation (422 `teamIds`); none otherwise' },
      expiresAt: nullable({ ...when, description: 'Optional; must be in the future (422 `expiresAt`)' }),
    },
    ['title', 'body', 'audience']
  ),
  InboxAnnouncement: object({
    id,
    title: { type: 'string' },
    body: { type: 'string' },
    priority,
    expiresAt: nullable(when),
    createdByName: nullable({ type: 'string' }),
    createdAt: when,
    acknowledgedAt: nullable({ ...when, description: 'When you acknowledged it; null while unread' }),
  }),
  Acknowledgement: object({
    userId: id,
    displayName: { type: 'string' },
    acknowledgedAt: nullable({ ...when, description: 'Null: addressed to them, not acknowledged yet' }),
  }),
  Reminder: object({
    id,
    title: { type: 'string' },
    note: nullable({ type: 'string' }),
    dueAt: when,
    customerId: nullable(id),
    customerName: nullable({ type: 'string' }),
    done: { type: 'boolean' },
    doneAt: nullable(when),
    createdAt: when,
    updatedAt: when,
  }),
  ReminderRequest: input(
    { title, note: reminderNote, dueAt: when, customerId: nullable({ ...id, description: 'A customer you see (422 `customerId` otherwise)' }) },
    ['title', 'dueAt']
  ),
  UpdateReminderRequest: input({ title, note: reminderNote, dueAt: when, customerId: nullable(id), done: { type: 'boolean' } }),

  EmbeddedApp: object({
    id,
    name: { type: 'string' },
    urlTemplate: { type: 'string' },
    origin: { type: 'string', description: 'Scheme, host and port of the app (what the SDK host trusts)' },
    queueIds: { type: 'array', items: id, description: 'Empty: every queue' },
    capabilities: { type: 'array', items: capability },
    position: { type: 'integer' },
    enabled: { type: 'boolean' },
    createdAt: when,
    updatedAt: when,
  }),
  AppToken: object({
    token: { type: 'string', description: 'Send as `Authorization: Bearer …` from the app’s origin' },
    expiresAt: when,
    origin: { type: 'string', description: 'The only origin the token is accepted from' },
    permissions: { type: 'array', items: { type: 'string' }, description: 'What the token may do (a subset of the agent’s permissions)' },
  }),
  EmbeddedAppRequest: input(embeddedAppFields, ['name', 'urlTemplate']),
  UpdateEmbeddedAppRequest: input(embeddedAppFields),
}
