import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzTagModule } from 'ng-zorro-antd/tag';

const COLORS: Readonly<Record<string, string>> = {
  active: 'green',
  invited: 'blue',
  deactivated: 'default',
  suspended: 'red',
  locked: 'orange',
  success: 'green',
  failure: 'red',
};

/** Coloured, translated tag for a status word (user, tenant, audit result). */
@Component({
  selector: 'app-status-tag',
  imports: [NzTagModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag [nzColor]="color()" [attr.data-status]="status()">{{
    'status.' + status() | transloco
  }}</nz-tag>`,
})
export class StatusTag {
  readonly status = input.required<string>();
  protected readonly color = computed(() => COLORS[this.status()] ?? 'default');
}
