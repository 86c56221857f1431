import { data, json, list, noContent, page, parameter, query, type OperationMap } from '#platform/openapi/spec'

const TASK_SCOPE =
  'You see the tasks given to you and to the teams you belong to or supervise; `customers.view_all` shows every task. A task outside that scope answers 404.'
const CLOSE_RULE =
  'Its assignee, a member of its team while nobody has claimed it, or a holder of customers.manage may (403 otherwise); a closed task answers 409.'

/** Customer care: care rules and care tasks (app/crm). */
export const crmCareOperations: OperationMap = {
  'care_rules.index': {
    tag: 'Customers',
    summary: 'The organisation’s care rules',
    description: 'Oldest first, each with its number of open tasks.',
    success: json(200, list('CareRule'), 'The care rules'),
  },
  'care_rules.store': {
    tag: 'Customers',
    summary: 'Define a care rule',
    description:
      'Each kind needs its own settings and no others (422 on the field): anniversary `fieldKey` (a date custom field) and `daysBefore`; periodic `intervalDays`; ' +
      'post_service `trackingType` and `daysAfter`. The title template may use {name}, {date} and {years} (422 `titleTemplate` for others). ' +
      'The generator runs in every backend process about once a minute and creates tasks due within the next 7 days in the organisation’s time zone; ' +
      'a task is unique per rule, customer and occurrence.',
    body: 'CareRuleRequest',
    success: json(201, data('CareRule'), 'The new rule'),
  },
  'care_rules.update': {
    tag: 'Customers',
    summary: 'Change a care rule',
    description: 'The kind stays. Tasks already generated keep their title, due date and assignee.',
    body: 'UpdateCareRuleRequest',
    success: json(200, data('CareRule'), 'The rule'),
  },
  'care_rules.destroy': {
    tag: 'Customers',
    summary: 'Delete a care rule',
    description: 'Its open tasks go too; done and skipped tasks stay without their rule.',
    success: noContent(),
  },
  'care_tasks.index': {
    tag: 'Customers',
    summary: 'Care tasks, paged',
    description: `${TASK_SCOPE} Open tasks come by due date; with when=all, open ones first then the newest.`,
    query: [
      query('when', { type: 'string', enum: ['due', 'overdue', 'upcoming', 'all'] }, 'due (default): open and due by today, overdue included; overdue: open and due before today; upcoming: open and due later; all: any status'),
      query('status', { type: 'string', enum: ['open', 'done', 'skipped'] }, 'With when=all: only this status'),
      query('assigned', { type: 'string', enum: ['any', 'mine', 'me', 'unclaimed'] }, 'any (default): every task you see; mine: yours and your teams’ unclaimed ones; me: yours; unclaimed: your teams’ unclaimed ones'),
      query('customerId', { type: 'string', format: 'uuid' }, 'Only this customer’s tasks'),
      parameter('Page'),
      parameter('PerPage'),
    ],
    success: json(200, page('CareTask'), 'One page of tasks'),
  },
  'care_tasks.summary': {
    tag: 'Customers',
    summary: 'Your open care tasks counted by due date (the badge)',
    description: 'Counts your tasks and your teams’ unclaimed ones, in the organisation’s time zone.',
    success: json(200, data('CareTaskSummary'), 'The counts'),
  },
  'care_tasks.claim': {
    tag: 'Customers',
    summary: 'Claim a team’s care task',
    description: `Members of the task’s team (or its supervisors) may claim an unclaimed task (403 otherwise); claimed by someone else or closed answers 409. ${TASK_SCOPE}`,
    success: json(200, data('CareTask'), 'The task, now yours'),
    errors: [409],
  },
  'care_tasks.done': {
    tag: 'Customers',
    summary: 'Mark a care task done',
    description: `With trackingType, a tracking record of the customer is logged (owned by you, with the outcome) and linked. ${CLOSE_RULE} ${TASK_SCOPE}`,
    body: 'CompleteCareTaskRequest',
    success: json(200, data('CareTask'), 'The task'),
    errors: [409],
  },
  'care_tasks.skip': {
    tag: 'Customers',
    summary: 'Skip a care task',
    description: `${CLOSE_RULE} ${TASK_SCOPE}`,
    body: 'SkipCareTaskRequest',
    success: json(200, data('CareTask'), 'The task'),
    errors: [409],
  },
}
