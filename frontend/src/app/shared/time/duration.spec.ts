import { elapsedSince, formatDuration, secondsUntil } from './duration';

describe('durations', () => {
  it('writes a short span as minutes and seconds', () => {
    expect(formatDuration(65_400)).toBe('01:05');
  });

  it('adds hours once a span passes an hour', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('counts a span that lies in the future as zero', () => {
    expect(formatDuration(-5000)).toBe('00:00');
  });

  it('measures the time since a timestamp', () => {
    const now = Date.parse('2026-11-29T10:01:30Z');
    expect(elapsedSince('2026-11-29T10:00:00Z', now)).toBe('01:30');
    expect(elapsedSince(null, now)).toBeNull();
  });

  it('rounds the seconds left up and stops at zero', () => {
    const now = Date.parse('2026-11-29T10:00:00.500Z');
    expect(secondsUntil('2026-11-29T10:00:10Z', now)).toBe(10);
    expect(secondsUntil('2026-11-29T09:59:00Z', now)).toBe(0);
  });
});
