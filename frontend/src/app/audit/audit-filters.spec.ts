import { toAuditFilters } from './audit-filters';

describe('audit filters', () => {
  it('sends a day range from the first midnight to the end of the last day', () => {
    const filters = toAuditFilters({
      actor: ' ada@acme.test ',
      action: 'users.invite',
      result: 'failure',
      range: [new Date(2026, 0, 5, 14, 30), new Date(2026, 0, 7, 9, 0)],
    });
    expect(filters.actor).toBe('ada@acme.test');
    expect(new Date(filters.from ?? '').getTime()).toBe(new Date(2026, 0, 5).getTime());
    expect(new Date(filters.to ?? '').getTime()).toBe(
      new Date(2026, 0, 7, 23, 59, 59, 999).getTime(),
    );
  });

  it('sends no dates when no range is picked', () => {
    const filters = toAuditFilters({ actor: '', action: '', result: null, range: null });
    expect(filters).toEqual({ actor: '', action: '', result: null, from: null, to: null });
  });
});
