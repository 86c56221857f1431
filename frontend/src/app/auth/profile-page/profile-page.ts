import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzQRCodeModule } from 'ng-zorro-antd/qr-code';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTypographyModule } from 'ng-zorro-antd/typography';
import { Locale } from '../../shared/api/models';
import { applyServerErrors, revealErrors, submitForm } from '../../shared/forms/server-errors';
import { LOCALES } from '../../shared/i18n/locales';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { authFeature } from '../auth.reducer';
import { OTP_PATTERN } from '../login-page/login-form';
import { ProfileStore } from '../profile-store';

/** The signed-in user's own details, language and two-factor authentication. */
@Component({
  selector: 'app-profile-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    NzQRCodeModule,
    NzSelectModule,
    NzTagModule,
    NzTypographyModule,
    ApiErrorAlert,
    FieldErrorText,
    PageHeader,
  ],
  providers: [ProfileStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.html',
  styleUrl: './profile-page.css',
})
export class ProfilePage {
  protected readonly store = inject(ProfileStore);
  private readonly session = inject(Store);
  private readonly toast = inject(OutcomeToast);

  protected readonly user = this.session.selectSignal(authFeature.selectUser);
  protected readonly locales = LOCALES;
  protected readonly detailsForm = new FormGroup({
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    locale: new FormControl<Locale>('en', { nonNullable: true }),
  });
  protected readonly codeForm = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(OTP_PATTERN)],
    }),
  });
  protected readonly detailsUnmatched = signal<string[]>([]);
  /** Which form the last save error belongs to. */
  protected readonly errorFor = signal<'details' | 'mfa' | null>(null);

  constructor() {
    effect(() => {
      const user = this.user();
      if (user && this.detailsForm.pristine) {
        this.detailsForm.setValue({
          displayName: user.displayName,
          locale: user.locale ?? this.session.selectSignal(authFeature.selectLocale)(),
        });
      }
    });
  }

  protected async saveDetails(): Promise<void> {
    const outcome = await submitForm(this.detailsForm, this.detailsUnmatched, () => {
      this.errorFor.set('details');
      return this.store.saveDetails(this.detailsForm.getRawValue());
    });
    if (outcome?.ok) {
      this.detailsForm.markAsPristine();
      this.toast.success('common.saved');
    }
  }

  protected async startMfaSetup(): Promise<void> {
    this.errorFor.set('mfa');
    this.codeForm.reset();
    await this.store.startMfaSetup();
  }

  protected cancelMfaSetup(): void {
    this.codeForm.reset();
    this.store.cancelMfaSetup();
  }

  protected async confirmCode(): Promise<void> {
    if (this.codeForm.invalid) {
      revealErrors(this.codeForm);
      return;
    }
    this.errorFor.set('mfa');
    const code = this.codeForm.controls.code.value;
    const enabling = !this.user()?.mfaEnabled;
    const outcome = enabling ? await this.store.enableMfa(code) : await this.store.disableMfa(code);
    if (outcome.ok) {
      this.codeForm.reset();
      this.toast.success(enabling ? 'profile.mfaEnabledDone' : 'profile.mfaDisabledDone');
      return;
    }
    applyServerErrors(this.codeForm, outcome.error.fieldErrors);
  }
}
