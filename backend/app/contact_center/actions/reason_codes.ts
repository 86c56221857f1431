import { newId } from '#shared/ids'
import { FieldError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'

/** The reason code the ACD sets when an agent lets an offer ring out; never chosen by people. */
export const SYSTEM_REASON_NO_ANSWER = 'no_answer'

/** The reason codes every organisation starts with. */
export const DEFAULT_REASON_CODES = [
  { code: 'break', label: 'Break' },
  { code: 'lunch', label: 'Lunch' },
  { code: 'meeting', label: 'Meeting' },
  { code: 'training', label: 'Training' },
] as const

/** The API shape of a reason code. */
export interface ReasonCode {
  id: string
  code: string
  label: string
  active: boolean
  position: number
}

function toReasonCode(row: Record<string, any>): ReasonCode {
  return { id: row.id, code: row.code, label: row.label, active: row.active, position: row.position }
}

/** The tenant's reason codes in the order agents see them. */
export async function listReasonCodes(scope: TenantScope): Promise<ReasonCode[]> {
  const rows = await scope.trx.from('reason_codes').where('tenant_id', scope.tenantId).orderBy([{ column: 'position' }, { column: 'code' }])
  return rows.map(toReasonCode)
}

/** One reason code, or 404. */
export async function findReasonCode(scope: TenantScope, id: string): Promise<ReasonCode> {
  const row = await scope.trx.from('reason_codes').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Reason code')
  return toReasonCode(row)
}

/** Creates a reason code; its code is unique in the tenant and `no_answer` is reserved. */
export async function createReasonCode(scope: TenantScope, input: { code: string; label: string; active?: boolean; position?: number }) {
  if (input.code === SYSTEM_REASON_NO_ANSWER) throw new FieldError('code', 'reserved', 'no_answer is set by the system only')
  const taken = await scope.trx.from('reason_codes').where('tenant_id', scope.tenantId).where('code', input.code).first()
  if (taken) throw new FieldError('code', 'unique', 'A reason code with this code already exists')
  const position = input.position ?? Number((await scope.trx.from('reason_codes').where('tenant_id', scope.tenantId).max('position as p').first())?.p ?? 0) + 1
  const id = newId()
  await scope.trx.table('reason_codes').insert({ tenant_id: scope.tenantId, id, code: input.code, label: input.label, active: input.active ?? true, position })
  await recordEvent(scope, { type: 'reason_code.created', entityType: 'reason_code', entityId: id, payload: { code: input.code, label: input.label } })
  return findReasonCode(scope, id)
}

/** Changes a reason code's label, order or whether agents may choose it. */
export async function updateReasonCode(scope: TenantScope, id: string, input: { label?: string; active?: boolean; position?: number }) {
  await findReasonCode(scope, id)
  const changes: Record<string, unknown> = {}
  if (input.label !== undefined) changes.label = input.label
  if (input.active !== undefined) changes.active = input.active
  if (input.position !== undefined) changes.position = input.position
  if (Object.keys(changes).length) await scope.trx.from('reason_codes').where('tenant_id', scope.tenantId).where('id', id).update(changes)
  await recordEvent(scope, { type: 'reason_code.updated', entityType: 'reason_code', entityId: id, payload: input })
  return findReasonCode(scope, id)
}

/** Deletes a reason code; the state history keeps the code text, so nothing dangles. */
export async function deleteReasonCode(scope: TenantScope, id: string) {
  const current = await findReasonCode(scope, id)
  await scope.trx.from('reason_codes').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'reason_code.deleted', entityType: 'reason_code', entityId: id, payload: { code: current.code } })
  return current
}

/** Gives a new organisation the default reason codes (signup). */
export async function seedDefaultReasonCodes(scope: TenantScope) {
  await scope.trx.table('reason_codes').insert(
    DEFAULT_REASON_CODES.map((r, i) => ({ tenant_id: scope.tenantId, id: newId(), code: r.code, label: r.label, position: i + 1 }))
  )
}

/**
 * The reason a person may put an agent not ready with: an active code of the tenant, or, when
 * none is given, the tenant's first active code. Anything else is a 422 on `reason`.
 */
export async function assertReasonCode(scope: TenantScope, code: string | null | undefined): Promise<string> {
  const query = scope.trx.from('reason_codes').where('tenant_id', scope.tenantId).where('active', true)
  const row = code ? await query.where('code', code).first() : await query.orderBy([{ column: 'position' }, { column: 'code' }]).first()
  if (row) return row.code
  if (code) throw new FieldError('reason', 'exists', `"${code}" is not an active reason code`)
  throw new FieldError('reason', 'required', 'Your organisation has no active reason code; ask an administrator to add one')
}
