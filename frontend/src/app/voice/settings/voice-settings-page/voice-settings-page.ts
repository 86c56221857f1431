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
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { RECORDING_MODES, RecordingMode } from '../../../shared/api/voice-models';
import { submitForm } from '../../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { VoiceSettings } from '../../voice-api';
import { VoiceSettingsStore } from '../voice-settings-store';

/**
 * Tenant-wide voice settings: recording policy, queue position announcements, whether agents are
 * told about supervision, outbound caller id.
 */
@Component({
  selector: 'app-voice-settings-page',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    NzRadioModule,
    NzSpinModule,
    NzSwitchModule,
    ApiErrorAlert,
    FieldErrorText,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'voice.settings.title' | transloco"
      [subtitle]="'voice.settings.subtitle' | transloco"
    />
    <nz-card data-testid="voice-settings">
      <nz-spin [nzSpinning]="store.loading()">
        <app-api-error-alert
          [error]="store.loadError() ?? store.saveError()"
          [details]="unmatched()"
        />
        <form
          nz-form
          nzLayout="vertical"
          class="form"
          [formGroup]="form"
          (ngSubmit)="save()"
          data-testid="voice-settings-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzFor="voice-recording">{{
              'voice.settings.recordingMode' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-radio-group
                id="voice-recording"
                formControlName="recordingMode"
                class="modes"
                data-testid="voice-recording-mode"
              >
                @for (mode of modes; track mode) {
                  <label nz-radio [nzValue]="mode" [attr.data-testid]="'voice-recording-' + mode">
                    <span class="mode">{{ 'voice.recordingModes.' + mode | transloco }}</span>
                    <span class="mode-help">{{ 'voice.recordingHelp.' + mode | transloco }}</span>
                  </label>
                }
              </nz-radio-group>
            </nz-form-control>
            <p class="help">{{ 'voice.settings.recordingQueueHint' | transloco }}</p>
          </nz-form-item>
          <nz-form-item>
            <label class="toggle">
              <nz-switch formControlName="announcePosition" data-testid="voice-announce" />
              <span>
                {{ 'voice.settings.announcePosition' | transloco }}
                <span class="mode-help">{{
                  'voice.settings.announcePositionHelp' | transloco
                }}</span>
              </span>
            </label>
          </nz-form-item>
          <nz-form-item>
            <label class="toggle">
              <nz-switch
                formControlName="notifyAgentOfSupervision"
                data-testid="voice-notify-supervision"
              />
              <span>
                {{ 'softphone.settings.notifySupervision' | transloco }}
                <span class="mode-help">{{
                  'softphone.settings.notifySupervisionHelp' | transloco
                }}</span>
              </span>
            </label>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="voice-caller-id">{{
              'voice.settings.outboundCallerId' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzErrorTip]="errorTip"
              [nzExtra]="'voice.settings.outboundCallerIdHint' | transloco"
            >
              <input
                nz-input
                id="voice-caller-id"
                type="tel"
                autocomplete="off"
                formControlName="outboundCallerId"
                placeholder="+4930123456"
                data-testid="voice-caller-id"
              />
            </nz-form-control>
          </nz-form-item>
          <button
            nz-button
            nzType="primary"
            type="submit"
            class="save"
            [nzLoading]="store.saving()"
            [disabled]="!store.settings()"
            data-testid="voice-settings-save"
          >
            {{ 'common.save' | transloco }}
          </button>
        </form>
      </nz-spin>
    </nz-card>
  `,
  styles: `
    .form {
      max-width: 640px;
    }
    .modes {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .mode {
      font-weight: 500;
    }
    .mode-help {
      display: block;
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      white-space: normal;
    }
    .toggle {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    .help {
      color: rgba(0, 0, 0, 0.5);
      font-size: 12px;
      margin: 4px 0 0;
    }
    .save {
      margin-top: 8px;
    }
  `,
})
export class VoiceSettingsPage {
  protected readonly store = inject(VoiceSettingsStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly modes = RECORDING_MODES;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = new FormGroup({
    recordingMode: new FormControl<RecordingMode>('on_demand', { nonNullable: true }),
    announcePosition: new FormControl(false, { nonNullable: true }),
    notifyAgentOfSupervision: new FormControl(true, { nonNullable: true }),
    outboundCallerId: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(32)],
    }),
  });

  constructor() {
    effect(() => {
      const settings = this.store.settings();
      untracked(() => {
        if (settings) this.reset(settings);
      });
    });
  }

  protected async save(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const value = this.form.getRawValue();
      const callerId = value.outboundCallerId.trim();
      return this.store.save({
        recordingMode: value.recordingMode,
        announcePosition: value.announcePosition,
        outboundCallerId: callerId || null,
        notifyAgentOfSupervision: value.notifyAgentOfSupervision,
      });
    });
    if (outcome?.ok) this.toast.success('voice.settings.saved');
  }

  private reset(settings: VoiceSettings): void {
    this.unmatched.set([]);
    this.form.reset({
      recordingMode: settings.recordingMode,
      announcePosition: settings.announcePosition,
      outboundCallerId: settings.outboundCallerId ?? '',
      // Older servers do not send it: agents are told by default.
      notifyAgentOfSupervision: settings.notifyAgentOfSupervision ?? true,
    });
  }
}
