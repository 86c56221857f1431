import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { submitForm } from '../../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../../shared/ui/delete-button/delete-button';
import { FieldErrorText } from '../../../shared/ui/field-error/field-error';
import { IconAction } from '../../../shared/ui/icon-action/icon-action';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { CategoryGroupsStore } from '../category-groups-store';
import { CategoryGroup, CategoryValue } from '../classification-api';

/** Colours offered for values (Ant Design's palette); any hex colour may be typed too. */
export const VALUE_COLOURS = [
  '#f5222d',
  '#fa8c16',
  '#fadb14',
  '#52c41a',
  '#13c2c2',
  '#1677ff',
  '#722ed1',
  '#eb2f96',
  '#8c8c8c',
];

/** The tenant's category groups (e.g. Grade A/B/C, Industry, VIP) and their values. */
@Component({
  selector: 'app-categories-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
    NzSpinModule,
    NzSwitchModule,
    NzTagModule,
    ApiErrorAlert,
    DeleteButton,
    FieldErrorText,
    IconAction,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './categories-page.html',
  styleUrl: './categories-page.css',
})
export class CategoriesPage {
  protected readonly store = inject(CategoryGroupsStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly colours = VALUE_COLOURS;

  /** The group in the group dialog: null closed, 'new' create. */
  protected readonly groupEditing = signal<CategoryGroup | 'new' | null>(null);
  /** The value in the value dialog, with its group. */
  protected readonly valueEditing = signal<{
    group: CategoryGroup;
    value: CategoryValue | null;
  } | null>(null);
  protected readonly unmatched = signal<string[]>([]);

  protected readonly groupForm = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(500)],
    }),
    exclusive: new FormControl(false, { nonNullable: true }),
    position: new FormControl(0, {
      nonNullable: true,
      validators: [Validators.min(0), Validators.max(1000)],
    }),
    values: new FormControl<string[]>([], { nonNullable: true }),
  });

  protected readonly valueForm = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    colour: new FormControl('#1677ff', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^#[0-9a-fA-F]{6}$/)],
    }),
    position: new FormControl(0, {
      nonNullable: true,
      validators: [Validators.min(0), Validators.max(1000)],
    }),
  });

  protected editedGroup(): CategoryGroup | null {
    const editing = this.groupEditing();
    return editing === 'new' ? null : editing;
  }

  protected openGroup(group: CategoryGroup | null): void {
    this.unmatched.set([]);
    this.store.clearSaveError();
    const next = this.store.groups().reduce((max, g) => Math.max(max, g.position + 1), 0);
    this.groupForm.reset({
      name: group?.name ?? '',
      description: group?.description ?? '',
      exclusive: group?.exclusive ?? false,
      position: group?.position ?? next,
      values: [],
    });
    this.groupEditing.set(group ?? 'new');
  }

  protected async saveGroup(): Promise<void> {
    const group = this.editedGroup();
    const { name, description, exclusive, position, values } = this.groupForm.getRawValue();
    const outcome = await submitForm(this.groupForm, this.unmatched, () =>
      this.store.saveGroup(group?.id ?? null, {
        name: name.trim(),
        description: description.trim() || null,
        exclusive,
        position,
        ...(group ? {} : { values: values.map((v) => ({ name: v.trim() })).filter((v) => v.name) }),
      }),
    );
    if (outcome?.ok) {
      this.groupEditing.set(null);
      this.toast.success('customerClassification.categories.groupSaved', {
        name: outcome.value.name,
      });
    }
  }

  protected async removeGroup(group: CategoryGroup): Promise<void> {
    const outcome = await this.store.removeGroup(group);
    if (outcome.ok)
      this.toast.success('customerClassification.categories.groupDeleted', { name: group.name });
    else this.toast.failureAsSent(outcome.error);
  }

  protected openValue(group: CategoryGroup, value: CategoryValue | null): void {
    this.unmatched.set([]);
    this.store.clearSaveError();
    const next = group.values.reduce((max, v) => Math.max(max, v.position + 1), 0);
    this.valueForm.reset({
      name: value?.name ?? '',
      colour: value?.colour ?? VALUE_COLOURS[(group.values.length + 5) % VALUE_COLOURS.length],
      position: value?.position ?? next,
    });
    this.valueEditing.set({ group, value });
  }

  protected pickColour(colour: string): void {
    this.valueForm.controls.colour.setValue(colour);
    this.valueForm.controls.colour.markAsDirty();
  }

  protected async saveValue(): Promise<void> {
    const editing = this.valueEditing();
    if (!editing) return;
    const { name, colour, position } = this.valueForm.getRawValue();
    const outcome = await submitForm(this.valueForm, this.unmatched, () =>
      this.store.saveValue(editing.group.id, editing.value?.id ?? null, {
        name: name.trim(),
        colour: colour.toLowerCase(),
        position,
      }),
    );
    if (outcome?.ok) {
      this.valueEditing.set(null);
      this.toast.success('customerClassification.categories.valueSaved', {
        name: outcome.value.name,
      });
    }
  }

  protected async removeValue(value: CategoryValue): Promise<void> {
    const outcome = await this.store.removeValue(value);
    if (outcome.ok)
      this.toast.success('customerClassification.categories.valueDeleted', { name: value.name });
    else this.toast.failureAsSent(outcome.error);
  }
}
