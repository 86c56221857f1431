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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { RECORDING_MODES, RecordingMode } from '../../shared/api/voice-models';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { OverflowAction, Queue, QUEUE_STRATEGIES, QueueStrategy } from '../queues-api';
import { QueuesStore } from '../queues-store';

/** Settings a new queue starts with. */
const DEFAULTS = {
  strategy: 'longest_idle' as QueueStrategy,
  priority: 0,
  serviceLevelSeconds: 20,
  wrapUpSeconds: 10,
  offerTimeoutSeconds: 15,
  relaxAfterSeconds: 60,
  overflowAfterSeconds: 120,
};

const seconds = (min: number, max: number) => [
  Validators.required,
  Validators.min(min),
  Validators.max(max),
];

/** Drawer to create or edit a queue with every routing setting. */
@Component({
  selector: 'app-queue-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDividerModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSwitchModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queue-drawer.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 16px;
    }
    nz-input-number {
      width: 100%;
    }
    .option-label {
      font-weight: 500;
    }
    .option-help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      white-space: normal;
    }
    .toggle {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      margin: 0 0 8px;
    }
  `,
})
export class QueueDrawer {
  protected readonly store = inject(QueuesStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly strategies = QUEUE_STRATEGIES;
  protected readonly recordingModes = RECORDING_MODES;
  protected readonly queue = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly overflowChoices: readonly (OverflowAction | 'none')[] = ['none', 'queue', 'voicemail', 'callback'];

  /** Queues calls may overflow to: every other queue. */
  protected readonly overflowTargets = computed(() => {
    const self = this.queue()?.id;
    return this.store.queues().filter((queue) => queue.id !== self);
  });

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    strategy: new FormControl<QueueStrategy>(DEFAULTS.strategy, { nonNullable: true }),
    priority: new FormControl(DEFAULTS.priority, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(100)],
    }),
    serviceLevelSeconds: new FormControl(DEFAULTS.serviceLevelSeconds, {
      nonNullable: true,
      validators: seconds(1, 3600),
    }),
    wrapUpSeconds: new FormControl(DEFAULTS.wrapUpSeconds, {
      nonNullable: true,
      validators: seconds(0, 3600),
    }),
    offerTimeoutSeconds: new FormControl(DEFAULTS.offerTimeoutSeconds, {
      nonNullable: true,
      validators: seconds(5, 600),
    }),
    relax: new FormControl(false, { nonNullable: true }),
    relaxAfterSeconds: new FormControl(DEFAULTS.relaxAfterSeconds, {
      nonNullable: true,
      validators: seconds(5, 3600),
    }),
    /** `'none'` stands for no overflow at all (no delay is sent). */
    overflow: new FormControl<OverflowAction | 'none'>('none', { nonNullable: true }),
    overflowQueueId: new FormControl<string | null>(null),
    overflowAfterSeconds: new FormControl(DEFAULTS.overflowAfterSeconds, {
      nonNullable: true,
      validators: seconds(5, 86400),
    }),
    /** `'default'` stands for null (the tenant's setting): a select can't show null as chosen. */
    recordingMode: new FormControl<RecordingMode | 'default'>('default', { nonNullable: true }),
  });

  constructor() {
    const { relax, overflow } = this.form.controls;
    const destroyRef = inject(DestroyRef);
    relax.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => this.syncOptionalFields());
    overflow.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => this.syncOptionalFields());
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      untracked(() => this.reset(this.store.edited()));
    });
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const value = this.form.getRawValue();
      return this.store.save(this.queue()?.id ?? null, {
        name: value.name.trim(),
        strategy: value.strategy,
        priority: value.priority,
        serviceLevelSeconds: value.serviceLevelSeconds,
        wrapUpSeconds: value.wrapUpSeconds,
        offerTimeoutSeconds: value.offerTimeoutSeconds,
        relaxAfterSeconds: value.relax ? value.relaxAfterSeconds : null,
        overflowQueueId: value.overflow === 'queue' ? value.overflowQueueId : null,
        overflowAfterSeconds: value.overflow === 'none' ? null : value.overflowAfterSeconds,
        overflowAction: value.overflow === 'none' ? 'queue' : value.overflow,
        recordingMode: value.recordingMode === 'default' ? null : value.recordingMode,
      });
    });
    if (outcome?.ok) this.toast.success('queues.saved', { name: outcome.value.name });
  }

  private reset(queue: Queue | null): void {
    this.unmatched.set([]);
    this.form.reset({
      name: queue?.name ?? '',
      strategy: queue?.strategy ?? DEFAULTS.strategy,
      priority: queue?.priority ?? DEFAULTS.priority,
      serviceLevelSeconds: queue?.serviceLevelSeconds ?? DEFAULTS.serviceLevelSeconds,
      wrapUpSeconds: queue?.wrapUpSeconds ?? DEFAULTS.wrapUpSeconds,
      offerTimeoutSeconds: queue?.offerTimeoutSeconds ?? DEFAULTS.offerTimeoutSeconds,
      relax: queue ? queue.relaxAfterSeconds !== null : false,
      relaxAfterSeconds: queue?.relaxAfterSeconds ?? DEFAULTS.relaxAfterSeconds,
      overflow: overflowOf(queue),
      overflowQueueId: queue?.overflowQueueId ?? null,
      overflowAfterSeconds: queue?.overflowAfterSeconds ?? DEFAULTS.overflowAfterSeconds,
      recordingMode: queue?.recordingMode ?? 'default',
    });
    this.syncOptionalFields();
  }

  /** Disabled fields are not validated: the relaxation and overflow delays count only when used. */
  private syncOptionalFields(): void {
    const { relax, relaxAfterSeconds, overflow, overflowQueueId, overflowAfterSeconds } = this.form.controls;
    const toggle = (on: boolean, control: FormControl<number>) => {
      if (on && control.disabled) control.enable({ emitEvent: false });
      if (!on && control.enabled) control.disable({ emitEvent: false });
    };
    toggle(relax.value, relaxAfterSeconds);
    toggle(overflow.value !== 'none', overflowAfterSeconds);
    if (overflow.value === 'queue') overflowQueueId.addValidators(Validators.required);
    else overflowQueueId.removeValidators(Validators.required);
    overflowQueueId.updateValueAndValidity({ emitEvent: false });
  }
}

/** The overflow choice a saved queue shows: none without a delay, else its action. */
export function overflowOf(queue: Queue | null): OverflowAction | 'none' {
  if (!queue || queue.overflowAfterSeconds === null) return 'none';
  if (queue.overflowAction === 'queue' && !queue.overflowQueueId) return 'none';
  return queue.overflowAction ?? 'queue';
}
