import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { Customer } from '../../customers-api';
import { CategoryGroupsStore } from '../category-groups-store';
import { CategoryPicker } from '../category-picker/category-picker';
import { CategoryTags } from '../category-tags/category-tags';

/** A customer's category values on their page; managers change them in place. */
@Component({
  selector: 'app-customer-categories',
  imports: [FormsModule, TranslocoPipe, NzButtonModule, NzIconModule, CategoryPicker, CategoryTags],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (editing()) {
      <span class="editor">
        <app-category-picker
          inputId="detail-categories"
          [ngModel]="selected()"
          (ngModelChange)="selected.set($event)"
        />
        <button
          nz-button
          nzType="primary"
          nzSize="small"
          type="button"
          [nzLoading]="groups.saving()"
          (click)="save()"
          data-testid="customer-categories-save"
        >
          {{ 'common.save' | transloco }}
        </button>
        <button nz-button nzSize="small" type="button" (click)="editing.set(false)">
          {{ 'common.cancel' | transloco }}
        </button>
      </span>
    } @else {
      <app-category-tags [categories]="customer().categories" />
      @if (canManage()) {
        <button
          nz-button
          nzType="link"
          nzSize="small"
          type="button"
          (click)="edit()"
          [attr.aria-label]="'customerClassification.picker.edit' | transloco"
          data-testid="customer-categories-edit"
        >
          <nz-icon nzType="tags" />
          @if (!customer().categories.length) {
            {{ 'customerClassification.picker.add' | transloco }}
          }
        </button>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px;
    }
    .editor {
      display: inline-flex;
      gap: 8px;
      align-items: center;
      min-width: 360px;
    }
    app-category-picker {
      flex: 1;
    }
  `,
})
export class CustomerCategories {
  protected readonly groups = inject(CategoryGroupsStore);
  private readonly toast = inject(OutcomeToast);

  readonly customer = input.required<Customer>();
  readonly canManage = input(false);
  /** Emits the customer with its new categories. */
  readonly changed = output<Customer>();

  protected readonly editing = signal(false);
  protected readonly selected = signal<string[]>([]);

  protected edit(): void {
    this.selected.set(this.customer().categories.map((c) => c.id));
    this.editing.set(true);
  }

  protected async save(): Promise<void> {
    const outcome = await this.groups.assign(this.customer(), this.selected());
    if (outcome.ok) {
      this.editing.set(false);
      this.changed.emit(outcome.value);
      this.toast.success('customerClassification.picker.saved', { name: outcome.value.name });
    } else {
      this.toast.failure(outcome.error);
    }
  }
}
