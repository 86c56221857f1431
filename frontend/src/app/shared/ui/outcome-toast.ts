import { inject, Injectable } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { NzMessageService } from 'ng-zorro-antd/message';
import { errorKey } from '../api/api-error';
import { ApiError } from '../api/api-types';
import { Outcome } from '../api/outcome';
import { translateOr } from '../i18n/translation-tick';

/** Toast messages for what a store call did: a translated success, or the API error in the UI language. */
@Injectable({ providedIn: 'root' })
export class OutcomeToast {
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);

  /** Shows `successKey` (with `params`) when the call succeeded, its error otherwise. */
  report(outcome: Outcome<unknown>, successKey: string, params?: Record<string, unknown>): void {
    if (outcome.ok) this.success(successKey, params);
    else this.failure(outcome.error);
  }

  /** Shows the translation of `key` as a success. */
  success(key: string, params?: Record<string, unknown>): void {
    this.message.success(this.transloco.translate(key, params));
  }

  /** Shows an API error, translated by its code when the UI language knows it. */
  failure(error: ApiError): void {
    this.message.error(translateOr(this.transloco, errorKey(error), error.message));
  }

  /**
   * Shows an API error; for a conflict (409) the server's own message, since only the server
   * knows why the change was refused (e.g. "your supervisor has locked your state").
   */
  failureAsSent(error: ApiError): void {
    if (error.status === 409 && error.message) this.message.error(error.message);
    else this.failure(error);
  }
}
