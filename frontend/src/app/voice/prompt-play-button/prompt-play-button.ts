import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../shared/api/api-error';
import { OutcomeToast } from '../../shared/ui/outcome-toast';
import { VoiceApi } from '../voice-api';

/**
 * Play/stop button for a prompt. The audio needs the session's Bearer token, so it is fetched with
 * HttpClient and handed to an `<audio>` element as an object URL (kept until the prompt changes).
 */
@Component({
  selector: 'app-prompt-play-button',
  imports: [TranslocoPipe, NzButtonModule, NzIconModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      nz-button
      nzType="text"
      nzSize="small"
      type="button"
      [disabled]="!promptId()"
      [nzLoading]="state() === 'loading'"
      (click)="toggle()"
      nz-tooltip
      [nzTooltipTitle]="
        (state() === 'playing' ? 'voice.prompts.stop' : 'voice.prompts.play') | transloco
      "
      [attr.aria-label]="
        (state() === 'playing' ? 'voice.prompts.stop' : 'voice.prompts.play') | transloco
      "
      [attr.aria-pressed]="state() === 'playing'"
      [attr.data-testid]="testId()"
    >
      @if (state() !== 'loading') {
        <nz-icon [nzType]="state() === 'playing' ? 'pause-circle' : 'play-circle'" />
      }
    </button>
    <audio #audio preload="none" (ended)="state.set('idle')" (pause)="onPause()"></audio>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    audio {
      display: none;
    }
  `,
})
export class PromptPlayButton {
  /** Prompt to play; the button is disabled without one. */
  readonly promptId = input<string | null>(null);
  /** `data-testid` of the button. */
  readonly testId = input('prompt-play');

  private readonly api = inject(VoiceApi);
  private readonly toast = inject(OutcomeToast);
  private readonly audio = viewChild.required<ElementRef<HTMLAudioElement>>('audio');
  protected readonly state = signal<'idle' | 'loading' | 'playing'>('idle');
  private loaded: { readonly id: string; readonly url: string } | null = null;

  constructor() {
    effect(() => {
      this.promptId();
      untracked(() => this.release());
    });
    inject(DestroyRef).onDestroy(() => this.release());
  }

  protected async toggle(): Promise<void> {
    const id = this.promptId();
    if (!id || this.state() === 'loading') return;
    const audio = this.audio().nativeElement;
    if (this.state() === 'playing') {
      audio.pause();
      audio.currentTime = 0;
      return;
    }
    if (this.loaded?.id !== id) {
      this.state.set('loading');
      try {
        const blob = await firstValueFrom(this.api.promptAudio(id));
        this.release();
        this.loaded = { id, url: URL.createObjectURL(blob) };
        audio.src = this.loaded.url;
      } catch (err: unknown) {
        this.state.set('idle');
        this.toast.failure(toApiError(err));
        return;
      }
    }
    try {
      this.state.set('playing');
      await audio.play();
    } catch {
      // The browser refused to play (no audio output, unsupported file): back to idle.
      this.state.set('idle');
    }
  }

  protected onPause(): void {
    if (this.state() === 'playing') this.state.set('idle');
  }

  private release(): void {
    if (!this.loaded) return;
    const audio = this.audio().nativeElement;
    audio.pause();
    audio.removeAttribute('src');
    URL.revokeObjectURL(this.loaded.url);
    this.loaded = null;
    this.state.set('idle');
  }
}
