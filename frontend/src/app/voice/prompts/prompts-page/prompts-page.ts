import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApiErrorAlert } from '../../../shared/ui/api-error-alert/api-error-alert';
import { DeleteButton } from '../../../shared/ui/delete-button/delete-button';
import { OutcomeToast } from '../../../shared/ui/outcome-toast';
import { PageHeader } from '../../../shared/ui/page-header/page-header';
import { PromptPlayButton } from '../../prompt-play-button/prompt-play-button';
import { Prompt } from '../../voice-api';
import { PromptUploadDrawer } from '../prompt-upload-drawer/prompt-upload-drawer';
import { PromptsStore } from '../prompts-store';

/** Length of a prompt as `m:ss.t`. */
export function promptDuration(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = Math.floor((tenths % 600) / 10);
  return `${minutes}:${String(seconds).padStart(2, '0')}.${tenths % 10}`;
}

/** Recorded announcements the IVR and the queues play, with upload, listen and delete. */
@Component({
  selector: 'app-prompts-page',
  imports: [
    DatePipe,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    ApiErrorAlert,
    DeleteButton,
    PageHeader,
    PromptPlayButton,
    PromptUploadDrawer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'voice.prompts.title' | transloco"
      [subtitle]="'voice.prompts.subtitle' | transloco"
    >
      <button
        nz-button
        nzType="primary"
        type="button"
        (click)="store.openUpload()"
        data-testid="prompts-upload"
      >
        <nz-icon nzType="upload" />
        {{ 'voice.prompts.upload' | transloco }}
      </button>
    </app-page-header>
    <section class="panel">
      <app-api-error-alert [error]="store.loadError()" />
      <nz-table
        #table
        nzSize="middle"
        [nzData]="store.prompts()"
        [nzLoading]="store.loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'voice.prompts.empty' | transloco"
        data-testid="prompts-table"
      >
        <thead>
          <tr>
            <th nzWidth="56px">
              <span class="sr-only">{{ 'voice.prompts.play' | transloco }}</span>
            </th>
            <th>{{ 'voice.prompts.name' | transloco }}</th>
            <th nzWidth="110px">{{ 'voice.language' | transloco }}</th>
            <th nzWidth="110px" nzAlign="right">{{ 'voice.prompts.duration' | transloco }}</th>
            <th nzWidth="180px">{{ 'voice.prompts.createdAt' | transloco }}</th>
            <th nzWidth="90px" nzAlign="right">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (prompt of table.data; track prompt.id) {
            <tr data-testid="prompt-row" [attr.data-name]="prompt.name">
              <td><app-prompt-play-button [promptId]="prompt.id" /></td>
              <td class="name">
                {{ prompt.name }}
                @if (prompt.builtIn) {
                  <nz-tag>{{ 'voice.prompts.builtIn' | transloco }}</nz-tag>
                }
              </td>
              <td>{{ 'voice.languages.' + prompt.language | transloco }}</td>
              <td nzAlign="right" class="num">{{ duration(prompt.durationMs) }}</td>
              <td>{{ prompt.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td nzAlign="right">
                @if (!prompt.builtIn) {
                  <app-delete-button
                    [question]="'voice.prompts.confirmDelete' | transloco: { name: prompt.name }"
                    testId="prompt-delete"
                    (confirmed)="remove(prompt)"
                  />
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
    <app-prompt-upload-drawer />
  `,
  styles: `
    .panel {
      background: #fff;
      padding: 16px;
      border-radius: 8px;
    }
    .name {
      font-weight: 500;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class PromptsPage {
  protected readonly store = inject(PromptsStore);
  private readonly toast = inject(OutcomeToast);
  protected readonly duration = promptDuration;

  protected async remove(prompt: Prompt): Promise<void> {
    const outcome = await this.store.remove(prompt);
    if (outcome.ok) this.toast.success('voice.prompts.deleted', { name: prompt.name });
    else this.toast.failureAsSent(outcome.error);
  }
}
