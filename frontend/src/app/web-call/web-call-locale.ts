import { inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Locale } from '../shared/api/models';
import { Language } from '../shared/i18n/language';
import { asLocale } from '../shared/i18n/locales';
import { LocaleControl } from '../shared/i18n/locale-control';

/**
 * The widget's language: the entry point's language until the caller picks another one.
 * It never touches the console session (a signed-in user's profile language stays as it is).
 */
@Injectable()
export class WebCallLocale extends LocaleControl {
  private readonly language = inject(Language);
  private readonly current = signal<Locale>(
    asLocale(inject(TranslocoService).getActiveLang()) ?? 'en',
  );
  private chosen = false;

  readonly locale = this.current.asReadonly();

  change(locale: Locale): void {
    this.chosen = true;
    this.apply(locale);
  }

  /** Follows the entry point's language unless the caller already picked one. */
  follow(locale: Locale): void {
    if (!this.chosen) this.apply(locale);
  }

  private apply(locale: Locale): void {
    this.current.set(locale);
    this.language.use(locale);
  }
}
