import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { MyQueues } from '../my-queues/my-queues';
import { SdkBridge } from '../sdk-bridge/sdk-bridge';
import { ScreenPop } from '../screen-pop/screen-pop';
import { WorkspaceStore } from '../workspace-store';
import { AppFrame } from './app-frame';
import { AppUrlValues, appsForQueue } from './app-url';
import { CustomerTimeline } from './customer-timeline';

/**
 * The tabs below the call bar: our own customer panel first, then every embedded app that applies
 * to the agent's call. App frames stay alive in hidden tabs, so apps keep receiving events.
 */
@Component({
  selector: 'app-embedded-apps',
  imports: [
    TranslocoPipe,
    NzAlertModule,
    NzTabsModule,
    ScreenPop,
    CustomerTimeline,
    AppFrame,
    MyQueues,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-tabs
      nzSize="small"
      [nzAnimated]="false"
      data-testid="workspace-apps"
      [nzSelectedIndex]="index()"
      (nzSelectedIndexChange)="selected.set($event)"
    >
      <nz-tab [nzTitle]="'workspaceApps.customerTab' | transloco" nzForceRender>
        <div data-testid="workspace-customer-panel">
          <app-my-queues />
          <app-screen-pop />
          <app-customer-timeline />
          @if (!store.agent()?.call) {
            <p class="empty" data-testid="workspace-apps-no-call">
              {{ 'workspaceApps.noCall' | transloco }}
            </p>
          }
        </div>
      </nz-tab>
      @for (app of shown(); track app.id) {
        <nz-tab [nzTitle]="app.name" nzForceRender>
          <app-embedded-app-frame [app]="app" [values]="values()" />
        </nz-tab>
      }
    </nz-tabs>
    @if (bridge.appsFailed()) {
      <nz-alert
        nzType="warning"
        nzShowIcon
        data-testid="workspace-apps-failed"
        [nzMessage]="'workspaceApps.loadFailed' | transloco"
      />
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 12px;
    }
    .empty {
      color: rgba(0, 0, 0, 0.45);
      margin: 12px 0;
    }
  `,
})
export class EmbeddedApps {
  protected readonly store = inject(WorkspaceStore);
  protected readonly bridge = inject(SdkBridge);
  protected readonly selected = signal(0);
  /** The selected tab, back to the customer panel when the selected app no longer applies. */
  protected readonly index = computed(() =>
    this.selected() <= this.shown().length ? this.selected() : 0,
  );
  /** The apps for the agent's call (or, without one, the apps for every queue). */
  protected readonly shown = computed(() => {
    const call = this.store.agent()?.call;
    return appsForQueue(this.bridge.apps() ?? [], !!call, call?.queueId ?? null);
  });
  /** What the apps' URL placeholders are filled with. */
  protected readonly values = computed<AppUrlValues>(() => {
    const call = this.store.agent()?.call ?? null;
    return {
      ani: call?.ani ?? null,
      dnis: call?.dnis ?? null,
      callId: call?.id ?? null,
      customerId: this.bridge.customer()?.customer.id ?? null,
      queueId: call?.queueId ?? null,
      agentId: this.bridge.agentId(),
      tenant: this.bridge.tenantSlug(),
    };
  });
}
