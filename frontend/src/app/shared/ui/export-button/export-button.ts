import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** A file format an export job writes. */
export type ExportFormat = 'csv' | 'xlsx';

/**
 * The export button of a list or report: one format is a plain button, several open a menu; while
 * the job runs it is disabled and shows the job's progress.
 */
@Component({
  selector: 'app-export-button',
  imports: [TranslocoPipe, NzButtonModule, NzDropdownModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (formats().length === 1) {
      <button
        nz-button
        type="button"
        [nzLoading]="saving()"
        (click)="chosen.emit(formats()[0])"
        [attr.data-testid]="testId()"
      >
        <nz-icon nzType="download" />
        @if (saving()) {
          {{ 'common.exporting' | transloco: { percent: percent() ?? 0 } }}
        } @else {
          {{ 'common.exportAs' | transloco: { format: ('common.format.' + formats()[0] | transloco) } }}
        }
      </button>
    } @else {
      <button
        nz-button
        type="button"
        nz-dropdown
        [nzDropdownMenu]="menu"
        [nzDisabled]="saving()"
        [nzLoading]="saving()"
        [attr.data-testid]="testId()"
      >
        <nz-icon nzType="download" />
        @if (saving()) {
          {{ 'common.exporting' | transloco: { percent: percent() ?? 0 } }}
        } @else {
          {{ 'common.export' | transloco }}
          <nz-icon nzType="down" />
        }
      </button>
      <nz-dropdown-menu #menu="nzDropdownMenu">
        <ul nz-menu>
          @for (format of formats(); track format) {
            <li nz-menu-item (click)="chosen.emit(format)" [attr.data-testid]="testId() + '-' + format">
              {{ 'common.format.' + format | transloco }}
            </li>
          }
        </ul>
      </nz-dropdown-menu>
    }
  `,
})
export class ExportButton {
  /** The formats offered, in menu order. */
  readonly formats = input<readonly ExportFormat[]>(['csv', 'xlsx']);
  /** An export job of this page is running. */
  readonly saving = input(false);
  /** The running job's progress (0–100), when known. */
  readonly percent = input<number | null>(null);
  /** `data-testid` of the button; menu items get `<testId>-<format>`. */
  readonly testId = input.required<string>();
  /** The format the user asked for. */
  readonly chosen = output<ExportFormat>();
}
