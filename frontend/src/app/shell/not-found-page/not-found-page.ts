import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

/** Shown for an unknown address. */
@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, TranslocoPipe, NzButtonModule, NzResultModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-result
      nzStatus="404"
      [nzTitle]="'notFound.title' | transloco"
      [nzSubTitle]="'notFound.text' | transloco"
      data-testid="not-found"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'common.backHome' | transloco }}</a>
      </div>
    </nz-result>
  `,
})
export class NotFoundPage {}
