import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../shared/ui/delete-button/delete-button';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { ReportDefinition, SavedReport } from '../datacenter-models';
import { ReportsStore } from '../reports-store';

/**
 * Saved reports: the drawer listing own and shared reports (open, rename, delete) and the dialog
 * that saves the current view as a new report or renames one.
 */
@Component({
  selector: 'app-reports-panel',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzCheckboxModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    DeleteButton,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="listOpen()"
      [nzWidth]="720"
      [nzTitle]="'datacenter.reports.title' | transloco"
      (nzOnClose)="closed.emit()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.loadError() ?? store.saveError()" />
        <nz-table
          nzSize="small"
          [nzData]="store.reports()"
          [nzLoading]="store.loading()"
          [nzPageSize]="20"
          [nzHideOnSinglePage]="true"
          [nzNoResult]="'datacenter.reports.none' | transloco"
          data-testid="dc-reports-table"
        >
          <thead>
            <tr>
              <th>{{ 'datacenter.reports.name' | transloco }}</th>
              <th>{{ 'datacenter.reports.owner' | transloco }}</th>
              <th nzWidth="140px"></th>
            </tr>
          </thead>
          <tbody>
            @for (report of store.reports(); track report.id) {
              <tr [attr.data-testid]="'dc-report-' + report.name">
                <td>
                  <button
                    type="button"
                    class="open"
                    data-testid="dc-report-open"
                    (click)="opened.emit(report)"
                  >
                    {{ report.name }}
                  </button>
                  @if (report.shared) {
                    <nz-tag nzColor="blue">{{ 'datacenter.reports.sharedTag' | transloco }}</nz-tag>
                  }
                  @if (report.description) {
                    <div class="description">{{ report.description }}</div>
                  }
                </td>
                <td>{{ report.ownerName ?? '–' }}</td>
                <td>
                  @if (report.canEdit) {
                    <button
                      nz-button
                      nzType="text"
                      nzSize="small"
                      type="button"
                      data-testid="dc-report-rename"
                      [attr.aria-label]="'datacenter.reports.rename' | transloco"
                      (click)="edit(report)"
                    >
                      <nz-icon nzType="edit" />
                    </button>
                    <app-delete-button
                      [question]="
                        'datacenter.reports.deleteQuestion' | transloco: { name: report.name }
                      "
                      testId="dc-report-delete"
                      (confirmed)="store.remove(report.id)"
                    />
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </ng-container>
    </nz-drawer>

    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="
        (editing() === 'new' ? 'datacenter.reports.saveTitle' : 'datacenter.reports.renameTitle')
          | transloco
      "
      [nzOkText]="'common.save' | transloco"
      [nzCancelText]="'common.cancel' | transloco"
      [nzOkLoading]="store.saving()"
      (nzOnOk)="save()"
      (nzOnCancel)="editing.set(null)"
    >
      <form
        *nzModalContent
        nz-form
        nzLayout="vertical"
        [formGroup]="form"
        (ngSubmit)="save()"
        data-testid="dc-report-form"
      >
        <app-api-error-alert [error]="unmatched().length ? store.saveError() : null" />
        <nz-form-item>
          <nz-form-label nzRequired nzFor="dc-report-name">{{
            'datacenter.reports.name' | transloco
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="nameError">
            <input
              nz-input
              id="dc-report-name"
              formControlName="name"
              maxlength="120"
              data-testid="dc-report-name"
            />
            <ng-template #nameError
              ><app-field-error [errors]="form.controls.name.errors"
            /></ng-template>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="dc-report-description">{{
            'datacenter.reports.description' | transloco
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="descriptionError">
            <textarea
              nz-input
              id="dc-report-description"
              rows="3"
              formControlName="description"
              maxlength="500"
            ></textarea>
            <ng-template #descriptionError
              ><app-field-error [errors]="form.controls.description.errors"
            /></ng-template>
          </nz-form-control>
        </nz-form-item>
        <label nz-checkbox formControlName="shared" data-testid="dc-report-shared">
          {{ 'datacenter.reports.shared' | transloco }}
        </label>
        <button type="submit" hidden></button>
      </form>
    </nz-modal>
  `,
  styles: `
    .open {
      padding: 0;
      border: 0;
      background: none;
      color: #1677ff;
      cursor: pointer;
      font: inherit;
      margin-right: 8px;
    }
    .open:hover,
    .open:focus-visible {
      text-decoration: underline;
    }
    .description {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
    }
  `,
})
export class ReportsPanel {
  protected readonly store = inject(ReportsStore);
  private readonly fb = inject(FormBuilder).nonNullable;

  readonly listOpen = input(false);
  /** The definition of the view shown now (what "save" stores). */
  readonly definition = input.required<ReportDefinition>();
  readonly opened = output<SavedReport>();
  readonly saved = output<SavedReport>();
  readonly closed = output();

  /** 'new' while saving the view, the report while renaming it, null otherwise. */
  protected readonly editing = signal<'new' | SavedReport | null>(null);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    description: ['', Validators.maxLength(500)],
    shared: [false],
  });

  /** Opens the dialog that saves the current view. */
  saveView(): void {
    this.form.reset({ name: '', description: '', shared: false });
    this.unmatched.set([]);
    this.editing.set('new');
  }

  protected edit(report: SavedReport): void {
    this.form.reset({
      name: report.name,
      description: report.description ?? '',
      shared: report.shared,
    });
    this.unmatched.set([]);
    this.editing.set(report);
  }

  protected async save(): Promise<void> {
    const editing = this.editing();
    if (!editing) return;
    const value = this.form.getRawValue();
    const input = {
      name: value.name.trim(),
      description: value.description.trim() || null,
      shared: value.shared,
      definition: editing === 'new' ? this.definition() : editing.definition,
    };
    const outcome = await submitForm(this.form, this.unmatched, () =>
      editing === 'new' ? this.store.create(input) : this.store.update(editing.id, input),
    );
    if (outcome?.ok) {
      this.editing.set(null);
      if (editing === 'new') this.saved.emit(outcome.value);
    }
  }
}
