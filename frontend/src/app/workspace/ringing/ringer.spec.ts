import { TestBed } from '@angular/core/testing';
import { RING_AUDIO, RING_BURSTS, RING_CYCLE_MS, Ringer } from './ringer';

/** A fake AudioContext that counts the oscillators it starts. */
class FakeAudio {
  currentTime = 0;
  destination = {};
  started = 0;
  closed = false;
  resume = async () => undefined;
  close = async () => {
    this.closed = true;
  };
  createGain() {
    return { gain: { value: 0, setValueAtTime: () => undefined }, connect: () => undefined };
  }
  createOscillator() {
    return {
      frequency: { value: 0 },
      connect: () => undefined,
      start: () => this.started++,
      stop: () => undefined,
    };
  }
}

describe('Ringer', () => {
  let audio: FakeAudio;
  let ringer: Ringer;

  beforeEach(() => {
    vi.useFakeTimers();
    audio = new FakeAudio();
    TestBed.configureTestingModule({
      providers: [
        Ringer,
        { provide: RING_AUDIO, useValue: () => audio as unknown as AudioContext },
      ],
    });
    ringer = TestBed.inject(Ringer);
  });

  afterEach(() => vi.useRealTimers());

  it('rings at once and again every cycle while an offer is pending', () => {
    ringer.follow(true);
    expect(ringer.ringing()).toBe(true);
    expect(audio.started).toBe(2);
    vi.advanceTimersByTime(RING_CYCLE_MS * 2);
    expect(audio.started).toBe(6);
    expect(RING_BURSTS.length).toBe(2);
  });

  it('rings once however often the offer is seen, and stops when it is answered or gone', () => {
    ringer.follow(true);
    ringer.follow(true);
    expect(audio.started).toBe(2);
    ringer.follow(false);
    expect(ringer.ringing()).toBe(false);
    expect(audio.closed).toBe(true);
    vi.advanceTimersByTime(RING_CYCLE_MS * 3);
    expect(audio.started).toBe(2);
  });

  it('stays silent without Web Audio but still tracks the state', () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [Ringer, { provide: RING_AUDIO, useValue: () => null }],
    });
    const quiet = TestBed.inject(Ringer);
    quiet.start();
    expect(quiet.ringing()).toBe(true);
    quiet.stop();
    expect(quiet.ringing()).toBe(false);
  });
});
