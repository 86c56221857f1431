import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { authFeature } from '../../../auth/auth.reducer';
import { submitForm } from '../../../shared/forms/server-errors';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { FieldErrorText } from '../../../shared/ui/field-error/field-error';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { VoiceLanguage } from '../../voice-api';
import { promptFileProblem, PromptsStore } from '../prompts-store';

/** Drawer to upload a WAV file as a prompt, with its name and language. */
@Component({
  selector: 'app-prompt-upload-drawer',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    ApiErrorAlert,
    FieldErrorText,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer
      [nzVisible]="store.uploadOpen()"
      [nzWidth]="480"
      [nzTitle]="'voice.prompts.uploadTitle' | transloco"
      [nzFooter]="footer"
      (nzOnClose)="store.closeUpload()"
    >
      <ng-container *nzDrawerContent>
        <app-api-error-alert [error]="store.saveError()" [details]="unmatched()" />
        <form
          nz-form
          nzLayout="vertical"
          id="prompt-form"
          [formGroup]="form"
          (ngSubmit)="submit()"
          data-testid="prompt-form"
        >
          <ng-template #errorTip let-control
            ><app-field-error [errors]="control.errors" [keys]="fileKeys"
          /></ng-template>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="prompt-file">{{
              'voice.prompts.file' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="form.controls.file"
              [nzErrorTip]="errorTip"
              [nzExtra]="'voice.prompts.fileHint' | transloco"
            >
              <input
                #fileInput
                id="prompt-file"
                class="file"
                type="file"
                accept=".wav,audio/wav,audio/x-wav"
                (change)="pick(fileInput.files)"
                data-testid="prompt-file"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="prompt-name">{{
              'voice.prompts.name' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <input nz-input id="prompt-name" formControlName="name" data-testid="prompt-name" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="prompt-language">{{
              'voice.language' | transloco
            }}</nz-form-label>
            <nz-form-control [nzErrorTip]="errorTip">
              <nz-select
                nzId="prompt-language"
                formControlName="language"
                data-testid="prompt-language"
              >
                @for (language of languages; track language) {
                  <nz-option
                    [nzValue]="language"
                    [nzLabel]="'voice.languages.' + language | transloco"
                  />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <div class="drawer-footer">
          <button nz-button type="button" (click)="store.closeUpload()">
            {{ 'common.cancel' | transloco }}
          </button>
          <button
            nz-button
            nzType="primary"
            type="submit"
            form="prompt-form"
            [nzLoading]="store.saving()"
            data-testid="prompt-submit"
          >
            <nz-icon nzType="upload" />
            {{ 'voice.prompts.uploadButton' | transloco }}
          </button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .file {
      display: block;
      width: 100%;
      padding: 4px 0;
    }
  `,
})
export class PromptUploadDrawer {
  protected readonly store = inject(PromptsStore);
  private readonly toast = inject(OutcomeToast);
  private readonly locale = inject(Store).selectSignal(authFeature.selectLocale);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly languages: readonly VoiceLanguage[] = ['en', 'zh-CN'];
  protected readonly unmatched = signal<string[]>([]);
  protected readonly fileKeys = {
    notWav: 'voice.prompts.notWav',
    tooLarge: 'voice.prompts.tooLarge',
    emptyFile: 'voice.prompts.emptyFile',
  };
  protected readonly form = new FormGroup({
    file: new FormControl<File | null>(null, [
      Validators.required,
      (control) => {
        const file = control.value as File | null;
        const problem = file ? promptFileProblem(file) : null;
        return problem ? { [problem.split('.').pop() ?? 'invalid']: true } : null;
      },
    ]),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(80)],
    }),
    language: new FormControl<VoiceLanguage>('en', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      if (!this.store.uploadOpen()) return;
      untracked(() => {
        this.unmatched.set([]);
        this.form.reset({ file: null, name: '', language: this.locale() });
        const input = this.fileInput()?.nativeElement;
        if (input) input.value = '';
      });
    });
  }

  /** Takes the chosen file and, when no name was typed yet, names the prompt after it. */
  protected pick(files: FileList | null): void {
    const file = files?.item(0) ?? null;
    const { file: fileControl, name } = this.form.controls;
    fileControl.setValue(file);
    fileControl.markAsDirty();
    fileControl.markAsTouched();
    if (file && !name.value.trim()) name.setValue(file.name.replace(/\.[^.]+$/, '').slice(0, 80));
  }

  protected async submit(): Promise<void> {
    const outcome = await submitForm(this.form, this.unmatched, () => {
      const { file, name, language } = this.form.getRawValue();
      return this.store.upload({ file: file as File, name: name.trim(), language });
    });
    if (outcome?.ok) this.toast.success('voice.prompts.uploaded', { name: outcome.value.name });
  }
}
