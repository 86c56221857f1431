import {
  ChangeDetectionStrategy,
  Component,
  forwardRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { ControlValueAccessor, FormsModule, NG_VALUE_ACCESSOR } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { CategoryGroupsStore, exclusiveSelection } from '../category-groups-store';

/**
 * Picks category values, grouped by category group; in an exclusive group a new pick replaces the
 * old one. A form control of value ids.
 */
@Component({
  selector: 'app-category-picker',
  imports: [FormsModule, TranslocoPipe, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => CategoryPicker), multi: true },
  ],
  template: `
    <nz-select
      nzMode="multiple"
      nzShowSearch
      nzAllowClear
      [nzId]="inputId()"
      [nzPlaceHolder]="'customerClassification.picker.placeholder' | transloco"
      [nzNotFoundContent]="'customerClassification.picker.none' | transloco"
      [nzDisabled]="disabled()"
      [ngModel]="selected()"
      (ngModelChange)="pick($event)"
      data-testid="category-picker"
    >
      @for (group of groups.groups(); track group.id) {
        <nz-option-group
          [nzLabel]="
            group.exclusive
              ? group.name + ' · ' + ('customerClassification.exclusiveShort' | transloco)
              : group.name
          "
        >
          @for (value of group.values; track value.id) {
            <nz-option [nzValue]="value.id" [nzLabel]="value.name" />
          }
        </nz-option-group>
      }
    </nz-select>
  `,
  styles: `
    nz-select {
      width: 100%;
    }
  `,
})
export class CategoryPicker implements ControlValueAccessor {
  protected readonly groups = inject(CategoryGroupsStore);
  /** Id of the inner input, for a form label's `for`. */
  readonly inputId = input('customer-categories');

  protected readonly selected = signal<string[]>([]);
  protected readonly disabled = signal(false);
  private onChange: (ids: string[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  protected pick(ids: string[]): void {
    const next = exclusiveSelection(this.selected(), ids, this.groups.groups());
    this.selected.set(next);
    this.onChange(next);
    this.onTouched();
  }

  writeValue(ids: string[] | null): void {
    this.selected.set([...(ids ?? [])]);
  }

  registerOnChange(fn: (ids: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
