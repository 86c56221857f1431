import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

/** Small red bin button of a table row that deletes only once the pop-up question is confirmed. */
@Component({
  selector: 'app-delete-button',
  imports: [TranslocoPipe, NzButtonModule, NzIconModule, NzPopconfirmModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button
    nz-button
    nzType="text"
    nzDanger
    nzSize="small"
    type="button"
    nz-popconfirm
    [nzPopconfirmTitle]="question()"
    [nzOkText]="'common.delete' | transloco"
    [nzCancelText]="'common.cancel' | transloco"
    nzOkDanger
    (nzOnConfirm)="confirmed.emit()"
    [attr.aria-label]="'common.delete' | transloco"
    [attr.data-testid]="testId()"
  >
    <nz-icon nzType="delete" />
  </button>`,
})
export class DeleteButton {
  /** The confirmation question, already translated. */
  readonly question = input.required<string>();
  /** `data-testid` of the button. */
  readonly testId = input.required<string>();
  /** Emits when the user confirmed the deletion. */
  readonly confirmed = output();
}
