import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { LocaleControl } from '../../shared/i18n/locale-control';
import { Clock } from '../../shared/time/clock';
import { formatDuration } from '../../shared/time/duration';
import { LanguageSwitch } from '../../shared/ui/language-switch/language-switch';
import { DialPad } from '../../shared/voice/dial-pad/dial-pad';
import { DtmfDigit } from '../../shared/voice/dtmf';
import { VoiceSession } from '../../shared/voice/voice-session';
import { WebCallLocale } from '../web-call-locale';
import { WebCallStore } from '../web-call-store';

/**
 * The public call widget: names the company and the line, and places a browser call (microphone,
 * remote audio, keypad, mute, hang up, timer). The root carries `data-call-state` and `data-call-id`.
 */
@Component({
  selector: 'app-web-call-page',
  imports: [
    FormsModule,
    TranslocoPipe,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSpinModule,
    LanguageSwitch,
    DialPad,
  ],
  providers: [WebCallLocale, { provide: LocaleControl, useExisting: WebCallLocale }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './web-call-page.html',
  styleUrl: './web-call-page.css',
})
export class WebCallPage {
  /** The widget key from the route. */
  readonly key = input.required<string>();
  /** `?name=` and `?phone=`: a site that knows its signed-in visitor fills the form in. */
  readonly prefillName = input<string | undefined>(undefined, { alias: 'name' });
  readonly prefillPhone = input<string | undefined>(undefined, { alias: 'phone' });

  protected readonly store = inject(WebCallStore);
  protected readonly voice = inject(VoiceSession);
  private readonly clock = inject(Clock);
  private readonly locale = inject(WebCallLocale);

  protected readonly name = signal('');
  protected readonly phone = signal('');
  protected readonly padOpen = signal(false);
  protected readonly busy = computed(() => this.store.callState() === 'connecting');
  protected readonly live = computed(() => this.store.callState() === 'connected');
  protected readonly callable = computed(() => {
    const entry = this.store.entry();
    return !!entry?.enabled && !this.live() && !this.busy();
  });
  /** Talk time while connected, the final length once ended. */
  protected readonly timer = computed(() => {
    const from = this.store.connectedAt();
    if (from === null) return null;
    return formatDuration((this.store.endedAt() ?? this.clock.now()) - from);
  });

  constructor() {
    effect(() => void this.store.load(this.key()));
    effect(() => {
      const name = this.prefillName();
      const phone = this.prefillPhone();
      if (name) untracked(() => this.name.set(name.slice(0, 80)));
      if (phone) untracked(() => this.phone.set(phone.slice(0, 40)));
    });
    effect(() => {
      const language = this.store.entry()?.language;
      if (language) this.locale.follow(language);
    });
  }

  protected async call(): Promise<void> {
    this.padOpen.set(false);
    await this.store.call(this.locale.locale(), { name: this.name(), phone: this.phone() });
  }

  protected hangUp(): Promise<void> {
    return this.store.hangUp();
  }

  protected async toggleMute(): Promise<void> {
    await this.store.toggleMute().catch(() => undefined);
  }

  protected async press(digit: DtmfDigit): Promise<void> {
    await this.store.press(digit).catch(() => undefined);
  }

  protected resumeAudio(): Promise<void> {
    return this.voice.resumeAudio();
  }
}
