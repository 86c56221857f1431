import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A horizontal audio level bar (0..1) with its label, exposed as an ARIA meter. */
@Component({
  selector: 'app-level-meter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="label">{{ label() }}</span>
    <span
      class="track"
      role="meter"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="percent()"
      [attr.aria-label]="label()"
    >
      <span class="fill" [style.width.%]="percent()" [class.hot]="percent() > 85"></span>
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 12px;
    }
    .label {
      color: rgba(0, 0, 0, 0.55);
      white-space: nowrap;
    }
    .track {
      position: relative;
      width: 80px;
      height: 6px;
      border-radius: 3px;
      background: #f0f0f0;
      overflow: hidden;
    }
    .fill {
      position: absolute;
      inset: 0 auto 0 0;
      background: #52c41a;
      transition: width 80ms linear;
    }
    .fill.hot {
      background: #fa8c16;
    }
  `,
})
export class LevelMeter {
  readonly level = input(0);
  readonly label = input('');
  protected readonly percent = computed(() =>
    Math.round(Math.min(1, Math.max(0, this.level())) * 100),
  );
}
