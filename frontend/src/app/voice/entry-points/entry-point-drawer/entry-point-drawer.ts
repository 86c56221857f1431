import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { startWith } from 'rxjs';
import { authFeature } from '../../../auth/auth.reducer';
import { applyServerErrors, submitForm } from '../../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { EntryPoint, EntryPointInput, EntryPointTarget, VoiceLanguage } from '../../voice-api';
import { EntryPointsStore } from '../entry-points-store';
import { iframeSnippet, originsValidator, toOrigin, widgetUrl } from '../widget-snippet';


/** Drawer to create or edit a number or a web widget; shows a widget's embed snippet. */
@Component({
  selector: 'app-entry-point-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzDividerModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzSelectModule,
    NzSwitchModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './entry-point-drawer.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: 3fr 2fr;
      gap: 0 16px;
    }
    .toggle {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      margin: 0 0 8px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
    .key-line {
      display: flex;
      gap: 8px;
      align-items: baseline;
      margin-bottom: 8px;
    }
    .snippet {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 12px;
    }
    .embed {
      background: #fafafa;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    .embed h3 {
      font-size: 14px;
      font-weight: 600;
      margin: 0 0 4px;
    }
    nz-alert {
      display: block;
      margin-bottom: 16px;
    }
    .embed-actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class EntryPointDrawer {
  protected readonly store = inject(EntryPointsStore);
  private readonly toast = inject(OutcomeToast);
  private readonly clipboard = inject(Clipboard);
  private readonly origin = inject(DOCUMENT).location.origin;
  private readonly tenant = inject(Store).selectSignal(authFeature.selectTenant);

  protected readonly languages: readonly VoiceLanguage[] = ['en', 'zh-CN'];
  protected readonly edited = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly errorKeys = { origin: 'voice.entryPoints.originRule' };

  protected readonly form = new FormGroup({
    kind: new FormControl<EntryPoint['kind']>('number', { nonNullable: true }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    number: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(32)],
    }),
    allowedOrigins: new FormControl<string[]>([], {
      nonNullable: true,
      validators: [originsValidator],
    }),
    target: new FormGroup({
      type: new FormControl<EntryPointTarget['type']>('ivr', { nonNullable: true }),
      ivrMenuId: new FormControl<string | null>(null, Validators.required),
      queueId: new FormControl<string | null>(null, Validators.required),
    }),
    language: new FormControl<VoiceLanguage>('en', { nonNullable: true }),
    enabled: new FormControl(true, { nonNullable: true }),
  });

  protected readonly kind = toSignal(
    this.form.controls.kind.valueChanges.pipe(startWith(this.form.controls.kind.value)),
    { requireSync: true },
  );
  protected readonly targetType = toSignal(
    this.form.controls.target.controls.type.valueChanges.pipe(
      startWith(this.form.controls.target.controls.type.value),
    ),
    { requireSync: true },
  );

  /** The organisation's default country, with which the server reads numbers without a prefix. */
  protected readonly country = computed(() => this.tenant()?.defaultCountry ?? null);
  protected readonly snippet = computed(() => {
    const entry = this.edited();
    return entry?.widgetKey ? iframeSnippet(this.origin, entry.widgetKey, entry.name) : '';
  });
  protected readonly widgetLink = computed(() => {
    const key = this.edited()?.widgetKey;
    return key ? widgetUrl(this.origin, key) : null;
  });

  constructor() {
    this.form.controls.kind.valueChanges.subscribe(() => this.syncFields());
    this.form.controls.target.controls.type.valueChanges.subscribe(() => this.syncFields());
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      untracked(() => this.reset(this.store.edited()));
    });
  }

  protected copySnippet(): void {
    if (this.clipboard.copy(this.snippet())) this.toast.success('voice.entryPoints.copied');
  }

  protected async submit(): Promise<void> {
    const creating = !this.edited();
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.save(this.edited()?.id ?? null, this.body()),
    );
    if (!outcome) return;
    if (outcome.ok) {
      const key =
        creating && outcome.value.kind === 'web'
          ? 'voice.entryPoints.createdWidget'
          : 'voice.entryPoints.saved';
      this.toast.success(key, { name: outcome.value.name });
    } else if (outcome.error.status === 409 && outcome.error.message) {
      // The server knows what clashes (a number already in use), so show its words there.
      const { number } = this.form.controls;
      if (number.enabled) {
        applyServerErrors(this.form, [
          { field: 'number', rule: 'conflict', message: outcome.error.message },
        ]);
      } else {
        this.unmatched.set([outcome.error.message]);
      }
    }
  }

  private body(): EntryPointInput {
    const value = this.form.getRawValue();
    const target: EntryPointTarget =
      value.target.type === 'ivr'
        ? { type: 'ivr', ivrMenuId: value.target.ivrMenuId ?? '' }
        : { type: 'queue', queueId: value.target.queueId ?? '' };
    const common = {
      kind: value.kind,
      name: value.name.trim(),
      target,
      language: value.language,
      enabled: value.enabled,
    };
    return value.kind === 'number'
      ? { ...common, number: value.number.trim() }
      : {
          ...common,
          allowedOrigins: [
            ...new Set(value.allowedOrigins.map((origin) => toOrigin(origin) ?? origin)),
          ],
        };
  }

  private reset(entry: EntryPoint | null): void {
    this.unmatched.set([]);
    this.form.reset({
      kind: entry?.kind ?? 'number',
      name: entry?.name ?? '',
      number: entry?.number ?? '',
      allowedOrigins: entry?.allowedOrigins ?? [],
      target: {
        type: entry?.target.type ?? (this.store.menus().length ? 'ivr' : 'queue'),
        ivrMenuId: entry?.target.type === 'ivr' ? entry.target.ivrMenuId : null,
        queueId: entry?.target.type === 'queue' ? entry.target.queueId : null,
      },
      language: entry?.language ?? this.tenant()?.locale ?? 'en',
      enabled: entry?.enabled ?? true,
    });
    if (entry) this.form.controls.kind.disable({ emitEvent: false });
    else this.form.controls.kind.enable({ emitEvent: false });
    this.syncFields();
  }

  /** Disabled fields are not validated: only the fields of the chosen kind and target count. */
  private syncFields(): void {
    const { kind, number, allowedOrigins, target } = this.form.controls;
    const toggle = (on: boolean, control: AbstractControl) => {
      if (on && control.disabled) control.enable({ emitEvent: false });
      if (!on && control.enabled) control.disable({ emitEvent: false });
    };
    toggle(kind.value === 'number', number);
    toggle(kind.value === 'web', allowedOrigins);
    toggle(target.controls.type.value === 'ivr', target.controls.ivrMenuId);
    toggle(target.controls.type.value === 'queue', target.controls.queueId);
  }
}
