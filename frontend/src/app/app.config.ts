import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { provideEffects } from '@ngrx/effects';
import { provideStore, Store } from '@ngrx/store';
import { provideNzConfig } from 'ng-zorro-antd/core/config';
import { provideNzNativeDateAdapter } from 'ng-zorro-antd/core/time';
import { en_US, provideNzI18n } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { routes } from './app.routes';
import { AuthStorage } from './auth/auth-storage';
import * as authEffects from './auth/auth.effects';
import { appEvents } from './auth/auth.events';
import { authInterceptor } from './auth/auth.interceptor';
import { authFeature } from './auth/auth.reducer';
import { StoreLocaleControl } from './auth/store-locale-control';
import { APP_ICONS } from './icons';
import { platformInterceptor } from './platform/platform.interceptor';
import { Language } from './shared/i18n/language';
import { LocaleControl } from './shared/i18n/locale-control';
import { browserLocale } from './shared/i18n/locales';
import { TranslatedTitleStrategy } from './shared/i18n/translated-title-strategy';
import { TranslocoHttpLoader } from './shared/i18n/transloco-loader';

/** Boots the session from what this browser remembers and loads the language before the first paint. */
function startSession(): Promise<unknown> {
  const storage = inject(AuthStorage);
  const language = inject(Language);
  const locale = language.remembered() ?? browserLocale();
  inject(Store).dispatch(appEvents.started({ token: storage.token(), locale }));
  return language.preload(locale);
}

/** Root providers: router, HTTP with auth interceptors, global store, i18n and zorro. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, platformInterceptor])),
    provideStore({ [authFeature.name]: authFeature.reducer }),
    provideEffects(authEffects),
    provideTransloco({
      config: {
        availableLangs: ['en', 'zh-CN'],
        defaultLang: 'en',
        fallbackLang: 'en',
        reRenderOnLangChange: true,
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
        prodMode: !isDevMode(),
      },
      loader: TranslocoHttpLoader,
    }),
    { provide: LocaleControl, useClass: StoreLocaleControl },
    provideNzI18n(en_US),
    provideNzNativeDateAdapter({ locale: 'en-US', firstDayOfWeek: 1 }),
    provideNzIcons(APP_ICONS),
    provideNzConfig({ message: { nzTop: 64, nzDuration: 3000 } }),
    provideAppInitializer(startSession),
  ],
};
