import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { errorKey } from '../../api/api-error';
import { ApiError } from '../../api/api-types';
import { translateFieldError } from '../../forms/validation-message';
import { translateOr, translationTick } from '../../i18n/translation-tick';

/**
 * Red alert for a failed API call: the translated text of its error code (the server message when
 * the code is unknown); for 422 answers, the messages no form field could show — each one that
 * is the message of a field error of `error` in the active language (see `translateFieldError`).
 */
@Component({
  selector: 'app-api-error-alert',
  imports: [NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (title()) {
      <nz-alert
        nzType="error"
        nzShowIcon
        role="alert"
        [nzMessage]="title()"
        [nzDescription]="shownDetails().length ? detailsTpl : null"
        [attr.data-testid]="testId()"
        [attr.data-code]="error()?.code"
      />
      <ng-template #detailsTpl>
        <ul class="details">
          @for (detail of shownDetails(); track $index) {
            <li>{{ detail }}</li>
          }
        </ul>
      </ng-template>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    nz-alert {
      margin-bottom: 16px;
    }
    .details {
      margin: 0;
      padding-left: 18px;
    }
  `,
})
export class ApiErrorAlert {
  private readonly transloco = inject(TranslocoService);
  private readonly tick = translationTick(this.transloco);

  readonly error = input<ApiError | null>(null);
  /** Extra lines, e.g. 422 messages of fields the form does not have. */
  readonly details = input<readonly string[]>([]);
  readonly testId = input('api-error');

  /** The details in the active language: pages pass the server messages of the unmatched fields. */
  protected readonly shownDetails = computed(() => {
    this.tick();
    const fieldErrors = this.error()?.fieldErrors ?? [];
    return this.details().map((detail) => {
      const error = fieldErrors.find((candidate) => candidate.message === detail);
      return error ? translateFieldError(this.transloco, error, true) : detail;
    });
  });

  protected readonly title = computed(() => {
    this.tick();
    const error = this.error();
    if (!error) return '';
    if (error.status === 422) return this.transloco.translate('errors.E_VALIDATION');
    const fallback = error.message || this.transloco.translate('errors.unknown');
    const text = translateOr(this.transloco, errorKey(error), fallback);
    if (error.retryAfterSeconds) {
      return `${text} ${this.transloco.translate('errors.retryAfter', { seconds: error.retryAfterSeconds })}`;
    }
    return text;
  });
}
