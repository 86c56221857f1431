import { addDays, daysIn, resolveDates, resolvePreset, startOfDay } from './time-range';

describe('time ranges in the organisation time zone', () => {
  const shanghai = 'Asia/Shanghai';
  // 2026-11-30 03:00 UTC is already 11:00 on 30 November in Shanghai, still 29 November in New York.
  const now = new Date('2026-11-30T03:00:00Z');

  it('starts a day at local midnight', () => {
    expect(startOfDay('2026-11-30', shanghai).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(startOfDay('2026-11-30', 'UTC').toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('resolves today and yesterday on the organisation calendar, not the browser one', () => {
    expect(resolvePreset('today', now, shanghai)).toEqual({
      fromDate: '2026-11-30',
      toDate: '2026-11-30',
      from: '2026-11-29T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
    expect(resolvePreset('today', now, 'America/New_York').fromDate).toBe('2026-11-29');
    expect(resolvePreset('yesterday', now, shanghai).fromDate).toBe('2026-11-29');
  });

  it('counts the last 7 and 30 days including today', () => {
    const week = resolvePreset('last_7_days', now, shanghai);
    expect([week.fromDate, week.toDate]).toEqual(['2026-11-24', '2026-11-30']);
    expect(daysIn(week)).toBe(7);
    expect(daysIn(resolvePreset('last_30_days', now, shanghai))).toBe(30);
  });

  it('resolves this month and last month, across a year end', () => {
    const january = new Date('2027-01-15T12:00:00Z');
    expect(resolvePreset('this_month', january, shanghai).fromDate).toBe('2027-01-01');
    const last = resolvePreset('last_month', january, shanghai);
    expect([last.fromDate, last.toDate]).toEqual(['2026-12-01', '2026-12-31']);
    expect(last.to).toBe('2026-12-31T16:00:00.000Z');
  });

  it('keeps whole local days over a daylight-saving change', () => {
    // New York springs forward on 8 March 2026: that day has 23 hours.
    const range = resolveDates('2026-03-08', '2026-03-08', 'America/New_York');
    expect(range.from).toBe('2026-03-08T05:00:00.000Z');
    expect(range.to).toBe('2026-03-09T04:00:00.000Z');
  });

  it('orders custom days given the wrong way round', () => {
    const range = resolveDates('2026-11-10', '2026-11-01', 'UTC');
    expect([range.fromDate, range.toDate]).toEqual(['2026-11-01', '2026-11-10']);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
