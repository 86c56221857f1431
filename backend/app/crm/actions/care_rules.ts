import { newId } from '#shared/ids'
import { FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import type { TrackingType } from '#crm/queries/tracking_query'
import { type CareAssignee, type CareRule, type CareRuleKind, findCareRule } from '#crm/queries/care_query'

/** The placeholders a title template may use: the customer's name, the occurrence's date, the years since the date (anniversaries). */
export const TITLE_PLACEHOLDERS = ['name', 'date', 'years'] as const

/** The settings of a care rule; on update every one is optional and the kind stays. */
export interface CareRuleInput {
  name?: string
  kind?: CareRuleKind
  fieldKey?: string | null
  daysBefore?: number | null
  intervalDays?: number | null
  trackingType?: TrackingType | null
  daysAfter?: number | null
  titleTemplate?: string
  assignee?: CareAssignee
  teamId?: string | null
  tag?: string | null
  customerStatus?: 'active' | 'inactive' | null
  active?: boolean
}

/** The settings each kind needs; the others must stay empty. */
const KIND_SETTINGS: Record<CareRuleKind, Array<keyof CareRuleInput>> = {
  anniversary: ['fieldKey', 'daysBefore'],
  periodic: ['intervalDays'],
  post_service: ['trackingType', 'daysAfter'],
}
const KIND_SPECIFIC: Array<keyof CareRuleInput> = ['fieldKey', 'daysBefore', 'intervalDays', 'trackingType', 'daysAfter']

const COLUMNS = {
  name: 'name',
  fieldKey: 'field_key',
  daysBefore: 'days_before',
  intervalDays: 'interval_days',
  trackingType: 'tracking_type',
  daysAfter: 'days_after',
  titleTemplate: 'title_template',
  assignee: 'assignee',
  teamId: 'team_id',
  tag: 'tag',
  customerStatus: 'customer_status',
  active: 'active',
} as const

/** Checks a rule as it will be stored (the current settings merged with the change); a problem is a 422 on its field. */
async function checkRule(scope: TenantScope, rule: CareRuleInput & { kind: CareRuleKind }) {
  const needed = KIND_SETTINGS[rule.kind]
  for (const field of KIND_SPECIFIC) {
    const value = rule[field]
    if (needed.includes(field) && (value === null || value === undefined)) throw new FieldError(field, 'required', `A ${rule.kind} rule needs ${field}`)
    if (!needed.includes(field) && value !== null && value !== undefined) throw new FieldError(field, 'notAllowed', `A ${rule.kind} rule has no ${field}`)
  }
  if (rule.kind === 'anniversary') {
    const field = await scope.trx.from('customer_fields').where('tenant_id', scope.tenantId).where('key', rule.fieldKey!).first()
    if (!field) throw new FieldError('fieldKey', 'exists', 'The field must be a custom field of your organisation')
    if (field.type !== 'date') throw new FieldError('fieldKey', 'dateField', 'The field must be a date field')
  }
  if (rule.assignee === 'team' && !rule.teamId) throw new FieldError('teamId', 'required', 'A rule for a team needs the team')
  if (rule.teamId) {
    const team = await scope.trx.from('teams').where('tenant_id', scope.tenantId).where('id', rule.teamId).first()
    if (!team) throw new FieldError('teamId', 'exists', 'The team must be a team of your organisation')
  }
  for (const match of rule.titleTemplate!.matchAll(/\{([^}]*)\}/g)) {
    if (!(TITLE_PLACEHOLDERS as readonly string[]).includes(match[1])) {
      throw new FieldError('titleTemplate', 'placeholder', `Unknown placeholder {${match[1]}}; use ${TITLE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`)
    }
  }
}

function columnsOf(input: CareRuleInput) {
  const columns: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = input[field as keyof typeof COLUMNS]
    if (value !== undefined) columns[column] = value
  }
  return columns
}

/** Defines a care rule; the generator picks it up on its next pass. */
export async function createCareRule(scope: TenantScope, input: CareRuleInput & { name: string; kind: CareRuleKind; titleTemplate: string; assignee: CareAssignee }): Promise<CareRule> {
  await checkRule(scope, input)
  const id = newId()
  await scope.trx.table('care_rules').insert({
    ...columnsOf(input),
    tenant_id: scope.tenantId,
    id,
    kind: input.kind,
    created_by: scope.actor.type === 'user' ? scope.actor.id : null,
  })
  await recordEvent(scope, { type: 'care_rule.created', entityType: 'care_rule', entityId: id, payload: { kind: input.kind, assignee: input.assignee, teamId: input.teamId ?? null } })
  return findCareRule(scope, id)
}

/** Changes a care rule. Tasks already generated keep their title, due date and assignee. */
export async function updateCareRule(scope: TenantScope, id: string, input: CareRuleInput): Promise<CareRule> {
  const current = await findCareRule(scope, id)
  const { kind: _kind, ...change } = input
  await checkRule(scope, { ...current, ...change, kind: current.kind })
  await scope.trx
    .from('care_rules')
    .where('tenant_id', scope.tenantId)
    .where('id', id)
    .update({ ...columnsOf(change), updated_at: new Date() })
  const changed = Object.entries(change).filter(([, value]) => value !== undefined).map(([key]) => key)
  await recordEvent(scope, { type: 'care_rule.updated', entityType: 'care_rule', entityId: id, payload: { changed } })
  return findCareRule(scope, id)
}

/** Deletes a care rule and its open tasks; done and skipped tasks stay as history without their rule. */
export async function deleteCareRule(scope: TenantScope, id: string): Promise<CareRule> {
  const current = await findCareRule(scope, id)
  const removed = await scope.trx.from('care_tasks').where('tenant_id', scope.tenantId).where('rule_id', id).where('status', 'open').delete()
  await scope.trx.from('care_rules').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'care_rule.deleted', entityType: 'care_rule', entityId: id, payload: { kind: current.kind, openTasksRemoved: Number(removed) } })
  return current
}
