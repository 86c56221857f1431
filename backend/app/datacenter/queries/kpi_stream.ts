import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import type { KpiRow } from '@cc/analytics'
import type { TenantScope } from '#shared/scope'
import { FieldError } from '#shared/errors'
import { checkRange, kpiReader, type KpiMeta, type KpiQueryInput, type KpiRange } from '#datacenter/queries/kpi_query'

/** Groupings whose keys name a time inside one calendar month: their rows can come a month at a time. */
const TIME_DIMENSIONS = new Set<KpiQueryInput['by']>(['interval_15m', 'hour', 'day'])

/** One line of the NDJSON answer of `GET /datacenter/kpis/stream`. */
export type KpiStreamLine =
  | { type: 'meta'; meta: KpiMeta; chunks: number }
  | { type: 'rows'; rows: KpiRow[]; done: number; total: number }
  | { type: 'end' }
  | { type: 'error'; error: { code: string; message: string; field?: string } }

/**
 * The range cut at the start of every calendar month in the time zone for the time groupings (a
 * day, hour or interval never straddles two pieces, so the pieces' rows together are the whole
 * range's rows); one piece for the other groupings, whose rows would have to be merged.
 */
export function chunksOf(range: KpiRange, by: KpiQueryInput['by'], timeZone: string): KpiRange[] {
  if (!TIME_DIMENSIONS.has(by)) return [range]
  const chunks: KpiRange[] = []
  let from = range.from
  let next = DateTime.fromJSDate(range.from, { zone: timeZone }).startOf('month').plus({ months: 1 })
  while (next.toMillis() < range.to.getTime()) {
    chunks.push({ from, to: next.toJSDate() })
    from = next.toJSDate()
    next = next.plus({ months: 1 })
  }
  chunks.push({ from, to: range.to })
  return chunks
}

/**
 * Opens a KPI answer that comes a piece at a time: a meta line, one rows line per piece of the
 * range (in time order), then an end line. Bad input throws here, before anything is sent (a
 * normal 422); a failure while streaming becomes an error line. The pieces are read from the
 * analytics store only, so the lines may be produced after the request's transaction ended.
 */
export async function openKpiStream(scope: TenantScope, input: KpiQueryInput): Promise<AsyncGenerator<KpiStreamLine>> {
  checkRange(input)
  const reader = await kpiReader(scope, input)
  const chunks = chunksOf(input, input.by ?? 'total', reader.settings.timeZone)
  // A single piece is read now: its labels belong in the meta line, and its errors are still a 422.
  const first = chunks.length === 1 ? await reader.rows(chunks[0]) : null
  const meta = await reader.meta(scope, first ?? [])
  return (async function* lines(): AsyncGenerator<KpiStreamLine> {
    yield { type: 'meta', meta, chunks: chunks.length }
    try {
      for (const [index, chunk] of chunks.entries()) {
        const rows = first ?? (await reader.rows(chunk))
        yield { type: 'rows', rows, done: index + 1, total: chunks.length }
      }
      yield { type: 'end' }
    } catch (error) {
      yield { type: 'error', error: errorOf(error) }
    }
  })()
}

/** What a client may learn of a failure mid-stream: a field error as it is, anything else without internals. */
function errorOf(error: unknown): { code: string; message: string; field?: string } {
  if (error instanceof FieldError) return { code: 'E_VALIDATION_ERROR', message: error.message, field: error.field }
  logger.error({ err: error }, 'datacenter: a KPI stream failed')
  return { code: 'E_INTERNAL', message: 'The numbers could not be read; try again' }
}
