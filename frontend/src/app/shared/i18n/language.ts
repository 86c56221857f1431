import { DOCUMENT, inject, Injectable } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { NzDateAdapter } from 'ng-zorro-antd/core/time';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { firstValueFrom } from 'rxjs';
import { Locale } from '../api/models';
import { browserStorage } from '../storage/browser-storage';

const LOCALE_KEY = 'cc.locale';

/** Applies a language to every part of the page (texts, zorro widgets, <html lang>) and remembers it. */
@Injectable({ providedIn: 'root' })
export class Language {
  private readonly transloco = inject(TranslocoService);
  private readonly nzI18n = inject(NzI18nService);
  private readonly document = inject(DOCUMENT);
  private readonly dateAdapter = inject(NzDateAdapter, { optional: true });

  /** The language remembered on this browser (before login), if any. */
  remembered(): Locale | null {
    const value = browserStorage().getItem(LOCALE_KEY);
    return value === 'en' || value === 'zh-CN' ? value : null;
  }

  /** Switches the page to `locale` and remembers it on this browser. */
  use(locale: Locale): void {
    browserStorage().setItem(LOCALE_KEY, locale);
    this.transloco.setActiveLang(locale);
    this.nzI18n.setLocale(locale === 'zh-CN' ? zh_CN : en_US);
    this.dateAdapter?.setLocale(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
    this.document.documentElement.lang = locale;
  }

  /** Loads the translation file of `locale` so the first paint is already translated. */
  preload(locale: Locale): Promise<unknown> {
    return firstValueFrom(this.transloco.load(locale)).catch(() => undefined);
  }
}
