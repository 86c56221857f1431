import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { submitForm } from '../../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { TRACKING_TYPES, TrackingType } from '../../tracking-api';
import { CARE_RULE_KINDS, CareAssignee, CareRule, CareRuleKind } from '../care-api';
import {
  CareRuleFormValue,
  newKindDefaults,
  formValueOf,
  KIND_FIELDS,
  previewTitle,
  TITLE_PLACEHOLDERS,
  toRuleInput,
  unknownPlaceholders,
} from '../care-rule-form';
import { CareRulesStore } from '../care-rules-store';

/** A title template may use only the placeholders the server fills in. */
function knownPlaceholders(control: AbstractControl<string>): ValidationErrors | null {
  const unknown = unknownPlaceholders(control.value ?? '');
  return unknown.length ? { placeholder: { placeholders: unknown.join(' ') } } : null;
}

/** Drawer to define a care rule: its kind and schedule, the title of its tasks, who gets them, which customers. */
@Component({
  selector: 'app-care-rule-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzRadioModule,
    NzSelectModule,
    NzSwitchModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './care-rule-drawer.html',
  styleUrl: './care-rule-drawer.css',
})
export class CareRuleDrawer {
  protected readonly store = inject(CareRulesStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly kinds = CARE_RULE_KINDS;
  protected readonly trackingTypes = TRACKING_TYPES;
  protected readonly placeholders = TITLE_PLACEHOLDERS.join(' ');
  protected readonly rule = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly errorKeys = { placeholder: 'customerCare.rules.placeholderRule' };

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    kind: new FormControl<CareRuleKind>('anniversary', { nonNullable: true }),
    fieldKey: new FormControl<string | null>(null),
    daysBefore: new FormControl<number | null>(null),
    intervalDays: new FormControl<number | null>(null),
    trackingType: new FormControl<TrackingType | null>(null),
    daysAfter: new FormControl<number | null>(null),
    titleTemplate: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200), knownPlaceholders],
    }),
    assignee: new FormControl<CareAssignee>('owner', { nonNullable: true }),
    teamId: new FormControl<string | null>(null),
    tag: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(40)] }),
    customerStatus: new FormControl<'active' | 'inactive' | null>(null),
    active: new FormControl(true, { nonNullable: true }),
  });

  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: 'anniversary' as CareRuleKind,
  });
  protected readonly assignee = toSignal(this.form.controls.assignee.valueChanges, {
    initialValue: 'owner' as CareAssignee,
  });
  private readonly template = toSignal(this.form.controls.titleTemplate.valueChanges, {
    initialValue: '',
  });
  protected readonly preview = computed(() => {
    const template = this.template().trim();
    return template ? previewTitle(template, { name: '王小明', date: '2026-05-20', years: 5 }) : '';
  });

  constructor() {
    this.form.controls.kind.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((kind) => this.syncKind(kind, true));
    this.form.controls.assignee.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((assignee) => this.syncTeam(assignee));
    effect(() => {
      this.store.editing();
      untracked(() => this.reset(this.store.edited()));
    });
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.save(
        this.rule()?.id ?? null,
        toRuleInput(this.form.getRawValue() as CareRuleFormValue),
      ),
    );
    if (outcome?.ok) this.toast.success('customerCare.rules.saved', { name: outcome.value.name });
  }

  private reset(rule: CareRule | null): void {
    this.unmatched.set([]);
    this.form.reset(formValueOf(rule));
    if (rule) this.form.controls.kind.disable({ emitEvent: false });
    else this.form.controls.kind.enable({ emitEvent: false });
    this.syncKind(this.form.controls.kind.value, false);
    this.syncTeam(this.form.controls.assignee.value);
  }

  /** Only the kind's own settings are asked for (and required); a new rule gets the kind's defaults. */
  private syncKind(kind: CareRuleKind, applyDefaults: boolean): void {
    if (applyDefaults && !this.rule()) {
      this.form.patchValue(newKindDefaults(kind, this.form.getRawValue() as CareRuleFormValue), {
        emitEvent: false,
      });
      this.form.controls.titleTemplate.updateValueAndValidity();
    }
    const own = KIND_FIELDS[kind];
    for (const key of [
      'fieldKey',
      'daysBefore',
      'intervalDays',
      'trackingType',
      'daysAfter',
    ] as const) {
      const control = this.form.controls[key];
      if (own.includes(key)) control.setValidators(Validators.required);
      else control.clearValidators();
      control.updateValueAndValidity({ emitEvent: false });
    }
  }

  /** A team rule needs its team; for the owner the team is an optional fallback. */
  private syncTeam(assignee: CareAssignee): void {
    const team = this.form.controls.teamId;
    if (assignee === 'team') team.setValidators(Validators.required);
    else team.clearValidators();
    team.updateValueAndValidity({ emitEvent: false });
  }
}
