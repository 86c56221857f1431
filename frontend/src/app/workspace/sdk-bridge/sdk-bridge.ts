import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { AgentSdkHost, type FrameLike, type HostLogEntry } from '../../../agent-sdk/host';
import type { Capability } from '../../../agent-sdk/protocol';
import type { QueueRef, QueueStats, Target } from '../../../agent-sdk/types';
import { authFeature } from '../../auth/auth.reducer';
import { toApiError } from '../../shared/api/api-error';
import { QueueStats as LiveQueueStats, SupervisorApi } from '../../supervisor/supervisor-api';
import { EmbeddedApp, EmbeddedAppsApi } from '../embedded-apps/embedded-apps-api';
import { ScreenPopStore } from '../screen-pop/screen-pop-store';
import { WorkspaceStore } from '../workspace-store';
import { sdkEvents } from './sdk-events';
import { SdkWorkspace, sdkHandlers } from './sdk-handlers';
import { apiToSdkError } from './sdk-errors';
import { SdkContext, sdkView, SdkView } from './sdk-snapshot';

/** Live figures in the SDK's shape (`now` in ms). */
export function toSdkQueueStats(stats: LiveQueueStats, now: number): QueueStats {
  const oldest = stats.oldestQueuedAt ? Date.parse(stats.oldestQueuedAt) : NaN;
  return {
    queueId: stats.queueId,
    name: stats.name,
    waiting: stats.waiting,
    longestWaitSeconds: Number.isFinite(oldest) ? Math.max(0, Math.floor((now - oldest) / 1000)) : 0,
    agentsReady: stats.agentsReady,
  };
}

/** Capabilities granted to an origin: the union of its apps' capabilities. */
export function capabilitiesOf(apps: readonly EmbeddedApp[], origin: string): Capability[] {
  return [...new Set(apps.filter((a) => a.origin === origin).flatMap((a) => a.capabilities))];
}

/**
 * The workspace's agent SDK host (one per workspace page): loads the agent's embedded apps, lets
 * their frames connect, serves their requests with the workspace store's actions and publishes
 * the store's changes to them as SDK events.
 */
@Injectable()
export class SdkBridge {
  private readonly store = inject(WorkspaceStore);
  private readonly pop = inject(ScreenPopStore);
  private readonly appsApi = inject(EmbeddedAppsApi);
  private readonly supervisorApi = inject(SupervisorApi);
  private readonly auth = inject(Store);
  private readonly user = this.auth.selectSignal(authFeature.selectUser);
  private readonly tenant = this.auth.selectSignal(authFeature.selectTenant);
  private readonly agentQueues = signal<readonly QueueRef[]>([]);
  private readonly transfers = new Map<string, Target>();
  private host: AgentSdkHost | null = null;

  /** The agent's enabled apps (null until loaded). */
  readonly apps = signal<readonly EmbeddedApp[] | null>(null);
  /** Whether loading the apps failed. */
  readonly appsFailed = signal(false);
  /** The signed-in user's id and the tenant's slug (URL placeholders). */
  readonly agentId = computed(() => this.store.agent()?.userId ?? this.user()?.id ?? null);
  readonly tenantSlug = computed(() => this.tenant()?.slug ?? null);
  /** The first customer the screen pop matched for the agent's call. */
  readonly customer = computed(() => {
    const callId = this.pop.callId();
    const match = this.pop.matches()?.[0];
    return callId && match && callId === this.store.agent()?.call?.id
      ? { callId, customer: { id: match.id, displayName: match.name, externalRef: null } }
      : null;
  });
  private readonly context = computed<SdkContext>(() => ({
    queueNames: new Map(this.store.queues().map((q) => [q.id, q.name])),
    agentQueues: this.agentQueues(),
    customer: this.customer(),
  }));
  /** The agent and call as apps see them. */
  readonly view = computed<SdkView>(() => sdkView(this.store.agent(), this.context()));

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.appsApi.agentApps().subscribe({
      next: (apps) => {
        this.apps.set(apps);
        if (apps.length > 0) this.start(apps);
      },
      error: () => {
        this.appsFailed.set(true);
        this.apps.set([]);
      },
    });
    let previous = untracked(() => this.view());
    effect(() => {
      const next = this.view();
      untracked(() => {
        const transferTo = previous.call ? (this.transfers.get(previous.call.id) ?? null) : null;
        for (const e of sdkEvents(previous, next, transferTo)) {
          this.host?.publish(e.topic, e.payload as never);
        }
        if (previous.call && previous.call.id !== next.call?.id)
          this.transfers.delete(previous.call.id);
        previous = next;
      });
    });
    destroyRef.onDestroy(() => {
      this.host?.detach();
      this.host = null;
    });
  }

  /** Lets an app frame connect; returns the function that detaches it. */
  attach(frame: FrameLike): () => void {
    return this.host?.attach(frame) ?? (() => undefined);
  }

  private start(apps: readonly EmbeddedApp[]): void {
    const ws = this.workspace();
    this.host = new AgentSdkHost({
      allowedOrigins: [...new Set(apps.map((a) => a.origin))],
      capabilities: (origin) => capabilitiesOf(apps, origin),
      handlers: sdkHandlers(ws),
      getSnapshot: () => {
        const { agent, call } = this.view();
        return { agent, call };
      },
      onLog: (entry: HostLogEntry) => {
        if (entry.reason !== 'connected' && entry.reason !== 'disconnected')
          console.warn(`[agent sdk] ${entry.reason} from ${entry.origin}`);
      },
    });
    // The agent's queues (AgentInfo.queues) come from the live figures when the agent may read them.
    firstValueFrom(this.supervisorApi.queueStats()).then(
      (stats) => {
        const me = this.agentId();
        this.agentQueues.set(
          stats
            .filter((s) => me !== null && s.memberIds.includes(me))
            .map((s) => ({ id: s.queueId, name: s.name })),
        );
      },
      () => undefined,
    );
  }

  private workspace(): SdkWorkspace {
    const store = this.store;
    return {
      agent: () => store.agent(),
      choices: () => store.choices(),
      canDial: () => store.canDial(),
      answer: () => store.answer(),
      hangUp: () => store.hangUp(),
      callCommand: (name) => store.callCommand(name),
      transfer: (target) => store.transfer(target),
      consult: (userId) => store.consult(userId),
      consultCommand: (name) => store.consultCommand(name),
      dial: (number) => store.dial(number),
      sendDtmf: (digit) => store.sendDtmf(digit),
      recording: (action) => store.recording(action),
      disposition: (code, notes) => store.disposition(code, notes),
      setState: (state, reason) => store.setState(state, reason),
      view: () => this.view(),
      queueStats: (queueIds) => this.queueStats(queueIds),
      transferred: (callId, target) => this.transfers.set(callId, target),
    };
  }

  private async queueStats(queueIds?: readonly string[]): Promise<QueueStats[]> {
    let stats: LiveQueueStats[];
    try {
      stats = await firstValueFrom(this.supervisorApi.queueStats());
    } catch (error) {
      throw apiToSdkError(toApiError(error), []);
    }
    const me = this.agentId();
    const wanted = (s: LiveQueueStats): boolean =>
      queueIds ? queueIds.includes(s.queueId) : me !== null && s.memberIds.includes(me);
    const now = Date.now();
    return stats.filter(wanted).map((s) => toSdkQueueStats(s, now));
  }
}
