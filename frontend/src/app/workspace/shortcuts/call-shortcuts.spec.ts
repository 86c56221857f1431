import { CallAction, CallSnapshot, ChosenState } from '../../shared/api/acd-models';
import { callControls } from '../call-controls';
import {
  CALL_SHORTCUTS,
  KeyPress,
  ShortcutContext,
  shortcutAllowed,
  shortcutKeys,
  shortcutOf,
} from './call-shortcuts';

const press = (extra: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  target: null,
  ...extra,
});

const context = (
  actions: CallAction[],
  mode: ShortcutContext['mode'] = 'connected',
  choices: ChosenState[] = [],
): ShortcutContext => ({
  mode,
  controls: callControls({ allowedActions: actions } as unknown as CallSnapshot),
  choices: new Set(choices),
});

describe('call shortcuts', () => {
  it('maps Alt plus the physical key to the action, whatever character the layout makes', () => {
    expect(shortcutOf(press({ altKey: true, code: 'KeyA', key: 'å' }))).toBe('answer');
    expect(shortcutOf(press({ altKey: true, code: 'KeyH', key: 'h' }))).toBe('hangup');
    expect(shortcutOf(press({ altKey: true, code: 'KeyM', key: 'm' }))).toBe('mute');
    expect(shortcutOf(press({ altKey: true, code: 'KeyQ', key: 'q' }))).toBeNull();
  });

  it('opens the help with Shift+? and sends plain keypad keys as digits', () => {
    expect(shortcutOf(press({ key: '?', code: 'Slash', shiftKey: true }))).toBe('help');
    expect(shortcutOf(press({ key: '5', code: 'Digit5' }))).toBe('5');
    expect(shortcutOf(press({ key: '#', code: 'Digit3', shiftKey: true }))).toBe('#');
    expect(shortcutOf(press({ key: 'a', code: 'KeyA' }))).toBeNull();
  });

  it('never fires while typing in a field, with Ctrl or Meta, or on key repeat', () => {
    const input = document.createElement('input');
    expect(shortcutOf(press({ altKey: true, code: 'KeyA', target: input }))).toBeNull();
    expect(shortcutOf(press({ key: '5', target: document.createElement('textarea') }))).toBeNull();
    expect(shortcutOf(press({ ctrlKey: true, altKey: true, code: 'KeyA' }))).toBeNull();
    expect(shortcutOf(press({ altKey: true, code: 'KeyA', repeat: true }))).toBeNull();
  });

  it('lets only what the call allows now fire', () => {
    const talking = context(['hangup', 'hold', 'mute', 'dtmf', 'record_pause']);
    expect(shortcutAllowed('hangup', talking)).toBe(true);
    expect(shortcutAllowed('hold', talking)).toBe(true);
    expect(shortcutAllowed('record', talking)).toBe(true);
    expect(shortcutAllowed('7', talking)).toBe(true);
    expect(shortcutAllowed('transfer', talking)).toBe(false);
    expect(shortcutAllowed('answer', talking)).toBe(false);
    const simulated = context(['hangup', 'transfer']);
    expect(shortcutAllowed('mute', simulated)).toBe(false);
    expect(shortcutAllowed('7', simulated)).toBe(false);
    expect(shortcutAllowed('answer', context([], 'ringing'))).toBe(true);
    expect(shortcutAllowed('ready', context([], 'idle', ['ready']))).toBe(true);
    expect(shortcutAllowed('notReady', context([], 'idle', ['ready']))).toBe(false);
  });

  it('gives every action one distinct key, shown in tooltips', () => {
    const codes = CALL_SHORTCUTS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(shortcutKeys('hangup')).toBe('Alt+H');
  });
});
