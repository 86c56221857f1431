import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { AnnouncementAudience, AnnouncementPriority } from '../announcements-api';
import { AnnouncementsStore } from '../announcements-store';

/** Drawer to post an announcement to everyone or to chosen teams. */
@Component({
  selector: 'app-announcement-compose',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDatePickerModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    NzRadioModule,
    NzSelectModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.composing()"
      [nzWidth]="520"
      [nzTitle]="'announcements.compose' | transloco"
      [nzFooter]="footer"
      (nzOnClose)="store.closeCompose()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form
          nz-form
          nzLayout="vertical"
          [formGroup]="form"
          (ngSubmit)="publish()"
          id="announcement-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="ann-title">{{
              'announcements.fields.title' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input
                nz-input
                id="ann-title"
                formControlName="title"
                data-testid="announcement-title"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="ann-body">{{
              'announcements.fields.body' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <textarea
                nz-input
                id="ann-body"
                rows="6"
                formControlName="body"
                data-testid="announcement-body"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'announcements.fields.priority' | transloco }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-radio-group formControlName="priority">
                <label nz-radio-button nzValue="normal">{{
                  'announcements.priority.normal' | transloco
                }}</label>
                <label nz-radio-button nzValue="urgent">{{
                  'announcements.priority.urgent' | transloco
                }}</label>
              </nz-radio-group>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'announcements.fields.audience' | transloco }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-radio-group formControlName="audience" data-testid="announcement-audience">
                <label nz-radio-button nzValue="organisation">{{
                  'announcements.audience.organisation' | transloco
                }}</label>
                <label nz-radio-button nzValue="teams">{{
                  'announcements.audience.teams' | transloco
                }}</label>
              </nz-radio-group>
            </nz-form-control>
          </nz-form-item>
          @if (audience() === 'teams') {
            <nz-form-item>
              <nz-form-label nzRequired nzFor="ann-teams">{{
                'announcements.fields.teams' | transloco
              }}</nz-form-label>
              <nz-form-control [nzErrorTip]="errorTip">
                <nz-select
                  nzId="ann-teams"
                  nzMode="multiple"
                  formControlName="teamIds"
                  [nzPlaceHolder]="'announcements.chooseTeams' | transloco"
                  data-testid="announcement-teams"
                >
                  @for (team of store.teams(); track team.id) {
                    <nz-option [nzValue]="team.id" [nzLabel]="team.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          }
          <nz-form-item>
            <nz-form-label nzFor="ann-expires">{{
              'announcements.fields.expiresAt' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-date-picker
                nzId="ann-expires"
                nzShowTime
                nzFormat="yyyy-MM-dd HH:mm"
                formControlName="expiresAt"
              />
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="footer">
          <button nz-button type="button" (click)="store.closeCompose()">
            {{ 'announcements.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="submit"
            form="announcement-form"
            [nzLoading]="store.saving()"
            data-testid="announcement-submit"
          >
            {{ 'announcements.publish' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .footer {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class AnnouncementCompose {
  protected readonly store = inject(AnnouncementsStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(10000)],
    }),
    priority: new FormControl<AnnouncementPriority>('normal', { nonNullable: true }),
    audience: new FormControl<AnnouncementAudience>('organisation', { nonNullable: true }),
    teamIds: new FormControl<string[]>([], { nonNullable: true }),
    expiresAt: new FormControl<Date | null>(null),
  });
  protected readonly audience = toSignal(this.form.controls.audience.valueChanges, {
    initialValue: this.form.controls.audience.value,
  });

  protected async publish(): Promise<void> {
    const value = this.form.getRawValue();
    const outcome = await submitForm(this.form, this.unmatched, () =>
      this.store.publish({
        title: value.title.trim(),
        body: value.body.trim(),
        priority: value.priority,
        audience: value.audience,
        ...(value.audience === 'teams' ? { teamIds: value.teamIds } : {}),
        expiresAt: value.expiresAt ? value.expiresAt.toISOString() : null,
      }),
    );
    if (outcome?.ok) {
      this.form.reset();
      this.toast.success('announcements.published', { title: outcome.value.title });
    }
  }
}
