import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { authFeature } from '../../auth/auth.reducer';
import { Locale } from '../../shared/api/models';
import { submitForm } from '../../shared/forms/server-errors';
import { countryOptions } from '../../shared/i18n/countries';
import { LOCALES } from '../../shared/i18n/locales';
import { timeZones } from '../../shared/i18n/time-zones';
import { translationTick } from '../../shared/i18n/translation-tick';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { originsValidator, toOrigin } from '../../voice/entry-points/widget-snippet';
import { CertificateAuthorities } from '../certificate-authorities/certificate-authorities';
import { SettingsStore } from '../settings-store';


/**
 * Organisation settings (name, time zone, language, default country, the sites that may embed the
 * call bar) and certificate authorities.
 */
@Component({
  selector: 'app-settings-page',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzDividerModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    ApiErrorAlert,
    CertificateAuthorities,
    FieldErrorText,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings-page.html',
  styleUrl: './settings-page.css',
})
export class SettingsPage {
  protected readonly store = inject(SettingsStore);
  private readonly session = inject(Store);
  private readonly toast = inject(OutcomeToast);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = translationTick(this.transloco);
  private readonly origin = inject(DOCUMENT).location.origin;

  private readonly granted = this.session.selectSignal(authFeature.selectPermissionSet);
  protected readonly canEditTenant = computed(() => this.granted().has('tenant.settings.manage'));
  protected readonly canManageCertificates = computed(() =>
    this.granted().has('certificates.manage'),
  );
  protected readonly locales = LOCALES;
  protected readonly timeZones = timeZones();
  protected readonly countries = computed(() => countryOptions(this.lang()));
  protected readonly unmatched = signal<string[]>([]);
  protected readonly errorKeys = { origin: 'embed.settings.originRule' };
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    timeZone: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    locale: new FormControl<Locale>('en', { nonNullable: true, validators: [Validators.required] }),
    defaultCountry: new FormControl<string | null>(null),
    callBarEmbedOrigins: new FormControl<string[]>([], {
      nonNullable: true,
      validators: [originsValidator],
    }),
  });

  constructor() {
    if (this.canEditTenant()) this.store.loadTenant();
    if (this.canManageCertificates()) this.store.loadAuthorities();
    effect(() => {
      const tenant = this.store.tenant();
      untracked(() => {
        if (tenant && this.form.pristine) {
          this.form.reset({
            name: tenant.name,
            timeZone: tenant.timeZone,
            locale: tenant.locale,
            defaultCountry: tenant.defaultCountry,
            callBarEmbedOrigins: tenant.callBarEmbedOrigins ?? [],
          });
        }
      });
    });
  }

  /** The address a CRM page frames to show this organisation's call bar. */
  protected callBarUrl(slug: string): string {
    return `${this.origin}/embed/${slug}/callbar`;
  }

  protected async save(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const value = this.form.getRawValue();
      return this.store.saveTenant({
        ...value,
        name: value.name.trim(),
        callBarEmbedOrigins: [
          ...new Set(value.callBarEmbedOrigins.map((origin) => toOrigin(origin) ?? origin)),
        ],
      });
    });
    if (outcome?.ok) {
      this.form.markAsPristine();
      this.toast.success('common.saved');
    }
  }
}
