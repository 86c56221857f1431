import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { throttleTime } from 'rxjs';
import { UserFeed } from '../../shared/realtime/user-feed';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { MyQueues } from '../my-queues/my-queues';
import { SdkBridge } from '../sdk-bridge/sdk-bridge';
import { ScreenPop } from '../screen-pop/screen-pop';
import { WorkspaceStore } from '../workspace-store';
import { AppFrame } from './app-frame';
import { AppUrlValues, appsForQueue } from './app-url';
import { CustomerTimeline } from './customer-timeline';
import { MyCallbacks } from '../../callbacks/my-callbacks/my-callbacks';
import { ScheduleCallbackButton } from '../../callbacks/schedule-callback-button/schedule-callback-button';
import { EmbeddedApp } from './embedded-apps-api';

/** Embedded-app changes closer together than this make one reload of the list. */
export const APPS_PUSH_COALESCE_MS = 1000;

/** What a frame is kept for: an app whose origin or capabilities change gets a new frame (and handshake). */
export function frameKey(app: EmbeddedApp): string {
  return `${app.id}|${app.origin}|${app.capabilities.join(',')}`;
}

/** The tab to show: the selected app's (1 + its position), or the customer panel (0) when it is gone. */
export function tabIndex(selectedId: string | null, shown: readonly EmbeddedApp[]): number {
  return selectedId === null ? 0 : shown.findIndex((app) => app.id === selectedId) + 1;
}

/**
 * The tabs below the call bar: our own customer panel first, then every embedded app that applies
 * to the agent's call. App frames stay alive in hidden tabs, so apps keep receiving events. When
 * an admin adds, changes or removes an app, the tenant's realtime broadcast says so and the list
 * reloads; if the app on show is gone, the customer panel comes back.
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
    MyCallbacks,
    ScheduleCallbackButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-tabs
      nzSize="small"
      [nzAnimated]="false"
      data-testid="workspace-apps"
      [nzSelectedIndex]="index()"
      (nzSelectedIndexChange)="select($event)"
    >
      <nz-tab [nzTitle]="'workspaceApps.customerTab' | transloco" nzForceRender>
        <div data-testid="workspace-customer-panel">
          <!-- The caller first (screen pop, timeline); the agent's own lists below. -->
          <app-screen-pop />
          @if (store.agent()?.call && store.agent()?.call?.status !== 'offered') {
            <app-schedule-callback-button class="callback" place="panel" size="small" />
          }
          <app-customer-timeline />
          @if (!store.agent()?.call) {
            <p class="empty" data-testid="workspace-apps-no-call">
              {{ 'workspaceApps.noCall' | transloco }}
            </p>
          }
          <app-my-queues />
          <app-my-callbacks />
        </div>
      </nz-tab>
      @for (app of shown(); track frameKey(app)) {
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
    .callback {
      display: block;
      margin-top: 8px;
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
  protected readonly frameKey = frameKey;
  /** The app whose tab the agent chose (null: the customer panel); forgotten once it is not shown. */
  private readonly selectedId = linkedSignal<readonly EmbeddedApp[], string | null>({
    source: () => this.shown(),
    computation: (shown, previous) =>
      previous?.value && shown.some((app) => app.id === previous.value) ? previous.value : null,
  });
  /** The selected tab, back to the customer panel when the selected app no longer applies. */
  protected readonly index = computed(() => tabIndex(this.selectedId(), this.shown()));
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

  constructor() {
    inject(UserFeed)
      .broadcast('embedded_app.')
      .pipe(
        throttleTime(APPS_PUSH_COALESCE_MS, inject(POLL_SCHEDULER), {
          leading: true,
          trailing: true,
        }),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.bridge.reloadApps());
  }

  protected select(index: number): void {
    this.selectedId.set(index === 0 ? null : (this.shown()[index - 1]?.id ?? null));
  }
}
