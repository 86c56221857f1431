import { levelOf, toneWav } from './audio-level';

describe('audio level', () => {
  it('is 0 for silence and grows with the signal, capped at 1', () => {
    expect(levelOf(new Uint8Array(64).fill(128))).toBe(0);
    const quiet = levelOf(new Uint8Array(64).map((_, i) => (i % 2 ? 136 : 120)));
    const loud = levelOf(new Uint8Array(64).map((_, i) => (i % 2 ? 255 : 0)));
    expect(quiet).toBeGreaterThan(0);
    expect(loud).toBe(1);
    expect(levelOf(new Uint8Array())).toBe(0);
  });

  it('makes a playable WAV data URL of the right length', () => {
    const url = toneWav(440, 100);
    expect(url.startsWith('data:audio/wav;base64,UklGR')).toBe(true);
    expect(atob(url.split(',')[1]).length).toBe(44 + 800 * 2);
  });
});
