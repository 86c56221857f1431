import { inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { Locale } from '../shared/api/models';
import { LocaleControl } from '../shared/i18n/locale-control';
import { languageSwitchEvents } from './auth.events';
import { authFeature } from './auth.reducer';

/** LocaleControl backed by the auth session store (the language is part of the session). */
@Injectable()
export class StoreLocaleControl extends LocaleControl {
  private readonly store = inject(Store);

  readonly locale = this.store.selectSignal(authFeature.selectLocale);

  change(locale: Locale): void {
    this.store.dispatch(languageSwitchEvents.localeChanged({ locale }));
  }
}
