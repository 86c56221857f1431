import { Signal } from '@angular/core';
import { Locale } from '../api/models';

/** Port through which shared UI reads and changes the UI language (bound to the auth store in app config). */
export abstract class LocaleControl {
  abstract readonly locale: Signal<Locale>;
  abstract change(locale: Locale): void;
}
