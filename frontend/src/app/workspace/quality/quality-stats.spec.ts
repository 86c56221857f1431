import { estimateMos, readQuality } from './quality-stats';

/** A fake RTCStatsReport: a Map of stats by id is all readQuality reads. */
const report = (...stats: Record<string, unknown>[]): RTCStatsReport =>
  new Map(stats.map((stat, index) => [String(index), stat])) as unknown as RTCStatsReport;

const received = (lost: number, packets: number, jitter = 0.012) => ({
  type: 'inbound-rtp',
  kind: 'audio',
  jitter,
  packetsLost: lost,
  packetsReceived: packets,
});

describe('readQuality', () => {
  it('reads jitter, loss and the selected pair’s round-trip time in milliseconds', () => {
    const { sample, counters } = readQuality(
      [
        report(received(5, 95), {
          type: 'candidate-pair',
          nominated: true,
          state: 'succeeded',
          currentRoundTripTime: 0.08,
        }),
        report({
          type: 'remote-inbound-rtp',
          kind: 'audio',
          jitter: 0.02,
          fractionLost: 0.01,
          roundTripTime: 0.3,
        }),
      ],
      null,
    );
    expect(sample).toEqual({ jitterMs: 20, packetLossPct: 5, rttMs: 80, mos: expect.any(Number) });
    expect(sample!.mos).toBeGreaterThan(3);
    expect(counters).toEqual({ lost: 5, received: 95 });
  });

  it('measures loss over the interval since the previous reading', () => {
    const { sample } = readQuality([report(received(6, 195))], { lost: 5, received: 95 });
    expect(sample!.packetLossPct).toBeCloseTo(0.99, 2);
  });

  it('falls back to the RTCP round-trip time and says nothing without audio stats', () => {
    const rtcp = readQuality(
      [report({ type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.12, fractionLost: 0 })],
      null,
    );
    expect(rtcp.sample!.rttMs).toBe(120);
    expect(readQuality([report({ type: 'transport' })], null).sample).toBeNull();
    expect(readQuality([], null).sample).toBeNull();
  });

  it('rates a clean line near 4.4 and a lossy, slow one poorly', () => {
    expect(estimateMos(5, 0, 40)).toBeGreaterThan(4.3);
    expect(estimateMos(80, 15, 600)).toBeLessThan(2.5);
  });
});
