import { TestBed } from '@angular/core/testing';
import { FakeVoiceSession } from '../../shared/voice/fake-voice-session';
import { VoiceSession } from '../../shared/voice/voice-session';
import {
  DEVICE_STORAGE,
  DEVICES_KEY,
  DeviceStore,
  MEDIA_DEVICES,
  parseDevices,
} from './device-store';

const device = (kind: MediaDeviceKind, deviceId: string, label = ''): MediaDeviceInfo =>
  ({ kind, deviceId, label, groupId: 'g' }) as MediaDeviceInfo;

function setUp(saved: string | null) {
  const stored = new Map<string, string>(saved === null ? [] : [[DEVICES_KEY, saved]]);
  const voice = new FakeVoiceSession();
  TestBed.configureTestingModule({
    providers: [
      DeviceStore,
      { provide: VoiceSession, useValue: voice },
      {
        provide: DEVICE_STORAGE,
        useValue: {
          getItem: (key: string) => stored.get(key) ?? null,
          setItem: (key: string, value: string) => stored.set(key, value),
        },
      },
      {
        provide: MEDIA_DEVICES,
        useValue: {
          enumerateDevices: async () => [
            device('audioinput', 'default', 'Default'),
            device('audioinput', 'mic-1', 'Headset'),
            device('audioinput', 'mic-2'),
            device('audiooutput', 'spk-1', 'Speakers'),
            device('videoinput', 'cam-1', 'Camera'),
          ],
        },
      },
    ],
  });
  return { store: TestBed.inject(DeviceStore), voice, stored };
}

describe('DeviceStore', () => {
  it('lists microphones and speakers apart, naming the unlabelled ones', async () => {
    const { store } = setUp(null);
    await store.load();
    expect(store.microphones()).toEqual([
      { id: 'mic-1', label: 'Headset' },
      { id: 'mic-2', label: 'audioinput 2' },
    ]);
    expect(store.speakers()).toEqual([{ id: 'spk-1', label: 'Speakers' }]);
    expect(store.microphone()).toBe('');
  });

  it('applies the remembered devices to the voice session at once', () => {
    const { store, voice } = setUp('{"audioinput":"mic-2","audiooutput":"spk-1"}');
    expect(store.microphone()).toBe('mic-2');
    expect(store.speaker()).toBe('spk-1');
    expect(voice.log).toEqual(['devices mic-2 spk-1']);
  });

  it('remembers a choice and switches the live device', async () => {
    const { store, voice, stored } = setUp(null);
    await store.chooseMicrophone('mic-1');
    await store.chooseSpeaker('spk-1');
    expect(JSON.parse(stored.get(DEVICES_KEY)!)).toEqual({
      audioinput: 'mic-1',
      audiooutput: 'spk-1',
    });
    expect(voice.log).toEqual(['devices - -', 'devices mic-1 -', 'devices - spk-1']);
  });

  it('ignores malformed remembered values', () => {
    expect(parseDevices('not json')).toEqual({});
    expect(parseDevices('{"audioinput":3,"audiooutput":"x"}')).toEqual({ audiooutput: 'x' });
    expect(parseDevices(null)).toEqual({});
  });
});
