import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { AgentSelf } from '../../shared/api/acd-models';
import { Outcome } from '../../shared/api/outcome';
import { Clock } from '../../shared/time/clock';
import { secondsUntil } from '../../shared/time/duration';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { otherParty } from '../call-bar-mode';
import { WorkspaceStore } from '../workspace-store';

/** Keys typed into these are the field's, not the ringing card's. */
const TYPING_TARGETS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A']);

/**
 * The ringing card of a pending offer: caller (or the colleague asking to consult), queue,
 * countdown; Enter answers, Esc declines.
 */
@Component({
  selector: 'app-offer-card',
  imports: [TranslocoPipe, NzButtonModule, NzIconModule, NzProgressModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:keydown.enter)': 'onKey($event, "answer")',
    '(document:keydown.escape)': 'onKey($event, "decline")',
  },
  template: `
    @if (store.agent()?.offer; as offer) {
      <section
        class="card"
        role="alertdialog"
        aria-live="assertive"
        [attr.aria-label]="label() | transloco"
        [attr.data-kind]="offer.kind ?? 'call'"
        data-testid="workspace-offer"
      >
        <div class="ring" aria-hidden="true">
          <nz-icon [nzType]="store.consultOffer() ? 'user-switch' : 'phone'" />
        </div>
        <div class="body">
          <div class="label">{{ label() | transloco }}</div>
          @if (store.consultOffer(); as from) {
            <div class="caller" data-testid="workspace-offer-caller">
              {{
                'softphone.consultFrom'
                  | transloco: { name: from.name || ('softphone.consulting.colleague' | transloco) }
              }}
            </div>
          } @else {
            <div class="caller" data-testid="workspace-offer-caller">
              {{ party() ?? ((store.agent()?.call?.channel === 'web' ? 'workspace.webCaller' : 'workspace.unknownCaller') | transloco) }}
            </div>
          }
          <div class="meta">
            @if (store.consultOffer() && party(); as number) {
              <span data-testid="workspace-offer-about">{{
                'softphone.consultAbout' | transloco: { number }
              }}</span>
            }
            @if (store.queueName(); as queue) {
              <span data-testid="workspace-offer-queue"
                >{{ 'workspace.queue' | transloco }}: {{ queue }}</span
              >
            }
            @if (secondsLeft() !== null) {
              <span class="countdown" data-testid="workspace-offer-countdown">{{
                'workspace.answerWithin' | transloco: { seconds: secondsLeft() }
              }}</span>
            }
          </div>
          @if (percentLeft() !== null) {
            <nz-progress
              [nzPercent]="percentLeft()!"
              [nzShowInfo]="false"
              nzSize="small"
              [nzStrokeColor]="(secondsLeft() ?? 0) <= 5 ? '#f5222d' : '#faad14'"
            />
          }
        </div>
        <div class="actions">
          <button
            nz-button
            nzType="primary"
            nzSize="large"
            type="button"
            class="answer"
            [nzLoading]="store.saving()"
            (click)="answer()"
            data-testid="workspace-answer"
          >
            <nz-icon nzType="phone" />
            {{ 'workspace.answer' | transloco }}
            <kbd>Enter</kbd>
          </button>
          <button
            nz-button
            nzDanger
            nzSize="large"
            type="button"
            [disabled]="store.saving()"
            (click)="decline()"
            data-testid="workspace-decline"
          >
            <nz-icon nzType="close" />
            {{ 'workspace.decline' | transloco }}
            <kbd>Esc</kbd>
          </button>
        </div>
      </section>
    }
  `,
  styleUrl: './offer-card.css',
})
export class OfferCard {
  protected readonly store = inject(WorkspaceStore);
  private readonly clock = inject(Clock);
  private readonly toast = inject(OutcomeToast);

  /** The card's heading: an incoming call, or a colleague asking to consult. */
  protected readonly label = computed(() =>
    this.store.consultOffer()
      ? 'softphone.consultOffer'
      : this.store.agent()?.call?.callback
        ? 'callbacks.offerLabel'
        : 'workspace.incomingCall',
  );
  protected readonly party = computed(() => otherParty(this.store.agent()?.call));
  protected readonly secondsLeft = computed(() =>
    secondsUntil(this.store.agent()?.offer?.expiresAt, this.clock.now()),
  );
  /** Share of the answer time left, when the offer says when it was made and when it expires. */
  protected readonly percentLeft = computed(() => {
    const offer = this.store.agent()?.offer;
    if (!offer?.offeredAt || !offer.expiresAt) return null;
    const total = Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt);
    const left = Date.parse(offer.expiresAt) - this.clock.now();
    return total > 0 ? Math.max(0, Math.min(100, (left / total) * 100)) : 0;
  });

  protected onKey(event: Event, action: 'answer' | 'decline'): void {
    if (!this.store.agent()?.offer || this.store.saving()) return;
    const target = event.target as HTMLElement | null;
    if (target && (TYPING_TARGETS.has(target.tagName) || target.isContentEditable)) return;
    event.preventDefault();
    void (action === 'answer' ? this.answer() : this.decline());
  }

  protected async answer(): Promise<void> {
    this.report(await this.store.answer());
  }

  protected async decline(): Promise<void> {
    this.report(await this.store.decline());
  }

  private report(outcome: Outcome<AgentSelf>): void {
    if (!outcome.ok) this.toast.failureAsSent(outcome.error);
  }
}
