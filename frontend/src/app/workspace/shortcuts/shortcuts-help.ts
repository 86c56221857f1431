import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { CALL_SHORTCUTS } from './call-shortcuts';

/** The "Keyboard shortcuts" help of the softphone (Shift+?). */
@Component({
  selector: 'app-shortcuts-help',
  imports: [TranslocoPipe, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="'softphone2.shortcuts.title' | transloco"
      [nzWidth]="420"
      [nzFooter]="null"
      (nzOnCancel)="open.set(false)"
    >
      <ng-container *nzModalContent>
        <table class="keys" data-testid="workspace-shortcuts-help">
          <tbody>
            @for (shortcut of shortcuts; track shortcut.action) {
              <tr>
                <td>{{ 'softphone2.shortcuts.' + shortcut.action | transloco }}</td>
                <td>
                  <kbd>{{ shortcut.keys }}</kbd>
                </td>
              </tr>
            }
            <tr>
              <td>{{ 'softphone2.shortcuts.digits' | transloco }}</td>
              <td><kbd>0–9 * #</kbd></td>
            </tr>
          </tbody>
        </table>
        <p class="note">{{ 'softphone2.shortcuts.note' | transloco }}</p>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .keys {
      width: 100%;
      border-collapse: collapse;
    }
    .keys td {
      padding: 4px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .keys td:last-child {
      text-align: right;
    }
    kbd {
      font-family: inherit;
      font-size: 12px;
      padding: 1px 6px;
      border: 1px solid #d9d9d9;
      border-bottom-width: 2px;
      border-radius: 4px;
      background: #fafafa;
    }
    .note {
      margin: 12px 0 0;
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class ShortcutsHelp {
  /** Whether the help is open (two-way). */
  readonly open = model(false);
  protected readonly shortcuts = CALL_SHORTCUTS;
}
