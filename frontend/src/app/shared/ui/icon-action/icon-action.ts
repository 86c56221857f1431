import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** Small icon button of a table row: the label is its tooltip and its accessible name. */
@Component({
  selector: 'app-icon-action',
  imports: [NzButtonModule, NzIconModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button
    nz-button
    nzType="text"
    nzSize="small"
    type="button"
    (click)="pressed.emit()"
    nz-tooltip
    [nzTooltipTitle]="label()"
    [attr.aria-label]="label()"
    [attr.data-testid]="testId()"
  >
    <nz-icon [nzType]="icon()" />
  </button>`,
})
export class IconAction {
  /** The icon's name (ng-zorro icon set). */
  readonly icon = input.required<string>();
  /** What the button does, already translated. */
  readonly label = input.required<string>();
  /** `data-testid` of the button. */
  readonly testId = input.required<string>();
  /** Emits when the button is pressed. */
  readonly pressed = output();
}
