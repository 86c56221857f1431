import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { VoiceSession } from '../../shared/voice/voice-session';
import { CallBar } from '../call-bar/call-bar';
import { CallPanel } from '../call-panel/call-panel';
import { OfferCard } from '../offer-card/offer-card';
import { EmbeddedApps } from '../embedded-apps/embedded-apps';
import { ScreenPopStore } from '../screen-pop/screen-pop-store';
import { SdkBridge } from '../sdk-bridge/sdk-bridge';
import { WorkspaceStore } from '../workspace-store';
import { CallbackForm } from '../../callbacks/callback-form/callback-form';
import { CallbacksStore } from '../../callbacks/callbacks-store';

/**
 * The agent workspace: the call bar, the ringing card while a call is offered, the softphone of
 * the connected call, then tabs with the caller's customer panel and the embedded apps (which
 * talk to the workspace through the agent SDK host, `SdkBridge`). Test hooks: `data-media-state`
 * on the root and the hidden `[data-subscribed-identities]` listing whom this browser hears.
 */
@Component({
  selector: 'app-workspace-page',
  imports: [
    TranslocoPipe,
    ApiErrorAlert,
    PageHeader,
    CallBar,
    CallPanel,
    OfferCard,
    EmbeddedApps,
    CallbackForm,
  ],
  providers: [ScreenPopStore, SdkBridge, CallbacksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'workspace',
    '[attr.data-media-state]': 'voice.state()',
  },
  template: `
    <app-page-header
      [heading]="'workspace.title' | transloco"
      [subtitle]="'workspace.subtitle' | transloco"
    />
    <app-api-error-alert class="alert" [error]="store.loadError()" />
    <app-call-bar />
    <app-call-panel />
    <app-embedded-apps />
    <app-offer-card />
    <app-callback-form />
    <span
      hidden
      data-testid="workspace-subscribed"
      [attr.data-subscribed-identities]="subscribed()"
      >{{ subscribed() }}</span
    >
  `,
  styles: `
    :host {
      display: block;
    }
    .alert {
      margin-bottom: 12px;
    }
  `,
})
export class WorkspacePage {
  protected readonly store = inject(WorkspaceStore);
  protected readonly voice = inject(VoiceSession);
  protected readonly subscribed = computed(() => this.voice.subscribedIdentities().join(','));
}
