import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { AgentSdkHost, type FrameLike, type HostLogEntry } from '../../../agent-sdk/host';
import type { Capability } from '../../../agent-sdk/protocol';
import { CCAgentError } from '../../../agent-sdk/errors';
import type { AppToken, QueueRef, QueueStats, Target } from '../../../agent-sdk/types';
import { authFeature } from '../../auth/auth.reducer';
import { toApiError } from '../../shared/api/api-error';
import { API_BASE } from '../../shared/api/api-types';
import { QueueStats as LiveQueueStats, SupervisorApi } from '../../supervisor/supervisor-api';
import { EmbeddedApp, EmbeddedAppsApi } from '../embedded-apps/embedded-apps-api';
import { ScreenPopStore } from '../screen-pop/screen-pop-store';
import { WorkspaceStore } from '../workspace-store';
import { queueFiguresChanged, sdkEvents } from './sdk-events';
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

/** Who may connect to an SDK host, and what each origin is granted. */
export interface SdkHostAccess {
  /** Exact origins allowed to connect. */
  readonly allowedOrigins: readonly string[];
  /** Capabilities of an origin (the app id is informative only). */
  readonly capabilities: (origin: string, appId: string | null) => readonly Capability[];
  /** Hears connections, disconnections and refusals. */
  readonly onLog?: (entry: HostLogEntry) => void;
}

/**
 * The agent SDK host wired to the agent's workspace state (one per page that shows a call bar):
 * serves apps' requests with the `WorkspaceStore`'s actions and publishes the store's changes to
 * them as SDK events. `start()` says who may connect; `attach()` lets a window connect: an app's
 * iframe in the workspace, or the page framing the embedded call bar (`window.parent`).
 */
@Injectable()
export class SdkHostWiring {
  private readonly store = inject(WorkspaceStore);
  private readonly pop = inject(ScreenPopStore);
  private readonly supervisorApi = inject(SupervisorApi);
  private readonly auth = inject(Store);
  private readonly user = this.auth.selectSignal(authFeature.selectUser);
  private readonly tenant = this.auth.selectSignal(authFeature.selectTenant);
  private readonly agentQueues = signal<readonly QueueRef[]>([]);
  private readonly transfers = new Map<string, Target>();
  private host: AgentSdkHost | null = null;
  /** The last reading of the agent's queues handed over by the My queues card. */
  private queueFigures: readonly LiveQueueStats[] | null = null;

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

  /** Lets a window connect (once started); returns the function that detaches it. */
  attach(frame: FrameLike): () => void {
    return this.host?.attach(frame) ?? (() => undefined);
  }

  /** A new reading of the agent's queues (My queues): apps get `queue.statsChanged` when it says something new. */
  queueFiguresRead(mine: readonly LiveQueueStats[]): void {
    const changed = queueFiguresChanged(this.queueFigures, mine);
    this.queueFigures = mine;
    if (!changed) return;
    const now = Date.now();
    this.host?.publish('queue.statsChanged', { stats: mine.map((s) => toSdkQueueStats(s, now)) });
  }

  /** Starts the host for these origins (once). */
  start(access: SdkHostAccess): void {
    if (this.host) return;
    const ws = this.workspace();
    this.host = new AgentSdkHost({
      allowedOrigins: access.allowedOrigins,
      capabilities: access.capabilities,
      handlers: sdkHandlers(ws),
      getSnapshot: () => {
        const { agent, call } = this.view();
        return { agent, call };
      },
      onLog: (entry: HostLogEntry) => {
        if (entry.reason !== 'connected' && entry.reason !== 'disconnected')
          console.warn(`[agent sdk] ${entry.reason} from ${entry.origin}`);
        access.onLog?.(entry);
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

  /** Issues REST tokens for apps, where the page knows its apps (the workspace; not the embedded call bar). */
  protected issueAppToken?(origin: string): Promise<AppToken>;

  private workspace(): SdkWorkspace {
    const store = this.store;
    const issue = this.issueAppToken?.bind(this);
    return {
      ...(issue ? { appToken: issue } : {}),
      agent: () => store.agent(),
      choices: () => store.choices(),
      canDial: () => store.canDial(),
      answer: () => store.answer(),
      hangUp: () => store.hangUp(),
      callCommand: (name) => store.callCommand(name),
      transfer: (target) => store.transfer(target),
      consult: (userId) => store.consult(userId),
      consultCommand: (name) => store.consultCommand(name),
      dial: (number, queueId) => store.dial(number, queueId),
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

/**
 * The workspace's agent SDK host (one per workspace page): loads the agent's embedded apps and
 * lets their frames connect with the capabilities each app was given.
 */
@Injectable()
export class SdkBridge extends SdkHostWiring {
  private readonly appsApi = inject(EmbeddedAppsApi);

  /** The agent's enabled apps (null until loaded). */
  readonly apps = signal<readonly EmbeddedApp[] | null>(null);
  /** Whether loading the apps failed. */
  readonly appsFailed = signal(false);
  /** The origins the host lets connect, kept in step with the apps (the host reads this very list). */
  private readonly origins: string[] = [];
  private appsRead = 0;

  constructor() {
    super();
    this.reloadApps();
  }

  /** A REST token for the app at this origin: the first of the agent's apps there granted `api.rest`. */
  protected override async issueAppToken(origin: string): Promise<AppToken> {
    const app = (this.apps() ?? []).find(
      (a) => a.origin === origin && a.capabilities.includes('api.rest'),
    );
    if (!app) throw new CCAgentError('E_NOT_ALLOWED', 'No app of this origin may use the REST API.');
    try {
      const minted = await firstValueFrom(this.appsApi.token(app.id));
      return { ...minted, apiBase: `${window.location.origin}${API_BASE}` };
    } catch (error) {
      throw apiToSdkError(toApiError(error), []);
    }
  }

  /**
   * (Re)loads the agent's apps, e.g. when an admin changed them: a new app's origin may connect at
   * once and each origin's capabilities follow its apps. A failed reload keeps the apps shown.
   */
  reloadApps(): void {
    const read = ++this.appsRead;
    this.appsApi.agentApps().subscribe({
      next: (apps) => {
        if (read !== this.appsRead) return;
        this.apps.set(apps);
        this.appsFailed.set(false);
        this.origins.splice(0, this.origins.length, ...new Set(apps.map((a) => a.origin)));
        if (apps.length > 0)
          this.start({
            allowedOrigins: this.origins,
            capabilities: (origin) => capabilitiesOf(this.apps() ?? [], origin),
          });
      },
      error: () => {
        if (read !== this.appsRead || this.apps() !== null) return;
        this.appsFailed.set(true);
        this.apps.set([]);
      },
    });
  }
}
