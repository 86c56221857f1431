import { Locale } from '../api/models';

/** Languages offered in the language switch, with their own-language label. */
export const LOCALES: readonly { readonly value: Locale; readonly label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '中文' },
];

/** Narrows any string to a supported locale (null when unsupported). */
export function asLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  if (value === 'en' || value.toLowerCase().startsWith('en')) return 'en';
  if (value.toLowerCase().startsWith('zh')) return 'zh-CN';
  return null;
}

/** First guess before the user chose: the browser language, else English. */
export function browserLocale(): Locale {
  const languages =
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const language of languages) {
    const locale = asLocale(language);
    if (locale) return locale;
  }
  return 'en';
}
