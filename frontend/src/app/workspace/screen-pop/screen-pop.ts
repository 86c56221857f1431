import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { authFeature } from '../../auth/auth.reducer';
import { WorkspaceStore } from '../workspace-store';
import { screenPopTarget } from './screen-pop-target';
import { ScreenPopStore } from './screen-pop-store';

/**
 * The screen pop: who the caller of the agent's call is in the CRM, with links opening the
 * customer in a new tab (the call stays on this one). Needs customers.view. Its store is provided
 * by the workspace page, which shares the match with the embedded apps.
 */
@Component({
  selector: 'app-screen-pop',
  imports: [RouterLink, TranslocoPipe, NzIconModule, NzSpinModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shown()) {
      <section
        class="pop"
        data-testid="screen-pop"
        [attr.data-state]="
          pop.matches() === null ? 'loading' : pop.matches()!.length ? 'found' : 'none'
        "
        [attr.aria-label]="'softphone.screenPop.title' | transloco"
      >
        <header class="head">
          <nz-icon nzType="idcard" />
          <span class="title">{{ 'softphone.screenPop.title' | transloco }}</span>
          <span class="number">{{ pop.number() }}</span>
        </header>
        @if (pop.matches(); as matches) {
          @for (match of matches; track match.id) {
            <a
              class="match"
              [routerLink]="['/customers', match.id]"
              target="_blank"
              rel="noopener"
              data-testid="screen-pop-customer"
              [attr.data-customer-id]="match.id"
            >
              <span class="name">{{ match.name }}</span>
              <span class="meta"
                >{{ 'customers.owner' | transloco }}:
                {{ match.ownerName ?? ('customers.noOwner' | transloco) }}</span
              >
              <span class="meta mono">{{ match.matchedNumber }}</span>
              <nz-icon nzType="export" class="open" />
            </a>
          } @empty {
            <div class="none" data-testid="screen-pop-none">
              <span>{{
                (pop.error() ? 'softphone.screenPop.failed' : 'softphone.screenPop.none')
                  | transloco
              }}</span>
              @if (canManage()) {
                <a
                  routerLink="/customers"
                  target="_blank"
                  rel="noopener"
                  data-testid="screen-pop-new"
                >
                  <nz-icon nzType="user-add" /> {{ 'customers.create' | transloco }}
                </a>
              }
            </div>
          }
        } @else {
          <div class="none"><nz-spin nzSimple nzSize="small" /></div>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .pop {
      margin-top: 12px;
      background: #fff;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
      padding: 8px 12px;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
      margin-bottom: 4px;
    }
    .title {
      font-weight: 600;
    }
    .number,
    .mono {
      font-variant-numeric: tabular-nums;
    }
    .match {
      display: flex;
      align-items: baseline;
      gap: 12px;
      padding: 4px 0;
      color: inherit;
    }
    .match + .match {
      border-top: 1px solid #f5f5f5;
    }
    .match:hover .name {
      color: #1677ff;
    }
    .name {
      font-weight: 600;
    }
    .meta {
      color: rgba(0, 0, 0, 0.55);
      font-size: 13px;
    }
    .open {
      margin-left: auto;
      color: #1677ff;
    }
    .none {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 4px 0;
      color: rgba(0, 0, 0, 0.55);
    }
  `,
})
export class ScreenPop {
  private readonly workspace = inject(WorkspaceStore);
  protected readonly pop = inject(ScreenPopStore);
  private readonly granted = inject(Store).selectSignal(authFeature.selectPermissionSet);
  private readonly canView = computed(() => this.granted().has('customers.view'));
  protected readonly canManage = computed(() => this.granted().has('customers.manage'));
  /** Shown for the agent's current call (through wrap-up) once it was looked up. */
  protected readonly shown = computed(
    () =>
      this.canView() &&
      this.pop.callId() !== null &&
      this.pop.callId() === this.workspace.agent()?.call?.id,
  );

  constructor() {
    this.pop.follow(
      computed(() => (this.canView() ? screenPopTarget(this.workspace.agent()) : null), {
        equal: (a, b) => a?.callId === b?.callId && a?.number === b?.number,
      }),
    );
  }
}
