import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { LanguageSwitch } from '../../shared/ui/language-switch/language-switch';
import { DevMailboxStore } from '../dev-mailbox-store';
import { isHtml, linkify } from '../linkify';

/** Lists the mails the backend "sent" in development, with clickable links (invitations, resets). */
@Component({
  selector: 'app-dev-mailbox-page',
  imports: [
    DatePipe,
    TranslocoPipe,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzSpinModule,
    ApiErrorAlert,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <h1><nz-icon nzType="mail" /> {{ 'mailbox.title' | transloco }}</h1>
      <span class="spacer"></span>
      <app-language-switch />
      <button
        nz-button
        type="button"
        (click)="store.load()"
        [nzLoading]="store.loading()"
        data-testid="mailbox-refresh"
      >
        <nz-icon nzType="reload" />
        {{ 'mailbox.refresh' | transloco }}
      </button>
    </header>
    <main class="list">
      <p class="hint">{{ 'mailbox.hint' | transloco }}</p>
      <app-api-error-alert [error]="store.loadError()" />
      <nz-spin [nzSpinning]="store.loading() && !mails().length">
        @for (mail of mails(); track mail.id) {
          <nz-card
            class="mail"
            nzSize="small"
            [nzTitle]="mail.subject"
            [nzExtra]="when"
            data-testid="mail"
          >
            <ng-template #when
              ><span class="when">{{
                mail.createdAt | date: 'yyyy-MM-dd HH:mm:ss'
              }}</span></ng-template
            >
            <p class="to">
              {{ 'mailbox.to' | transloco }}: <strong data-testid="mail-to">{{ mail.to }}</strong>
            </p>
            @if (mail.html) {
              <div class="body" [innerHTML]="mail.body" data-testid="mail-body"></div>
            } @else {
              <pre
                class="body"
                data-testid="mail-body"
              >@for (part of mail.parts; track $index) {@if (part.href) {<a [href]="part.href" data-testid="mail-link">{{ part.text }}</a>} @else {<span>{{ part.text }}</span>}}</pre>
            }
          </nz-card>
        } @empty {
          @if (!store.loading()) {
            <nz-empty [nzNotFoundContent]="'mailbox.empty' | transloco" />
          }
        }
      </nz-spin>
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100vh;
      background: #f5f7fa;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 12px 24px;
      background: #fff;
      box-shadow: 0 1px 4px rgba(0, 21, 41, 0.08);
    }
    h1 {
      margin: 0;
      font-size: 18px;
      font-weight: 600;
    }
    .spacer {
      flex: 1;
    }
    .list {
      max-width: 900px;
      margin: 0 auto;
      padding: 16px 24px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.55);
    }
    .mail {
      margin-bottom: 12px;
    }
    .to {
      margin: 0 0 8px;
    }
    .when {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .body {
      margin: 0;
      white-space: pre-wrap;
      word-break: break-word;
      font-family: inherit;
    }
  `,
})
export class DevMailboxPage {
  protected readonly store = inject(DevMailboxStore);
  protected readonly mails = computed(() =>
    this.store
      .mails()
      .map((mail) => ({ ...mail, html: isHtml(mail.body), parts: linkify(mail.body) })),
  );
}
