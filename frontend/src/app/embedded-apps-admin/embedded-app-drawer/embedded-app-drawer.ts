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
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { submitForm } from '../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { CAPABILITY_OPTIONS, URL_PLACEHOLDERS } from '../capability-labels';
import { EmbeddedAppsAdminStore } from '../embedded-apps-admin-store';

/** What the API accepts as a URL template: an http(s) address. */
export const URL_TEMPLATE_PATTERN = /^https?:\/\/\S+$/i;

/** Drawer to add an embedded app or change its address, queues, capabilities and order. */
@Component({
  selector: 'app-embedded-app-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzCheckboxModule,
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
  template: `
    <nz-drawer
      [nzVisible]="store.drawerOpen()"
      [nzWidth]="520"
      [nzTitle]="
        (edited() ? 'embeddedAppsAdmin.editTitle' : 'embeddedAppsAdmin.createTitle') | transloco
      "
      [nzFooter]="footer"
      (nzOnClose)="store.closeDrawer()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form
          nz-form
          nzLayout="vertical"
          id="embedded-app-form"
          [formGroup]="form"
          (ngSubmit)="submit()"
          data-testid="embedded-app-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors" [keys]="errorKeys"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="embedded-app-name">{{
              'embeddedAppsAdmin.name' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input
                nz-input
                id="embedded-app-name"
                formControlName="name"
                data-testid="embedded-app-name"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="embedded-app-url">{{
              'embeddedAppsAdmin.urlTemplate' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="'embeddedAppsAdmin.urlHint' | transloco: { placeholders }"
            >
              <input
                nz-input
                id="embedded-app-url"
                formControlName="urlTemplate"
                autocomplete="off"
                spellcheck="false"
                placeholder="https://crm.example.com/pop?phone={ani}"
                data-testid="embedded-app-url"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="embedded-app-queues">{{
              'embeddedAppsAdmin.queues' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="'embeddedAppsAdmin.queuesHint' | transloco"
            >
              <nz-select
                nzId="embedded-app-queues"
                nzMode="multiple"
                nzShowSearch
                formControlName="queueIds"
                [nzPlaceHolder]="'embeddedAppsAdmin.allQueues' | transloco"
                data-testid="embedded-app-queues"
              >
                @for (queue of store.queues(); track queue.id) {
                  <nz-option [nzValue]="queue.id" [nzLabel]="queue.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'embeddedAppsAdmin.capabilities' | transloco }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="'embeddedAppsAdmin.capabilitiesHint' | transloco"
            >
              <nz-checkbox-group formControlName="capabilities" class="capabilities">
                @for (option of capabilityOptions; track option.value) {
                  <label
                    nz-checkbox
                    [nzValue]="option.value"
                    [attr.data-testid]="'embedded-app-capability-' + option.value"
                  >
                    <code>{{ option.value }}</code>
                    <span class="explain">{{ option.helpKey | transloco }}</span>
                  </label>
                }
              </nz-checkbox-group>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="embedded-app-position">{{
              'embeddedAppsAdmin.position' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="'embeddedAppsAdmin.positionHint' | transloco"
            >
              <nz-input-number
                nzId="embedded-app-position"
                [nzMin]="0"
                [nzMax]="1000"
                [nzPrecision]="0"
                formControlName="position"
                data-testid="embedded-app-position"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-control [nzErrorTip]="errorTip">
              <label class="toggle">
                <nz-switch formControlName="enabled" data-testid="embedded-app-enabled-switch" />
                {{ 'embeddedAppsAdmin.enabledHint' | transloco }}
              </label>
            </nz-form-control>
          </nz-form-item>
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
            form="embedded-app-form"
            [nzLoading]="store.saving()"
            data-testid="embedded-app-submit"
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
    .capabilities {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .explain {
      color: rgba(0, 0, 0, 0.55);
      margin-left: 6px;
    }
    .toggle {
      display: flex;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class EmbeddedAppDrawer {
  protected readonly store = inject(EmbeddedAppsAdminStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly edited = this.store.edited;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly placeholders = URL_PLACEHOLDERS;
  protected readonly capabilityOptions = CAPABILITY_OPTIONS;
  protected readonly errorKeys = { pattern: 'embeddedAppsAdmin.urlRule' };
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    urlTemplate: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(2000),
        Validators.pattern(URL_TEMPLATE_PATTERN),
      ],
    }),
    queueIds: new FormControl<string[]>([], { nonNullable: true }),
    capabilities: new FormControl<string[]>([], { nonNullable: true }),
    position: new FormControl(1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(1000)],
    }),
    enabled: new FormControl(true, { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      // Track `editing`, not `edited`: every opening resets the form, also 'new' after 'new'.
      this.store.editing();
      untracked(() => {
        const app = this.store.edited();
        this.unmatched.set([]);
        this.form.reset({
          name: app?.name ?? '',
          urlTemplate: app?.urlTemplate ?? '',
          queueIds: [...(app?.queueIds ?? [])],
          capabilities: [...(app?.capabilities ?? [])],
          position: app?.position ?? this.store.nextPosition(),
          enabled: app?.enabled ?? true,
        });
      });
    });
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const value = this.form.getRawValue();
      return this.store.save(this.edited()?.id ?? null, {
        ...value,
        name: value.name.trim(),
        urlTemplate: value.urlTemplate.trim(),
      });
    });
    if (outcome?.ok) this.toast.success('embeddedAppsAdmin.saved', { name: outcome.value.name });
  }
}
