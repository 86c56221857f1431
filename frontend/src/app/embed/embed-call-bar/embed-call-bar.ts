import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { firstValueFrom } from 'rxjs';
import type { HostLogEntry } from '../../../agent-sdk/host';
import { userMenuEvents } from '../../auth/auth.events';
import { SettingsApi } from '../../settings/settings-api';
import { AgentSelf } from '../../shared/api/acd-models';
import { Outcome } from '../../shared/api/outcome';
import { Clock } from '../../shared/time/clock';
import { secondsUntil } from '../../shared/time/duration';
import { LanguageSwitch } from '../../shared/ui/language-switch/language-switch';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { browserStorage } from '../../shared/storage/browser-storage';
import { VoiceSession } from '../../shared/voice/voice-session';
import { CallBar } from '../../workspace/call-bar/call-bar';
import { DEVICE_STORAGE } from '../../workspace/devices/device-store';
import { otherParty } from '../../workspace/call-bar-mode';
import { ScreenPopStore } from '../../workspace/screen-pop/screen-pop-store';
import { SdkHostWiring } from '../../workspace/sdk-bridge/sdk-bridge';
import { WorkspaceStore } from '../../workspace/workspace-store';
import { embedAccess, framingOrigin, framingWindow } from '../framing';
import { EmbedCallControls } from './embed-call-controls';

/** Where the link with the framing page stands. */
type Link = 'loading' | 'waiting' | 'connected' | 'not_listed' | 'failed';

/**
 * The signed-in agent's call bar inside a third-party page: the workspace's call bar row (with a
 * compact dial field), then one compact row with what the moment needs (answer or decline an offer;
 * the call's controls, keypad, transfer and consult; the disposition in wrap-up) and the link to the
 * framing page, whose SDK client this page's host serves with the same
 * handlers and events as the workspace (`SdkHostWiring`), for the tenant's listed origins only.
 */
@Component({
  selector: 'app-embed-call-bar',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzTooltipModule,
    CallBar,
    EmbedCallControls,
    LanguageSwitch,
  ],
  providers: [
    WorkspaceStore,
    Clock,
    VoiceSession,
    ScreenPopStore,
    SdkHostWiring,
    // A third-party frame may be denied localStorage: the device choice then lasts for the page.
    { provide: DEVICE_STORAGE, useFactory: () => browserStorage() },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'embed-call-bar',
    '[attr.data-media-state]': 'voice.state()',
    '[attr.data-link]': 'link()',
  },
  templateUrl: './embed-call-bar.html',
  styleUrl: './embed-call-bar.css',
})
export class EmbedCallBar {
  protected readonly store = inject(WorkspaceStore);
  protected readonly voice = inject(VoiceSession);
  private readonly wiring = inject(SdkHostWiring);
  private readonly settings = inject(SettingsApi);
  private readonly session = inject(Store);
  private readonly clock = inject(Clock);
  private readonly toast = inject(OutcomeToast);
  private readonly window = inject(DOCUMENT).defaultView as Window;

  /** Where the link with the framing page stands. */
  protected readonly link = signal<Link>('loading');
  /** The framing page's origin once connected (or as the browser reports it when refused). */
  protected readonly peer = signal<string | null>(null);
  protected readonly party = computed(() => otherParty(this.store.agent()?.call));
  protected readonly secondsLeft = computed(() =>
    secondsUntil(this.store.agent()?.offer?.expiresAt, this.clock.now()),
  );
  protected readonly code = signal('');
  protected readonly subscribed = computed(() => this.voice.subscribedIdentities().join(','));

  constructor() {
    const destroyRef = inject(DestroyRef);
    void this.connectHost().then((detach) => destroyRef.onDestroy(detach));
  }

  /** Starts the SDK host for the tenant's listed origins and lets the framing page connect. */
  private async connectHost(): Promise<() => void> {
    const parent = framingWindow(this.window);
    if (!parent) return () => undefined;
    let origins: readonly string[];
    try {
      origins = (await firstValueFrom(this.settings.tenant())).callBarEmbedOrigins;
    } catch {
      this.link.set('failed');
      return () => undefined;
    }
    const seen = framingOrigin(this.window);
    this.peer.set(seen);
    this.link.set(seen !== null && !origins.includes(seen) ? 'not_listed' : 'waiting');
    this.wiring.start({ ...embedAccess(origins), onLog: (entry) => this.follow(entry) });
    return this.wiring.attach(parent);
  }

  private follow(entry: HostLogEntry): void {
    if (entry.reason === 'connected') {
      this.peer.set(entry.origin);
      this.link.set('connected');
    } else if (entry.reason === 'disconnected' && this.link() === 'connected') {
      this.link.set('waiting');
    } else if (entry.reason === 'origin_rejected') {
      this.peer.set(entry.origin);
      this.link.set('not_listed');
    }
  }

  protected async answer(): Promise<void> {
    this.report(await this.store.answer());
  }

  protected async decline(): Promise<void> {
    this.report(await this.store.decline());
  }

  protected async saveDisposition(): Promise<void> {
    const code = this.code().trim();
    if (!code) return;
    const outcome = await this.store.disposition(code);
    this.report(outcome);
    if (outcome.ok) this.code.set('');
  }

  protected signOut(): void {
    this.session.dispatch(userMenuEvents.logoutClicked());
  }

  private report(outcome: Outcome<AgentSelf>): void {
    if (!outcome.ok) this.toast.failureAsSent(outcome.error);
  }
}
