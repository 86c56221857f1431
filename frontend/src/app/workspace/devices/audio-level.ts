import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { MEDIA_DEVICES } from './device-store';
import { RING_AUDIO } from '../ringing/ringer';

/** Loudness (0..1) of one frame of `AnalyserNode.getByteTimeDomainData` (128 is silence). */
export function levelOf(samples: Uint8Array): number {
  if (!samples.length) return 0;
  let sum = 0;
  for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
  // The RMS of speech sits well below 1: scale it so normal speech fills most of the meter.
  return Math.min(1, Math.sqrt(sum / samples.length) * 4);
}

/** A mono 16-bit WAV of a sine tone, as a data URL (played through a chosen speaker). */
export function toneWav(frequency: number, milliseconds: number, rate = 8000): string {
  const count = Math.round((rate * milliseconds) / 1000);
  const bytes = new DataView(new ArrayBuffer(44 + count * 2));
  const text = (at: number, value: string) =>
    [...value].forEach((char, i) => bytes.setUint8(at + i, char.charCodeAt(0)));
  text(0, 'RIFF');
  bytes.setUint32(4, 36 + count * 2, true);
  text(8, 'WAVEfmt ');
  bytes.setUint32(16, 16, true);
  bytes.setUint16(20, 1, true);
  bytes.setUint16(22, 1, true);
  bytes.setUint32(24, rate, true);
  bytes.setUint32(28, rate * 2, true);
  bytes.setUint16(32, 2, true);
  bytes.setUint16(34, 16, true);
  text(36, 'data');
  bytes.setUint32(40, count * 2, true);
  for (let i = 0; i < count; i++) {
    const fade = Math.min(1, i / 200, (count - i) / 200);
    bytes.setInt16(44 + i * 2, Math.sin((2 * Math.PI * frequency * i) / rate) * 8000 * fade, true);
  }
  let binary = '';
  new Uint8Array(bytes.buffer).forEach((byte) => (binary += String.fromCharCode(byte)));
  return `data:audio/wav;base64,${btoa(binary)}`;
}

/** The microphone test of the device picker: a live level of the chosen microphone. */
@Injectable()
export class MicTest {
  private readonly media = inject(MEDIA_DEVICES);
  private readonly newContext = inject(RING_AUDIO);
  private stream: MediaStream | null = null;
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly current = signal(0);
  private readonly running = signal(false);

  /** The microphone's level (0..1) while testing. */
  readonly level = this.current.asReadonly();
  readonly active = this.running.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Opens the microphone and measures it; throws when the browser refuses. */
  async start(deviceId: string): Promise<void> {
    this.stop();
    if (!this.media?.getUserMedia) throw new Error('no media devices');
    this.stream = await this.media.getUserMedia({
      audio: deviceId ? { deviceId: { exact: deviceId } } : true,
    });
    this.context = this.newContext();
    if (!this.context) return;
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 512;
    this.context.createMediaStreamSource(this.stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    this.running.set(true);
    this.timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      this.current.set(levelOf(samples));
    }, 100);
  }

  /** Releases the microphone. */
  stop(): void {
    clearInterval(this.timer);
    this.stream?.getTracks().forEach((track) => track.stop());
    void this.context?.close().catch(() => undefined);
    this.stream = null;
    this.context = null;
    this.running.set(false);
    this.current.set(0);
  }
}
