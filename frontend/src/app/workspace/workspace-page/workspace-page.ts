import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorAlert } from '../../shared/ui/api-error-alert/api-error-alert';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { CallBar } from '../call-bar/call-bar';
import { OfferCard } from '../offer-card/offer-card';
import { WorkspaceStore } from '../workspace-store';

/** The agent workspace: the call bar, and the ringing card while a call is offered. */
@Component({
  selector: 'app-workspace-page',
  imports: [TranslocoPipe, ApiErrorAlert, PageHeader, CallBar, OfferCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header
      [heading]="'workspace.title' | transloco"
      [subtitle]="'workspace.subtitle' | transloco"
    />
    <app-api-error-alert class="alert" [error]="store.loadError()" />
    <app-call-bar />
    <app-offer-card />
  `,
  styles: `
    .alert {
      margin-bottom: 12px;
    }
  `,
})
export class WorkspacePage {
  protected readonly store = inject(WorkspaceStore);
}
