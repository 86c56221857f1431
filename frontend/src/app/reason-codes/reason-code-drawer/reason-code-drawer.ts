import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { ReasonCodesStore } from '../reason-codes-store';

/** What the API accepts as a code: lowercase letters, digits and underscores. */
export const REASON_CODE_PATTERN = /^[a-z0-9_]+$/;

/** Drawer to add a reason code or change its label, order and whether agents may pick it. */
@Component({
  selector: 'app-reason-code-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSwitchModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.drawerOpen()"
      [nzWidth]="440"
      [nzTitle]="(edited() ? 'reasonCodes.editTitle' : 'reasonCodes.createTitle') | transloco"
      [nzFooter]="footer"
      (nzOnClose)="store.closeDrawer()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form
          nz-form
          nzLayout="vertical"
          id="reason-code-form"
          [formGroup]="form"
          (ngSubmit)="submit()"
          data-testid="reason-code-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors" [keys]="codeKeys"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="reason-code-label">{{
              'reasonCodes.label' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input
                nz-input
                id="reason-code-label"
                formControlName="label"
                data-testid="reason-code-label"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="reason-code-code">{{
              'reasonCodes.code' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="(edited() ? 'reasonCodes.codeFixed' : 'reasonCodes.codeHint') | transloco"
            >
              <input
                nz-input
                id="reason-code-code"
                formControlName="code"
                autocomplete="off"
                spellcheck="false"
                data-testid="reason-code-code"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="reason-code-position">{{
              'reasonCodes.position' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="'reasonCodes.positionHint' | transloco"
            >
              <nz-input-number
                nzId="reason-code-position"
                [nzMin]="0"
                [nzMax]="1000"
                [nzPrecision]="0"
                formControlName="position"
                data-testid="reason-code-position"
              />
            </nz-form-control>
          </nz-form-item>
          <label class="toggle">
            <nz-switch formControlName="active" data-testid="reason-code-active-switch" />
            {{ 'reasonCodes.activeHint' | transloco }}
          </label>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="drawer-footer">
          <button nz-button type="button" (click)="store.closeDrawer()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="submit"
            form="reason-code-form"
            [nzLoading]="store.saving()"
            data-testid="reason-code-submit"
          >
            {{ 'common.save' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    nz-input-number {
      width: 160px;
    }
    .toggle {
      display: flex;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class ReasonCodeDrawer {
  protected readonly store = inject(ReasonCodesStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly edited = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly codeKeys = { pattern: 'reasonCodes.codeRule' };
  protected readonly form = new FormGroup({
    label: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(64)],
    }),
    code: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(32),
        Validators.pattern(REASON_CODE_PATTERN),
      ],
    }),
    position: new FormControl(1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(1000)],
    }),
    active: new FormControl(true, { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      untracked(() => {
        const code = this.store.edited();
        this.unmatched.set([]);
        this.form.reset({
          label: code?.label ?? '',
          code: code?.code ?? '',
          position: code?.position ?? this.store.nextPosition(),
          active: code?.active ?? true,
        });
        if (code) this.form.controls.code.disable();
        else this.form.controls.code.enable();
      });
    });
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const value = this.form.getRawValue();
      return this.store.save(this.edited()?.id ?? null, {
        code: value.code.trim(),
        label: value.label.trim(),
        position: value.position,
        active: value.active,
      });
    });
    if (outcome?.ok) this.toast.success('reasonCodes.saved', { label: outcome.value.label });
  }
}
