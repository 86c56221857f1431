import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const day = { type: 'string', format: 'date', description: 'A calendar date in the organisation’s time zone, YYYY-MM-DD' }
const kind = {
  type: 'string',
  enum: ['anniversary', 'periodic', 'post_service'],
  description: 'anniversary: yearly on a date custom field; periodic: every intervalDays since the last contact; post_service: daysAfter days after a tracking record of trackingType',
}
const trackingType = { type: 'string', enum: ['call', 'follow_up', 'visit', 'email', 'note'] }
const assignee = { type: 'string', enum: ['owner', 'team'], description: 'owner: the customer’s owner (customers without one go to teamId when set); team: teamId, whose members claim the tasks' }
const taskStatus = { type: 'string', enum: ['open', 'done', 'skipped'] }
const customerStatus = { type: 'string', enum: ['active', 'inactive'] }
/** An enum or JSON null (`nullable` would widen the type but keep null out of the enum). */
const enumOrNull = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] })

const ruleSettings = {
  fieldKey: nullable({ type: 'string', pattern: '^[a-z0-9_]{1,40}$', description: 'anniversary only: the key of a date custom field (422 `fieldKey` when it is none)' }),
  daysBefore: nullable({ type: 'integer', minimum: 0, maximum: 60, description: 'anniversary only: how many days before each recurrence the task is due' }),
  intervalDays: nullable({ type: 'integer', minimum: 1, maximum: 3650, description: 'periodic only: days since the last contact' }),
  trackingType: enumOrNull({ ...trackingType, description: 'post_service only: the kind of tracking record that starts a follow-up' }),
  daysAfter: nullable({ type: 'integer', minimum: 0, maximum: 365, description: 'post_service only: days after the tracking record' }),
  teamId: nullable({ ...id, description: 'Required when assignee is team; must be a team of your organisation (422 `teamId`)' }),
  tag: nullable({ type: 'string', minLength: 1, maxLength: 40, description: 'Only customers with this tag' }),
  customerStatus: enumOrNull({ ...customerStatus, description: 'Only customers with this status' }),
  active: { type: 'boolean', description: 'Inactive rules generate nothing (default true)' },
}
const name = { type: 'string', minLength: 1, maxLength: 120 }
const titleTemplate = { type: 'string', minLength: 1, maxLength: 200, description: 'The task title; {name} is the customer’s name, {date} the occurrence’s date, {years} the years since the date (anniversaries)' }

/** Customer care: rules and the tasks they generate (app/crm). */
export const crmCareSchemas: SchemaMap = {
  CareRule: object({
    id,
    name: { type: 'string' },
    kind,
    fieldKey: nullable({ type: 'string' }),
    daysBefore: nullable({ type: 'integer' }),
    intervalDays: nullable({ type: 'integer' }),
    trackingType: enumOrNull(trackingType),
    daysAfter: nullable({ type: 'integer' }),
    titleTemplate: { type: 'string' },
    assignee,
    teamId: nullable(id),
    teamName: nullable({ type: 'string' }),
    tag: nullable({ type: 'string' }),
    customerStatus: enumOrNull(customerStatus),
    active: { type: 'boolean' },
    openTasks: { type: 'integer', minimum: 0, description: 'Open tasks of the rule' },
    lastRunAt: nullable({ ...when, description: 'When the generator last went through the rule' }),
    createdAt: when,
    updatedAt: when,
  }),
  CareRuleRequest: input({ name, kind, titleTemplate, assignee, ...ruleSettings }, ['name', 'kind', 'titleTemplate', 'assignee']),
  UpdateCareRuleRequest: input({ name, titleTemplate, assignee, ...ruleSettings }),
  CareTask: object({
    id,
    ruleId: nullable({ ...id, description: 'Null once the rule was deleted' }),
    ruleName: nullable({ type: 'string' }),
    kind,
    customerId: id,
    customerName: { type: 'string' },
    title: { type: 'string' },
    dueDate: day,
    occurrence: { type: 'string', description: 'What the task is for, unique per rule and customer: the anniversary’s date, the contact date counted from, or the tracking record' },
    status: taskStatus,
    overdue: { type: 'boolean', description: 'Open and due before today' },
    assigneeUserId: nullable(id),
    assigneeUserName: nullable({ type: 'string' }),
    assigneeTeamId: nullable(id),
    assigneeTeamName: nullable({ type: 'string' }),
    claimedAt: nullable(when),
    sourceTrackingRecordId: nullable({ ...id, description: 'post_service: the tracking record the follow-up is for' }),
    trackingRecordId: nullable({ ...id, description: 'The tracking record logged when the task was done' }),
    outcome: nullable({ type: 'string' }),
    note: nullable({ type: 'string' }),
    completedAt: nullable(when),
    completedBy: nullable(id),
    completedByName: nullable({ type: 'string' }),
    createdAt: when,
  }),
  CareTaskSummary: object({
    today: day,
    overdue: { type: 'integer', minimum: 0 },
    dueToday: { type: 'integer', minimum: 0 },
    due: { type: 'integer', minimum: 0, description: 'overdue + dueToday: the badge' },
    upcoming: { type: 'integer', minimum: 0 },
    unclaimed: { type: 'integer', minimum: 0, description: 'Open tasks of your teams nobody has claimed' },
  }),
  CompleteCareTaskRequest: input({
    outcome: nullable({ type: 'string', maxLength: 64 }),
    note: nullable({ type: 'string', maxLength: 4000 }),
    trackingType: enumOrNull({ ...trackingType, description: 'Log a tracking record of this type on the customer (content: the note, else the title)' }),
  }),
  SkipCareTaskRequest: input({ note: nullable({ type: 'string', maxLength: 4000, description: 'Why it was skipped' }) }),
}
