import { ChosenState } from '../../shared/api/acd-models';
import { DTMF_KEYS, DtmfDigit } from '../../shared/voice/dtmf';
import { CallBarMode } from '../call-bar-mode';
import { CallControls } from '../call-controls';

/** A call action the keyboard can fire. */
export type ShortcutAction =
  | 'answer'
  | 'decline'
  | 'hangup'
  | 'hold'
  | 'mute'
  | 'transfer'
  | 'consult'
  | 'keypad'
  | 'record'
  | 'ready'
  | 'notReady'
  | 'help';

/** One keyboard shortcut: `code` is the physical key (so Alt+A works on every layout and on macOS). */
export interface Shortcut {
  readonly action: ShortcutAction;
  readonly code: string;
  /** What the tooltips and the help show. */
  readonly keys: string;
}

/** Every call action and its key, in the order the help lists them. */
export const CALL_SHORTCUTS: readonly Shortcut[] = [
  { action: 'answer', code: 'KeyA', keys: 'Alt+A' },
  { action: 'decline', code: 'KeyX', keys: 'Alt+X' },
  { action: 'hangup', code: 'KeyH', keys: 'Alt+H' },
  { action: 'hold', code: 'KeyO', keys: 'Alt+O' },
  { action: 'mute', code: 'KeyM', keys: 'Alt+M' },
  { action: 'transfer', code: 'KeyT', keys: 'Alt+T' },
  { action: 'consult', code: 'KeyC', keys: 'Alt+C' },
  { action: 'keypad', code: 'KeyK', keys: 'Alt+K' },
  { action: 'record', code: 'KeyP', keys: 'Alt+P' },
  { action: 'ready', code: 'KeyR', keys: 'Alt+R' },
  { action: 'notReady', code: 'KeyN', keys: 'Alt+N' },
  { action: 'help', code: 'Slash', keys: 'Shift+?' },
];

const BY_ACTION = new Map(CALL_SHORTCUTS.map((shortcut) => [shortcut.action, shortcut.keys]));

/** The keys of an action, for tooltips and `aria-keyshortcuts`. */
export function shortcutKeys(action: ShortcutAction): string {
  return BY_ACTION.get(action) ?? '';
}

/** The parts of a keydown event the mapping reads. */
export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target' | 'repeat'
>;

const TYPING_TAGS: ReadonlySet<string> = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether the key goes into a text field (shortcuts never fire then). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== 'string') return false;
  return TYPING_TAGS.has(element.tagName) || element.isContentEditable === true;
}

/** What a key press asks for: a call action, a DTMF digit (plain key), or nothing. */
export function shortcutOf(press: KeyPress): ShortcutAction | DtmfDigit | null {
  if (press.repeat || press.ctrlKey || press.metaKey || isTyping(press.target)) return null;
  if (press.key === '?' && !press.altKey) return 'help';
  if (press.altKey && !press.shiftKey) {
    return CALL_SHORTCUTS.find((s) => s.code === press.code && s.action !== 'help')?.action ?? null;
  }
  if (!press.altKey && (DTMF_KEYS as readonly string[]).includes(press.key)) {
    return press.key as DtmfDigit;
  }
  return null;
}

/** What the call bar and panel allow right now. */
export interface ShortcutContext {
  readonly mode: CallBarMode;
  readonly controls: CallControls;
  readonly choices: ReadonlySet<ChosenState>;
}

/** Whether an action may fire now: only what the server's allowed actions and the state permit. */
export function shortcutAllowed(
  action: ShortcutAction | DtmfDigit,
  context: ShortcutContext,
): boolean {
  const { mode, controls } = context;
  switch (action) {
    case 'answer':
    case 'decline':
      return mode === 'ringing';
    case 'hangup':
      return mode === 'connected' && controls.hangup;
    case 'hold':
      return controls.hold !== null;
    case 'mute':
      return controls.mute !== null;
    case 'transfer':
      return controls.transfer;
    case 'consult':
      return controls.consult;
    case 'keypad':
      return controls.dtmf;
    case 'record':
      return recordingToggle(controls) !== null;
    case 'ready':
      return context.choices.has('ready');
    case 'notReady':
      return context.choices.has('not_ready');
    case 'help':
      return true;
    default:
      return mode === 'connected' && controls.dtmf;
  }
}

/** The recording command Alt+P sends: pause while recording, resume while paused. */
export function recordingToggle(controls: CallControls): 'pause' | 'resume' | null {
  if (controls.recording.includes('pause')) return 'pause';
  if (controls.recording.includes('resume')) return 'resume';
  return null;
}
