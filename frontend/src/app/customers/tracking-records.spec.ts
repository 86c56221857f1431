import {
  appendRecords,
  hasPendingFollowUp,
  isOverdue,
  replaceRecord,
  trackingBody,
} from './tracking-records';
import { trackingRecord } from './testing/tracking-fixtures';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');

describe('tracking records', () => {
  it('a follow-up in the past that nobody did is overdue', () => {
    const record = trackingRecord('r1', { nextFollowUpAt: '2026-03-01T09:00:00.000Z' });
    expect(hasPendingFollowUp(record)).toBe(true);
    expect(isOverdue(record, NOW)).toBe(true);
  });

  it('a done or future follow-up, or none, is not overdue', () => {
    expect(
      isOverdue(
        trackingRecord('r1', { nextFollowUpAt: '2026-03-01T09:00:00.000Z', done: true }),
        NOW,
      ),
    ).toBe(false);
    expect(
      isOverdue(trackingRecord('r2', { nextFollowUpAt: '2026-03-02T09:00:00.000Z' }), NOW),
    ).toBe(false);
    expect(isOverdue(trackingRecord('r3'), NOW)).toBe(false);
    expect(hasPendingFollowUp(trackingRecord('r3'))).toBe(false);
  });

  it('a further page skips records already shown', () => {
    const shown = [trackingRecord('new'), trackingRecord('r0')];
    const merged = appendRecords(shown, [trackingRecord('r0'), trackingRecord('r1')]);
    expect(merged.map((r) => r.id)).toEqual(['new', 'r0', 'r1']);
  });

  it('an update replaces its record in place', () => {
    const shown = [trackingRecord('a'), trackingRecord('b')];
    const next = replaceRecord(shown, trackingRecord('b', { done: true }));
    expect(next.map((r) => r.done)).toEqual([false, true]);
  });

  it('the form becomes a trimmed body without an empty outcome or date', () => {
    expect(
      trackingBody({ type: 'note', outcome: '  ', content: ' hi ', nextFollowUpAt: null }),
    ).toEqual({
      type: 'note',
      content: 'hi',
    });
    const at = new Date('2026-03-05T08:30:00.000Z');
    expect(
      trackingBody({ type: 'call', outcome: ' interested ', content: 'x', nextFollowUpAt: at }),
    ).toEqual({
      type: 'call',
      outcome: 'interested',
      content: 'x',
      nextFollowUpAt: '2026-03-05T08:30:00.000Z',
    });
  });
});
