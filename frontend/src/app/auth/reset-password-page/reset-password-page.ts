import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzResultModule } from 'ng-zorro-antd/result';
import { submitForm } from '../../shared/forms/server-errors';
import { PASSWORD_MIN_LENGTH, sameAs } from '../../shared/forms/validators';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { AuthCard } from '../../shared/ui/auth-card/auth-card';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { PasswordStore } from '../password-store';

/** Sets a new password from a mailed link; with `invite=1` it is the invitation's "set your password". */
@Component({
  selector: 'app-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzResultModule,
    ApiErrorAlert,
    AuthCard,
    FieldErrorText,
  ],
  providers: [PasswordStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-auth-card
      [heading]="(isInvite() ? 'reset.inviteTitle' : 'reset.title') | transloco"
      [subtitle]="
        done() ? '' : ((isInvite() ? 'reset.inviteSubtitle' : 'reset.subtitle') | transloco)
      "
    >
      @if (!token()) {
        <nz-result
          nzStatus="warning"
          [nzTitle]="'reset.noToken' | transloco"
          data-testid="reset-no-token"
        >
          <div nz-result-extra>
            <a nz-button nzType="primary" routerLink="/forgot-password">{{
              'login.forgot' | transloco
            }}</a>
          </div>
        </nz-result>
      } @else if (done()) {
        <nz-result
          nzStatus="success"
          [nzTitle]="'reset.doneTitle' | transloco"
          data-testid="reset-done"
        >
          <div nz-result-extra>
            <a nz-button nzType="primary" routerLink="/login" data-testid="reset-go-login">{{
              'reset.goLogin' | transloco
            }}</a>
          </div>
        </nz-result>
      } @else {
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="reset-password">{{
              'reset.password' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="'reset.passwordHint' | transloco: { min: minLength }"
            >
              <nz-input-password>
                <input
                  nz-input
                  id="reset-password"
                  formControlName="password"
                  autocomplete="new-password"
                  data-testid="reset-password"
                />
              </nz-input-password>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="reset-confirm">{{
              'reset.confirm' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-input-password>
                <input
                  nz-input
                  id="reset-confirm"
                  formControlName="confirm"
                  autocomplete="new-password"
                  data-testid="reset-confirm"
                />
              </nz-input-password>
            </nz-form-control>
          </nz-form-item>
          <button
            nz-button
            nzType="primary"
            nzBlock
            nzSize="large"
            type="submit"
            [nzLoading]="store.saving()"
            data-testid="reset-submit"
          >
            {{ (isInvite() ? 'reset.inviteSubmit' : 'reset.submit') | transloco }}
          </button>
        </form>
      }
    </app-auth-card>
  `,
})
export class ResetPasswordPage {
  protected readonly store = inject(PasswordStore);

  /** Query parameters, bound by the router. */
  readonly token = input<string>();
  readonly invite = input<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly isInvite = computed(() => this.invite() === '1' || this.invite() === 'true');
  protected readonly done = signal(false);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    }),
    confirm: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, sameAs('password')],
    }),
  });

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirm.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    const token = this.token();
    if (!token) return;
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.reset(token, this.form.controls.password.value),
    );
    if (outcome?.ok) this.done.set(true);
  }
}
