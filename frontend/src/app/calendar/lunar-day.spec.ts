import { dayKey, lunarDayOf } from './lunar-day';

describe('lunarDayOf', () => {
  it('labels the Spring Festival 2026 as 正月初一 with its festival', () => {
    const day = lunarDayOf(new Date(2026, 1, 17));
    expect(day.lunarDate).toBe('正月初一');
    expect(day.festivals).toContain('春节');
    expect(day).toMatchObject({ label: '春节', kind: 'festival', year: '丙午 马' });
  });

  it('names the solar term of 2026-04-05 (清明)', () => {
    const day = lunarDayOf(new Date(2026, 3, 5));
    expect(day).toMatchObject({
      solarTerm: '清明',
      label: '清明',
      kind: 'term',
      lunarDate: '二月十八',
    });
  });

  it('shows 立春 on 2026-02-04 and New Year’s Eve on 2026-02-16', () => {
    expect(lunarDayOf(new Date(2026, 1, 4)).label).toBe('立春');
    expect(lunarDayOf(new Date(2026, 1, 16)).label).toBe('除夕');
  });

  it('shows the Mid-Autumn and Dragon Boat festivals', () => {
    expect(lunarDayOf(new Date(2026, 8, 25)).label).toBe('中秋节');
    expect(lunarDayOf(new Date(2026, 5, 19)).label).toBe('端午节');
  });

  it('shows the month on its first day, leap months included, and the day otherwise', () => {
    expect(lunarDayOf(new Date(2026, 1, 18)).label).toBe('雨水');
    expect(lunarDayOf(new Date(2025, 6, 25))).toMatchObject({ label: '闰六月', kind: 'month' });
    expect(lunarDayOf(new Date(2026, 1, 19))).toMatchObject({
      label: '初三',
      kind: 'day',
      lunarDate: '正月初三',
    });
    expect(lunarDayOf(new Date(2026, 2, 3)).lunarDate).toBe('正月十五');
  });

  it('keys days by their local date', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
