import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { applyDataScope, type CustomerViewer } from '#crm/queries/customer_query'
import { compileSegmentRules, customFieldTypes, type SegmentRules } from '#crm/queries/segment_rules'
import type { CustomerFieldType } from '#crm/actions/customer_fields'

/** A saved segment with its member count as the viewer sees it (computed live, within their data scope). */
export interface Segment {
  id: string
  name: string
  description: string | null
  rules: SegmentRules
  memberCount: number
  createdBy: string | null
  createdByName: string | null
  createdAt: string
  updatedAt: string
}

/** Segments counted in one scan of the customers table per chunk, so the bindings stay well below PostgreSQL's limit. */
const COUNT_CHUNK = 20

function segmentsQuery(scope: TenantScope) {
  return scope.trx
    .from('customer_segments as s')
    .leftJoin('users as u', (join) => join.on('u.tenant_id', 's.tenant_id').andOn('u.id', 's.created_by'))
    .where('s.tenant_id', scope.tenantId)
    .select('s.*', 'u.display_name as created_by_name')
}

/** How many customers the viewer sees that match each set of rules: one pass over the customers per chunk. */
export async function countMembers(scope: TenantScope, viewer: CustomerViewer, rulesList: SegmentRules[], types?: Map<string, CustomerFieldType>): Promise<number[]> {
  const fieldTypes = types ?? (await customFieldTypes(scope))
  const counts: number[] = []
  for (let start = 0; start < rulesList.length; start += COUNT_CHUNK) {
    const query = applyDataScope(scope.trx.from('customers as c').where('c.tenant_id', scope.tenantId), scope, viewer)
    rulesList.slice(start, start + COUNT_CHUNK).forEach((rules, i) => {
      const compiled = compileSegmentRules(rules, fieldTypes)
      query.select(scope.trx.raw(`(count(*) filter (where ${compiled.sql}))::int as "n${i}"`, compiled.bindings as any[]))
    })
    const row = await query.first()
    rulesList.slice(start, start + COUNT_CHUNK).forEach((_, i) => counts.push(Number(row?.[`n${i}`] ?? 0)))
  }
  return counts
}

function toSegment(row: Record<string, any>, memberCount: number): Segment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    rules: row.rules,
    memberCount,
    createdBy: row.created_by,
    createdByName: row.created_by_name ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

/** Every segment of the tenant by name, each with its live member count in the viewer's scope. */
export async function listSegments(scope: TenantScope, viewer: CustomerViewer): Promise<Segment[]> {
  const rows = await segmentsQuery(scope).orderByRaw('lower(s.name), s.id')
  const counts = await countMembers(scope, viewer, rows.map((r) => r.rules as SegmentRules))
  return rows.map((row, i) => toSegment(row, counts[i]))
}

/** One segment with its live member count in the viewer's scope, or 404. */
export async function findSegment(scope: TenantScope, viewer: CustomerViewer, id: string): Promise<Segment> {
  const row = await segmentsQuery(scope).where('s.id', id).first()
  if (!row) throw notFound('Segment')
  const [count] = await countMembers(scope, viewer, [row.rules])
  return toSegment(row, count)
}
