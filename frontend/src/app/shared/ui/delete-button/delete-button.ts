import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/**
 * Small red icon button of a table row that acts only once the pop-up question is confirmed: a bin
 * that deletes by default, or another irreversible action given its icon and name.
 */
@Component({
  selector: 'app-delete-button',
  imports: [TranslocoPipe, NzButtonModule, NzIconModule, NzPopconfirmModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@let name = label() ?? ('common.delete' | transloco);
    <button
    nz-button
    nzType="text"
    nzDanger
    nzSize="small"
    type="button"
    nz-popconfirm
    [nzPopconfirmTitle]="question()"
    [nzOkText]="name"
    [nzCancelText]="'common.cancel' | transloco"
    nzOkDanger
    (nzOnConfirm)="confirmed.emit()"
    nz-tooltip
    [nzTooltipTitle]="name"
    [attr.aria-label]="name"
    [attr.data-testid]="testId()"
  >
    <nz-icon [nzType]="icon()" />
  </button>`,
})
export class DeleteButton {
  /** The confirmation question, already translated. */
  readonly question = input.required<string>();
  /** `data-testid` of the button. */
  readonly testId = input.required<string>();
  /** The action's icon (ng-zorro icon name). */
  readonly icon = input('delete');
  /** The action's name, already translated (the button's label and the confirm button); default "Delete". */
  readonly label = input<string | null>(null);
  /** Emits when the user confirmed the deletion. */
  readonly confirmed = output();
}
