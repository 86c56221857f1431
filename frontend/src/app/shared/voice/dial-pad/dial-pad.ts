import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DTMF_KEYS, DTMF_LETTERS, DtmfDigit, isDtmfDigit } from '../dtmf';

/** Keys typed into these belong to the field, not to the keypad. */
const TYPING_TARGETS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** A telephone keypad (1-9, *, 0, #); with `keyboard` set, typing a key on the keyboard presses it. */
@Component({
  selector: 'app-dial-pad',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
  template: `
    <div class="pad" role="group" [attr.aria-label]="label()" data-testid="dial-pad">
      @for (key of keys; track key) {
        <button
          type="button"
          class="key"
          [disabled]="disabled()"
          (click)="pressed.emit(key)"
          [attr.aria-label]="key"
          [attr.data-testid]="'dial-pad-' + keyId(key)"
        >
          <span class="digit">{{ key }}</span>
          <span class="letters">{{ letters[key] ?? '&nbsp;' }}</span>
        </button>
      }
    </div>
  `,
  styles: `
    .pad {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 8px;
    }
    .key {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      height: var(--dial-key-height, 52px);
      border: 1px solid #d9d9d9;
      border-radius: 8px;
      background: #fff;
      cursor: pointer;
      font: inherit;
      transition:
        background 0.15s,
        border-color 0.15s;
    }
    .key:hover:not(:disabled) {
      border-color: #1677ff;
      color: #1677ff;
    }
    .key:active:not(:disabled) {
      background: #e6f4ff;
    }
    .key:focus-visible {
      outline: 2px solid #1677ff;
      outline-offset: 1px;
    }
    .key:disabled {
      cursor: not-allowed;
      color: rgba(0, 0, 0, 0.25);
      background: #f5f5f5;
    }
    .digit {
      font-size: 20px;
      font-weight: 600;
      line-height: 1.1;
    }
    .letters {
      font-size: 10px;
      letter-spacing: 1px;
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class DialPad {
  /** Accessible name of the keypad. */
  readonly label = input('Keypad');
  readonly disabled = input(false);
  /** Whether keys typed anywhere on the page (outside fields) press the keypad. */
  readonly keyboard = input(false);
  readonly pressed = output<DtmfDigit>();

  protected readonly keys = DTMF_KEYS;
  protected readonly letters = DTMF_LETTERS;

  protected keyId(key: DtmfDigit): string {
    return key === '*' ? 'star' : key === '#' ? 'hash' : key;
  }

  protected onKey(event: KeyboardEvent): void {
    if (!this.keyboard() || this.disabled() || event.ctrlKey || event.metaKey || event.altKey)
      return;
    const target = event.target as HTMLElement | null;
    if (target && (TYPING_TARGETS.has(target.tagName) || target.isContentEditable)) return;
    if (!isDtmfDigit(event.key)) return;
    event.preventDefault();
    this.pressed.emit(event.key);
  }
}
