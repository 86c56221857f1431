import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { WorkspaceStore } from '../workspace-store';
import { ScheduleCallbackButton } from '../../callbacks/schedule-callback-button/schedule-callback-button';

/** Longest disposition code and notes the server accepts. */
const CODE_MAX = 64;
const NOTES_MAX = 2000;

/** The call's disposition: a short code and notes, saved while connected or in wrap-up. */
@Component({
  selector: 'app-wrap-up-form',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    ScheduleCallbackButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" (ngSubmit)="save()" data-testid="workspace-disposition">
      <div class="title">
        <nz-icon nzType="file-text" />
        {{ 'softphone.disposition' | transloco }}
        @if (saved(); as code) {
          <span class="saved" data-testid="workspace-disposition-saved"
            >{{ 'softphone.dispositionSaved' | transloco }}: <code>{{ code }}</code></span
          >
        }
        <app-schedule-callback-button class="callback" place="wrap-up" size="small" />
      </div>
      <div class="fields">
        <input
          nz-input
          name="code"
          class="code"
          [maxlength]="codeMax"
          required
          [placeholder]="'softphone.dispositionCode' | transloco"
          [attr.aria-label]="'softphone.dispositionCode' | transloco"
          [ngModel]="code()"
          (ngModelChange)="code.set($event)"
          data-testid="workspace-disposition-code"
        />
        <textarea
          nz-input
          name="notes"
          class="notes"
          rows="2"
          [maxlength]="notesMax"
          [placeholder]="'softphone.dispositionNotes' | transloco"
          [attr.aria-label]="'softphone.dispositionNotes' | transloco"
          [ngModel]="notes()"
          (ngModelChange)="notes.set($event)"
          data-testid="workspace-disposition-notes"
        ></textarea>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [disabled]="!code().trim()"
          [nzLoading]="store.saving()"
          data-testid="workspace-disposition-save"
        >
          {{ 'common.save' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .form {
      margin-top: 12px;
      padding: 12px 16px;
      background: #fff;
      border-radius: 8px;
      border-left: 4px solid #722ed1;
      box-shadow: 0 1px 2px rgba(0, 0, 0, 0.04);
    }
    .title {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
      font-weight: 600;
    }
    .callback {
      margin-left: auto;
      font-weight: normal;
    }
    .saved {
      font-weight: normal;
      color: #389e0d;
    }
    .fields {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    .code {
      width: 200px;
    }
    .notes {
      flex: 1;
    }
  `,
})
export class WrapUpForm {
  protected readonly store = inject(WorkspaceStore);
  private readonly toast = inject(OutcomeToast);

  protected readonly codeMax = CODE_MAX;
  protected readonly notesMax = NOTES_MAX;
  protected readonly code = signal('');
  protected readonly notes = signal('');
  protected readonly saved = computed(() => this.store.agent()?.call?.disposition ?? null);

  protected async save(): Promise<void> {
    const code = this.code().trim();
    if (!code || this.store.saving()) return;
    const outcome = await this.store.disposition(code, this.notes().trim() || undefined);
    if (outcome.ok) this.toast.success('softphone.dispositionDone');
    else this.toast.failureAsSent(outcome.error);
  }
}
