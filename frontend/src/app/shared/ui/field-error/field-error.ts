import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SERVER_ERROR } from '../../forms/server-errors';
import { isFieldError, validationMessage } from '../../forms/validation-message';
import { translationTick } from '../../i18n/translation-tick';

/** Order in which errors are reported when a control has several. */
const PRIORITY = [
  SERVER_ERROR,
  'required',
  'email',
  'minlength',
  'maxlength',
  'pattern',
  'mismatch',
];

interface Message {
  readonly key: string | null;
  readonly text: string;
  readonly params: Record<string, unknown>;
}

/**
 * Shows the first error of a form control as a translated sentence; a server (422) error in the
 * sentence of its rule when one is known, else as the server wrote it.
 */
@Component({
  selector: 'app-field-error',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (message(); as m) {
    <span class="field-error" data-testid="field-error">{{
      m.key ? (m.key | transloco: m.params) : m.text
    }}</span>
  }`,
})
export class FieldErrorText {
  private readonly lang = translationTick(inject(TranslocoService));

  readonly errors = input<ValidationErrors | null | undefined>(null);
  /** Per-error translation keys overriding the generic ones, e.g. `{ pattern: 'signup.slugRule' }`. */
  readonly keys = input<Readonly<Record<string, string>>>({});

  protected readonly message = computed<Message | null>(() => {
    const errors = this.errors();
    if (!errors) return null;
    const names = Object.keys(errors);
    const name = PRIORITY.find((candidate) => names.includes(candidate)) ?? names[0];
    if (!name) return null;
    const value: unknown = errors[name];
    if (name === SERVER_ERROR) {
      if (!isFieldError(value)) return { key: null, text: String(value), params: {} };
      const message = validationMessage(value, this.lang());
      return message.key === null
        ? { key: null, text: message.text, params: {} }
        : { key: message.key, text: '', params: message.params };
    }
    const params =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    return { key: this.keys()[name] ?? `validation.${name}`, text: '', params };
  });
}
