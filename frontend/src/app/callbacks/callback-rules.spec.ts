import { FormControl } from '@angular/forms';
import { callback } from './callback-fixture';
import { byDueAt, dueAtValidator, isOpen, matchesQuery, suggestedDueAt } from './callback-rules';
import { prefillFromCall } from './callback-prefill';
import { AgentSelf } from '../shared/api/acd-models';

const NOW = Date.UTC(2026, 5, 1, 8, 0, 0);

describe('callback rules', () => {
  const validate = (value: Date | null) => dueAtValidator(() => NOW)(new FormControl(value));

  it('wants a due time ahead and at most 90 days out', () => {
    expect(validate(null)).toBeNull();
    expect(validate(new Date(NOW - 1000))).toEqual({ future: true });
    expect(validate(new Date(NOW))).toEqual({ future: true });
    expect(validate(new Date(NOW + 60_000))).toBeNull();
    expect(validate(new Date(NOW + 90 * 86_400_000))).toBeNull();
    expect(validate(new Date(NOW + 90 * 86_400_000 + 1))).toEqual({ maxDaysAhead: { days: 90 } });
  });

  it('suggests the next quarter hour at least 15 minutes away', () => {
    expect(suggestedDueAt(new Date(2026, 5, 1, 9, 7, 30))).toEqual(new Date(2026, 5, 1, 9, 30, 0));
    expect(suggestedDueAt(new Date(2026, 5, 1, 9, 0, 0))).toEqual(new Date(2026, 5, 1, 9, 15, 0));
    expect(suggestedDueAt(new Date(2026, 5, 1, 23, 50, 0))).toEqual(new Date(2026, 5, 2, 0, 15, 0));
  });

  it('keeps a changed callback in a list only when it matches the list’s query', () => {
    const open = callback('a', '2026-06-02T08:00:00.000Z');
    const done = callback('b', '2026-06-02T08:00:00.000Z', { status: 'cancelled' });
    expect([isOpen(open), isOpen(done)]).toEqual([true, false]);
    expect(matchesQuery(open, { status: 'open' })).toBe(true);
    expect(matchesQuery(done, { status: 'open' })).toBe(false);
    const june = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
    expect(matchesQuery(done, june)).toBe(true);
    expect(matchesQuery(callback('c', '2026-07-01T00:00:00.000Z'), june)).toBe(false);
  });

  it('orders by due time, then id', () => {
    const list = [
      callback('b', '2026-06-02T09:00:00.000Z'),
      callback('c', '2026-06-02T08:00:00.000Z'),
      callback('a', '2026-06-02T09:00:00.000Z'),
    ];
    expect(byDueAt(list).map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });

  it('prefills from the call: the other party’s number, the one matched customer, the queue', () => {
    const agent = (call: Partial<NonNullable<AgentSelf['call']>>) =>
      ({
        call: {
          direction: 'inbound',
          ani: '+8613800138000',
          dnis: '+4000',
          queueId: 'q1',
          ...call,
        },
      }) as unknown as AgentSelf;
    expect(prefillFromCall(agent({}), [{ id: 'c1', name: 'Li Lei' }])).toEqual({
      number: '+8613800138000',
      customerId: 'c1',
      customerName: 'Li Lei',
      queueId: 'q1',
    });
    expect(
      prefillFromCall(agent({ direction: 'outbound' }), [
        { id: 'c1', name: 'A' },
        { id: 'c2', name: 'B' },
      ]),
    ).toEqual({ number: '+4000', customerId: null, customerName: null, queueId: 'q1' });
    expect(prefillFromCall(null, null)).toEqual({
      number: null,
      customerId: null,
      customerName: null,
      queueId: null,
    });
  });
});
