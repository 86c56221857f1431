/** One call-quality sample, as the backend stores it. */
export interface QualitySample {
  readonly jitterMs: number;
  readonly packetLossPct: number;
  readonly rttMs: number;
  readonly mos: number;
}

/** Packet counters of the last reading, so loss is measured over the interval, not the whole call. */
export interface PacketCounters {
  readonly lost: number;
  readonly received: number;
}

/** A reading: the sample (null without audio stats) and the counters for the next one. */
export interface QualityReading {
  readonly sample: QualitySample | null;
  readonly counters: PacketCounters;
}

type Stat = Record<string, unknown> & { type: string };

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Reads jitter, packet loss and round-trip time out of WebRTC stats reports (of the published
 * microphone and the received audio): the worst jitter of both directions, the loss of received
 * audio since `previous` (or the loss the far end reports for ours), the round-trip time of the
 * selected candidate pair (or of RTCP).
 */
export function readQuality(
  reports: readonly RTCStatsReport[],
  previous: PacketCounters | null,
): QualityReading {
  const stats: Stat[] = reports.flatMap((report) => [...report.values()] as Stat[]);
  const audio = (stat: Stat) => stat['kind'] === 'audio' || stat['mediaType'] === 'audio';
  const inbound = stats.filter((s) => s.type === 'inbound-rtp' && audio(s));
  const remoteInbound = stats.filter((s) => s.type === 'remote-inbound-rtp' && audio(s));
  const counters: PacketCounters = {
    lost: inbound.reduce((sum, s) => sum + Math.max(0, num(s['packetsLost']) ?? 0), 0),
    received: inbound.reduce((sum, s) => sum + (num(s['packetsReceived']) ?? 0), 0),
  };
  if (!inbound.length && !remoteInbound.length) return { sample: null, counters };

  const jitters = [...inbound, ...remoteInbound]
    .map((s) => num(s['jitter']))
    .filter((v): v is number => v !== null);
  const jitterMs = jitters.length ? Math.max(...jitters) * 1000 : 0;

  const lost = counters.lost - (previous?.lost ?? 0);
  const received = counters.received - (previous?.received ?? 0);
  const fractions = remoteInbound
    .map((s) => num(s['fractionLost']))
    .filter((v): v is number => v !== null);
  const sentLossPct = fractions.length ? Math.max(...fractions) * 100 : 0;
  const receivedLossPct = lost > 0 && lost + received > 0 ? (lost / (lost + received)) * 100 : 0;
  const packetLossPct = clamp(Math.max(receivedLossPct, sentLossPct), 0, 100);

  const pair = stats.find(
    (s) =>
      s.type === 'candidate-pair' &&
      (s['selected'] === true || (s['nominated'] === true && s['state'] === 'succeeded')) &&
      num(s['currentRoundTripTime']) !== null,
  );
  const rtcpRtt = remoteInbound.map((s) => num(s['roundTripTime'])).find((v) => v !== null);
  const rttMs = ((pair ? num(pair['currentRoundTripTime']) : null) ?? rtcpRtt ?? 0) * 1000;

  return {
    sample: {
      jitterMs: round(clamp(jitterMs, 0, 10000)),
      packetLossPct: round(packetLossPct),
      rttMs: round(clamp(rttMs, 0, 60000)),
      mos: estimateMos(jitterMs, packetLossPct, rttMs),
    },
    counters,
  };
}

/** A mean opinion score (1..5) from the ITU-T E-model, simplified for a narrow-band codec. */
export function estimateMos(jitterMs: number, packetLossPct: number, rttMs: number): number {
  const latency = rttMs / 2 + jitterMs * 2 + 10;
  const delayPenalty = latency < 160 ? latency / 40 : (latency - 120) / 10;
  const r = clamp(93.2 - delayPenalty - packetLossPct * 2.5, 0, 100);
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return round(clamp(mos, 1, 5));
}
