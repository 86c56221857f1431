import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { VoiceSession } from '../../shared/voice/voice-session';
import { MicTest, toneWav } from './audio-level';
import { DeviceStore } from './device-store';
import { LevelMeter } from './level-meter';

/**
 * The call bar's "Audio devices" popover, the pre-shift check: choose the microphone and the
 * speaker, test the microphone on a live level meter and the speaker with a tone.
 */
@Component({
  selector: 'app-audio-devices',
  imports: [
    TranslocoPipe,
    NzButtonModule,
    NzIconModule,
    NzPopoverModule,
    NzTooltipModule,
    LevelMeter,
  ],
  providers: [MicTest],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audio-devices.html',
  styleUrl: './audio-devices.css',
})
export class AudioDevices {
  protected readonly devices = inject(DeviceStore);
  protected readonly micTest = inject(MicTest);
  private readonly voice = inject(VoiceSession);
  protected readonly open = signal(false);
  /** A device the browser refused ('mic' or 'speaker'), shown under the picker. */
  protected readonly problem = signal<'mic' | 'speaker' | null>(null);

  protected async toggle(open: boolean): Promise<void> {
    this.open.set(open);
    this.problem.set(null);
    if (open) await this.devices.load();
    else this.micTest.stop();
  }

  protected async chooseMicrophone(id: string): Promise<void> {
    const ok = await this.devices.chooseMicrophone(id);
    this.problem.set(ok ? null : 'mic');
    if (this.micTest.active()) await this.testMicrophone();
  }

  protected async chooseSpeaker(id: string): Promise<void> {
    const ok = await this.devices.chooseSpeaker(id);
    this.problem.set(ok ? null : 'speaker');
  }

  protected async testMicrophone(): Promise<void> {
    try {
      await this.micTest.start(this.devices.microphone());
      // Labels only show once the microphone was allowed.
      await this.devices.load();
    } catch {
      this.problem.set('mic');
    }
  }

  protected async testSpeaker(): Promise<void> {
    const audio = new Audio(toneWav(440, 800));
    const sink = this.devices.speaker();
    try {
      if (sink && this.devices.speakerChoice) await audio.setSinkId(sink);
      await audio.play();
    } catch {
      this.problem.set('speaker');
    }
  }

  /** Whether a call's audio is live (the picker then switches it too). */
  protected inCall(): boolean {
    return this.voice.state() === 'connected';
  }
}
