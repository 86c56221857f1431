import { Solar } from 'lunar-typescript';

/** What a calendar cell says about a day in the Chinese lunisolar calendar. */
export interface LunarDay {
  /** The short cell label: a festival, else a solar term, else the month on its first day, else the day (初二 …). */
  readonly label: string;
  /** Why the label was chosen, so the cell can colour festivals and solar terms. */
  readonly kind: 'festival' | 'term' | 'month' | 'day';
  /** The full lunar date, e.g. 正月初一 or 闰六月初八. */
  readonly lunarDate: string;
  /** The solar term starting that day (立春, 清明 …), if any. */
  readonly solarTerm: string | null;
  /** Traditional festivals of the day (春节, 元宵节, 端午节, 中秋节, 除夕 …). */
  readonly festivals: readonly string[];
  /** The year's stem-branch name and zodiac animal, e.g. 丙午 马. */
  readonly year: string;
}

/** Labels a Gregorian day (its local year, month and day) with its lunar date, solar term and festivals. */
export function lunarDayOf(date: Date): LunarDay {
  const lunar = Solar.fromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate()).getLunar();
  const month = `${lunar.getMonthInChinese()}月`;
  const day = lunar.getDayInChinese();
  const solarTerm = lunar.getJieQi() || null;
  const festivals = lunar.getFestivals();
  const base = {
    lunarDate: `${month}${day}`,
    solarTerm,
    festivals,
    year: `${lunar.getYearInGanZhi()} ${lunar.getYearShengXiao()}`,
  };
  if (festivals.length) return { ...base, label: festivals[0]!, kind: 'festival' };
  if (solarTerm) return { ...base, label: solarTerm, kind: 'term' };
  if (lunar.getDay() === 1) return { ...base, label: month, kind: 'month' };
  return { ...base, label: day, kind: 'day' };
}

/** The local calendar day of a date as YYYY-MM-DD, the key reminders are grouped by. */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
