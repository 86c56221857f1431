import { AppError, notFound } from '#shared/errors'
import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'

/** One quality reading of the agent's browser, as WebRTC measured it. */
export type QualitySample = { jitterMs: number; packetLossPct: number; rttMs: number; mos?: number | null }

/** Average and worst quality of a call, over every sample so far. */
export type CallQuality = {
  callId: string
  samples: number
  jitterMs: { avg: number | null; max: number | null }
  packetLossPct: { avg: number | null; max: number | null }
  rttMs: { avg: number | null; max: number | null }
  mos: { avg: number | null; min: number | null }
}

/**
 * Stores a sample from the agent connected to the call (404 for anyone else, 409 once the call is
 * not connected). Not audited and no event: it is telemetry, sent every 10 s.
 */
export async function recordCallQuality(scope: TenantScope, userId: string, callId: string, sample: QualitySample): Promise<CallQuality> {
  const call = await scope.trx.from('calls').where('tenant_id', scope.tenantId).where('id', callId).select('agent_id', 'status').first()
  if (!call || call.agent_id !== userId) throw notFound('Call')
  if (call.status !== 'connected') throw new AppError(409, 'E_CONFLICT', 'The call is not connected')
  await scope.trx.table('call_quality_samples').insert({
    tenant_id: scope.tenantId,
    id: newId(),
    call_id: callId,
    user_id: userId,
    jitter_ms: sample.jitterMs,
    packet_loss_pct: sample.packetLossPct,
    rtt_ms: sample.rttMs,
    mos: sample.mos ?? null,
  })
  return callQuality(scope, callId)
}

/** The call's average and worst jitter, loss, round-trip time and MOS. */
export async function callQuality(scope: TenantScope, callId: string): Promise<CallQuality> {
  const row = await scope.trx
    .from('call_quality_samples')
    .where('tenant_id', scope.tenantId)
    .where('call_id', callId)
    .select(
      scope.trx.raw('count(*)::int as samples'),
      scope.trx.raw('avg(jitter_ms)::float8 as jitter_avg, max(jitter_ms)::float8 as jitter_max'),
      scope.trx.raw('avg(packet_loss_pct)::float8 as loss_avg, max(packet_loss_pct)::float8 as loss_max'),
      scope.trx.raw('avg(rtt_ms)::float8 as rtt_avg, max(rtt_ms)::float8 as rtt_max'),
      scope.trx.raw('avg(mos)::float8 as mos_avg, min(mos)::float8 as mos_min')
    )
    .first()
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)
  return {
    callId,
    samples: row?.samples ?? 0,
    jitterMs: { avg: round(row?.jitter_avg ?? null), max: round(row?.jitter_max ?? null) },
    packetLossPct: { avg: round(row?.loss_avg ?? null), max: round(row?.loss_max ?? null) },
    rttMs: { avg: round(row?.rtt_avg ?? null), max: round(row?.rtt_max ?? null) },
    mos: { avg: round(row?.mos_avg ?? null), min: round(row?.mos_min ?? null) },
  }
}
