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
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map, startWith } from 'rxjs';
import { SERVER_ERROR, submitForm } from '../../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PromptPlayButton } from '../../prompt-play-button/prompt-play-button';
import { IvrDigit, IvrMenu, IvrMenuInput, IvrOption, Prompt, VoiceLanguage } from '../../voice-api';
import {
  duplicateDigits,
  inKeypadOrder,
  IVR_DIGITS,
  IVR_LIMITS,
  nextFreeDigit,
  parseTargetKey,
  TargetKey,
  targetKey,
  uniqueDigits,
} from '../ivr-options';
import { IvrStore } from '../ivr-store';

/** Settings a new menu starts with. */
const DEFAULTS = { timeoutSeconds: 5, maxRetries: 2 };

/** The form row of one option. */
type OptionRow = FormGroup<{
  digit: FormControl<IvrDigit>;
  label: FormControl<string>;
  target: FormControl<TargetKey | null>;
}>;

/** Drawer to build an IVR menu: prompts, keys with their targets, and what happens without a key. */
@Component({
  selector: 'app-ivr-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDividerModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTableModule,
    ApiErrorAlert,
    FieldErrorText,
    PromptPlayButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ivr-drawer.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 16px;
    }
    .row.three {
      grid-template-columns: 1fr 1fr 1.4fr;
    }
    nz-input-number {
      width: 100%;
    }
    .with-play {
      display: flex;
      gap: 4px;
      align-items: center;
    }
    .with-play nz-select {
      flex: 1;
      min-width: 0;
    }
    td nz-select {
      width: 100%;
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      margin: 0 0 8px;
    }
    .add {
      margin-top: 8px;
    }
    .array-error {
      margin-top: 4px;
      color: #ff4d4f;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class IvrDrawer {
  protected readonly store = inject(IvrStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly digits = IVR_DIGITS;
  protected readonly limits = IVR_LIMITS;
  protected readonly languages: readonly VoiceLanguage[] = ['en', 'zh-CN'];
  protected readonly edited = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly errorKeys = {
    duplicateDigit: 'voice.ivr.duplicateDigit',
    selfTarget: 'voice.ivr.selfTarget',
  };

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    language: new FormControl<VoiceLanguage>('en', { nonNullable: true }),
    greetingPromptId: new FormControl<string | null>(null),
    menuPromptId: new FormControl<string | null>(null),
    timeoutSeconds: new FormControl(DEFAULTS.timeoutSeconds, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.min(IVR_LIMITS.timeoutMin),
        Validators.max(IVR_LIMITS.timeoutMax),
      ],
    }),
    maxRetries: new FormControl(DEFAULTS.maxRetries, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.min(IVR_LIMITS.retriesMin),
        Validators.max(IVR_LIMITS.retriesMax),
      ],
    }),
    options: new FormArray<OptionRow>([], { validators: uniqueDigits }),
    defaultTarget: new FormGroup({ queueId: new FormControl<string | null>(null) }),
  });

  /** The form's value, re-read on every change of value or status (also server errors). */
  private readonly value = toSignal(
    this.form.events.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly greetingPromptId = computed(() => this.value().greetingPromptId);
  protected readonly menuPromptId = computed(() => this.value().menuPromptId);
  protected readonly duplicates = computed(() =>
    duplicateDigits(this.value().options.map((option) => option.digit)),
  );
  protected readonly canAddOption = computed(
    () => nextFreeDigit(this.value().options.map((option) => option.digit)) !== null,
  );
  /** Menus an option may lead to: every other menu. */
  protected readonly subMenus = computed(() => {
    const self = this.edited()?.id;
    return this.store.menus().filter((menu) => menu.id !== self);
  });
  /**
   * What is wrong with the options, under the table: a key used twice, or what the server said
   * about one option (its row is marked red, but a select has no room for the sentence).
   */
  protected readonly optionsError = computed(() => {
    this.value();
    const options = this.form.controls.options;
    if (options.errors && (options.dirty || options.touched)) return options.errors;
    for (const row of options.controls) {
      for (const control of Object.values(row.controls)) {
        if (control.errors?.[SERVER_ERROR]) return control.errors;
      }
    }
    return null;
  });

  constructor() {
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      untracked(() => this.reset(this.store.edited()));
    });
  }

  protected promptLabel(prompt: Prompt): string {
    return `${prompt.name} · ${prompt.language}`;
  }

  protected invalid(control: AbstractControl): boolean {
    return control.invalid && (control.dirty || control.touched);
  }

  protected addOption(): void {
    const options = this.form.controls.options;
    const digit = nextFreeDigit(options.getRawValue().map((option) => option.digit));
    if (!digit) return;
    options.push(this.optionRow({ digit, label: '', target: null }));
    options.markAsDirty();
  }

  protected removeOption(index: number): void {
    this.form.controls.options.removeAt(index);
    this.form.controls.options.markAsDirty();
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.save(this.edited()?.id ?? null, this.body()),
    );
    if (outcome?.ok) this.toast.success('voice.ivr.saved', { name: outcome.value.name });
  }

  private body(): IvrMenuInput {
    const value = this.form.getRawValue();
    const options: IvrOption[] = [];
    for (const option of value.options) {
      const target = parseTargetKey(option.target);
      if (target) options.push({ digit: option.digit, label: option.label.trim(), target });
    }
    const queueId = value.defaultTarget.queueId;
    return {
      name: value.name.trim(),
      language: value.language,
      greetingPromptId: value.greetingPromptId,
      menuPromptId: value.menuPromptId,
      timeoutSeconds: value.timeoutSeconds,
      maxRetries: value.maxRetries,
      options: inKeypadOrder(options),
      defaultTarget: queueId ? { type: 'queue', queueId } : null,
    };
  }

  private optionRow(option: {
    digit: IvrDigit;
    label: string;
    target: TargetKey | null;
  }): OptionRow {
    return new FormGroup({
      digit: new FormControl<IvrDigit>(option.digit, { nonNullable: true }),
      label: new FormControl(option.label, {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(64)],
      }),
      target: new FormControl<TargetKey | null>(option.target, [
        Validators.required,
        (control: AbstractControl<TargetKey | null>): ValidationErrors | null => {
          const self = this.edited()?.id ?? null;
          return self && control.value === `menu:${self}` ? { selfTarget: true } : null;
        },
      ]),
    });
  }

  private reset(menu: IvrMenu | null): void {
    this.unmatched.set([]);
    const options = this.form.controls.options;
    options.clear({ emitEvent: false });
    for (const option of inKeypadOrder(menu?.options ?? [])) {
      options.push(
        this.optionRow({
          digit: option.digit,
          label: option.label,
          target: targetKey(option.target),
        }),
        { emitEvent: false },
      );
    }
    this.form.reset({
      name: menu?.name ?? '',
      language: menu?.language ?? 'en',
      greetingPromptId: menu?.greetingPromptId ?? null,
      menuPromptId: menu?.menuPromptId ?? null,
      timeoutSeconds: menu?.timeoutSeconds ?? DEFAULTS.timeoutSeconds,
      maxRetries: menu?.maxRetries ?? DEFAULTS.maxRetries,
      options: options.getRawValue(),
      defaultTarget: { queueId: menu?.defaultTarget?.queueId ?? null },
    });
  }
}
