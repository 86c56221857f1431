import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { CertificateAuthority } from '../settings-api';
import { SettingsStore } from '../settings-store';

/** A PEM block as pasted or read from a file. */
const PEM_PATTERN = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;

/** Certificate authorities trusted for certificate sign-in: list, upload (paste or file) and delete. */
@Component({
  selector: 'app-certificate-authorities',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ApiErrorAlert,
    DeleteButton,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './certificate-authorities.html',
  styleUrl: './certificate-authorities.css',
})
export class CertificateAuthorities {
  protected readonly store = inject(SettingsStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly uploadOpen = signal(false);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly fileName = signal('');
  protected readonly rows = computed(() => {
    const now = Date.now();
    return this.store.authorities().map((authority) => ({
      authority,
      expired: Date.parse(authority.notAfter) < now,
    }));
  });
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    pem: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(PEM_PATTERN)],
    }),
  });

  protected openUpload(): void {
    this.form.reset();
    this.fileName.set('');
    this.unmatched.set([]);
    this.store.clearSaveError();
    this.uploadOpen.set(true);
  }

  protected async readFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    this.fileName.set(file.name);
    this.form.controls.pem.setValue(text.trim());
    this.form.controls.pem.markAsDirty();
    if (!this.form.controls.name.value)
      this.form.controls.name.setValue(file.name.replace(/\.(pem|crt|cer)$/i, ''));
    input.value = '';
  }

  protected async upload(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const { name, pem } = this.form.getRawValue();
      return this.store.addAuthority(name.trim(), pem.trim());
    });
    if (outcome?.ok) {
      this.uploadOpen.set(false);
      this.toast.success('certificates.added', { name: outcome.value.name });
    }
  }

  protected async remove(authority: CertificateAuthority): Promise<void> {
    const outcome = await this.store.removeAuthority(authority);
    this.toast.report(outcome, 'certificates.removed', { name: authority.name });
  }
}
