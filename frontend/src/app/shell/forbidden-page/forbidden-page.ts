import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

/** Shown when a route needs a permission the session lacks. */
@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink, TranslocoPipe, NzButtonModule, NzResultModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-result
      nzStatus="403"
      [nzTitle]="'forbidden.title' | transloco"
      [nzSubTitle]="'forbidden.text' | transloco"
      data-testid="forbidden"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'common.backHome' | transloco }}</a>
      </div>
    </nz-result>
  `,
})
export class ForbiddenPage {}
