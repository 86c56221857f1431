import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { authFeature } from '../../../auth/auth.reducer';
import { FieldError } from '../../../shared/api/api-types';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { CustomerEditorStore } from '../../customer-editor-store';
import { CUSTOMER_KINDS, CUSTOMER_STATUSES, CustomerOwner } from '../../customers-api';
import { CategoryGroupsStore } from '../category-groups-store';
import {
  ConditionValue,
  SegmentCondition,
  SegmentField,
  SegmentOperator,
  SegmentRules,
} from '../classification-api';
import {
  adjustCondition,
  conditionIndexOf,
  newCondition,
  operatorsOf,
  SEGMENT_FIELDS,
  toRulesBody,
  valueInputOf,
} from '../segment-rules';
import { SegmentsStore } from '../segments-store';

/** Drawer to save a segment: its name and a rule builder (all/any of conditions) with a live member count. */
@Component({
  selector: 'app-segment-editor',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzRadioModule,
    NzSelectModule,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './segment-editor.html',
  styleUrl: './segment-editor.css',
})
export class SegmentEditor {
  protected readonly store = inject(SegmentsStore);
  protected readonly groups = inject(CategoryGroupsStore);
  protected readonly editor = inject(CustomerEditorStore);
  private readonly session = inject(Store);
  private readonly toast = inject(OutcomeToast);

  protected readonly fieldNames = SEGMENT_FIELDS;
  protected readonly statuses = CUSTOMER_STATUSES;
  protected readonly kinds = CUSTOMER_KINDS;

  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly match = signal<'all' | 'any'>('all');
  protected readonly conditions = signal<SegmentCondition[]>([]);
  /** 422 messages by condition index, and the ones that belong to no condition. */
  protected readonly conditionErrors = signal<ReadonlyMap<number, string>>(new Map());
  protected readonly nameError = signal<string | null>(null);
  protected readonly unmatched = signal<string[]>([]);

  private readonly me = this.session.selectSignal(authFeature.selectUser);
  private readonly canReadUsers = computed(() =>
    this.session.selectSignal(authFeature.selectPermissionSet)().has('users.view'),
  );
  /** Owners the owner condition offers: the tenant's users, or yourself when you may not list users. */
  protected readonly owners = computed<CustomerOwner[]>(() => {
    const owners = this.editor.owners();
    const me = this.me();
    if (owners.length) return owners;
    return me ? [{ id: me.id, displayName: me.displayName }] : [];
  });
  protected readonly rules = computed<SegmentRules>(() =>
    toRulesBody({ match: this.match(), conditions: this.conditions() }, this.editor.fields()),
  );

  constructor() {
    effect(() => {
      this.store.editing();
      untracked(() => this.reset());
    });
  }

  protected operatorsOf(condition: SegmentCondition): readonly SegmentOperator[] {
    return operatorsOf(condition, this.editor.fields());
  }

  protected inputOf(condition: SegmentCondition) {
    return valueInputOf(condition, this.editor.fields());
  }

  protected optionsOf(condition: SegmentCondition): string[] {
    return this.editor.fields().find((f) => f.key === condition.key)?.options ?? [];
  }

  protected addCondition(): void {
    this.conditions.update((list) => [...list, newCondition('status', this.editor.fields())]);
    this.changed();
  }

  protected removeCondition(index: number): void {
    this.conditions.update((list) => list.filter((_, i) => i !== index));
    this.changed();
  }

  protected setField(index: number, field: SegmentField): void {
    this.replace(index, () => newCondition(field, this.editor.fields()));
  }

  protected setKey(index: number, key: string): void {
    this.replace(index, (c) => adjustCondition({ ...c, key }, this.editor.fields(), c));
  }

  protected setOperator(index: number, operator: SegmentOperator): void {
    this.replace(index, (c) => adjustCondition({ ...c, operator }, this.editor.fields(), c));
  }

  protected setValue(index: number, value: ConditionValue): void {
    this.replace(index, (c) => ({ ...c, value }));
  }

  protected setRange(index: number, part: 'from' | 'to', date: string): void {
    this.replace(index, (c) => {
      const range = (c.value ?? { from: '', to: '' }) as { from: string; to: string };
      return { ...c, value: { ...range, [part]: date } };
    });
  }

  protected rangeOf(condition: SegmentCondition): { from: string; to: string } {
    return (condition.value ?? { from: '', to: '' }) as { from: string; to: string };
  }

  protected setMatch(match: 'all' | 'any'): void {
    this.match.set(match);
    this.changed();
  }

  protected async submit(): Promise<void> {
    const name = this.name().trim();
    if (!name) {
      this.nameError.set('required');
      return;
    }
    const segment = this.store.edited();
    const outcome = await this.store.save(segment?.id ?? null, {
      name,
      description: this.description().trim() || null,
      rules: this.rules(),
    });
    if (outcome.ok) {
      this.toast.success('customerClassification.segments.saved', { name: outcome.value.name });
    } else {
      this.showErrors(outcome.error.fieldErrors);
    }
  }

  private replace(index: number, change: (condition: SegmentCondition) => SegmentCondition): void {
    this.conditions.update((list) => list.map((c, i) => (i === index ? change(c) : c)));
    this.changed();
  }

  /** Clears the old errors and asks for a new live count. */
  private changed(): void {
    this.conditionErrors.set(new Map());
    this.store.preview(this.rules());
  }

  private showErrors(errors: readonly FieldError[]): void {
    const byCondition = new Map<number, string>();
    const rest: string[] = [];
    for (const error of errors) {
      const index = conditionIndexOf(error.field);
      if (index !== null) byCondition.set(index, error.message);
      else if (error.field === 'name') this.nameError.set(error.message);
      else rest.push(error.message);
    }
    this.conditionErrors.set(byCondition);
    this.unmatched.set(rest);
  }

  private reset(): void {
    const segment = this.store.edited();
    this.name.set(segment?.name ?? '');
    this.description.set(segment?.description ?? '');
    this.match.set(segment?.rules.match ?? 'all');
    this.conditions.set(segment ? [...segment.rules.conditions] : []);
    this.conditionErrors.set(new Map());
    this.nameError.set(null);
    this.unmatched.set([]);
    if (this.store.editing() !== null && this.canReadUsers()) this.editor.loadOwners();
  }
}
