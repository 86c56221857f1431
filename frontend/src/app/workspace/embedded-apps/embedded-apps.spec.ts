import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { UserFeed } from '../../shared/realtime/user-feed';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { SdkBridge } from '../sdk-bridge/sdk-bridge';
import { WorkspaceStore } from '../workspace-store';
import { APPS_PUSH_COALESCE_MS, EmbeddedApps, frameKey, tabIndex } from './embedded-apps';
import { EmbeddedApp } from './embedded-apps-api';

const app = (id: string, extra: Partial<EmbeddedApp> = {}): EmbeddedApp => ({
  id,
  name: id.toUpperCase(),
  urlTemplate: `https://${id}.example.com/?phone={ani}`,
  origin: `https://${id}.example.com`,
  queueIds: [],
  capabilities: ['calls.read'],
  position: 0,
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('embedded apps tabs', () => {
  it('shows the chosen app’s tab where it is now, and the customer panel once it is gone', () => {
    const shown = [app('crm'), app('wiki')];
    expect(tabIndex(null, shown)).toBe(0);
    expect(tabIndex('wiki', shown)).toBe(2);
    expect(tabIndex('wiki', [app('wiki')])).toBe(1);
    expect(tabIndex('wiki', [app('crm')])).toBe(0);
  });

  it('keeps an app’s frame through a rename, but not through a change of origin or capabilities', () => {
    const crm = app('crm');
    expect(frameKey({ ...crm, name: 'CRM 2', position: 3 })).toBe(frameKey(crm));
    expect(frameKey({ ...crm, capabilities: ['calls.read', 'calls.control'] })).not.toBe(
      frameKey(crm),
    );
    expect(frameKey({ ...crm, origin: 'https://crm2.example.com' })).not.toBe(frameKey(crm));
  });
});

describe('EmbeddedApps live', () => {
  function setup() {
    const pushes = new Subject<string>();
    const asked: string[][] = [];
    const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
    const bridge = {
      apps: signal<readonly EmbeddedApp[] | null>([app('crm'), app('wiki')]),
      appsFailed: signal(false),
      agentId: signal('u-1'),
      tenantSlug: signal('acme'),
      customer: signal(null),
      reloads: 0,
      reloadApps() {
        this.reloads++;
      },
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: WorkspaceStore, useValue: { agent: signal(null) } },
        { provide: SdkBridge, useValue: bridge },
        { provide: POLL_SCHEDULER, useValue: scheduler },
        {
          provide: UserFeed,
          useValue: {
            broadcast: (...prefixes: string[]) => {
              asked.push(prefixes);
              return pushes;
            },
          },
        },
      ],
    });
    TestBed.overrideComponent(EmbeddedApps, { set: { imports: [], template: '' } });
    const fixture = TestBed.createComponent(EmbeddedApps);
    const tabs = fixture.componentInstance as unknown as {
      index: () => number;
      select: (index: number) => void;
    };
    return { bridge, pushes, asked, scheduler, fixture, tabs };
  }

  it('reloads the apps when an admin changes one (a burst once more at its end)', () => {
    const { bridge, pushes, asked, scheduler } = setup();
    expect(asked).toEqual([['embedded_app.']]);
    pushes.next('embedded_app.created');
    expect(bridge.reloads).toBe(1);
    pushes.next('embedded_app.updated');
    pushes.next('embedded_app.updated');
    expect(bridge.reloads).toBe(1);
    scheduler.maxFrames = APPS_PUSH_COALESCE_MS;
    scheduler.flush();
    expect(bridge.reloads).toBe(2);
  });

  it('falls back to the customer panel when the app on show is removed, and stays there', () => {
    const { bridge, tabs } = setup();
    tabs.select(2);
    expect(tabs.index()).toBe(2);
    bridge.apps.set([app('wiki')]);
    expect(tabs.index()).toBe(1);
    bridge.apps.set([app('crm')]);
    expect(tabs.index()).toBe(0);
    bridge.apps.set([app('crm'), app('wiki')]);
    expect(tabs.index()).toBe(0);
  });

  it('stops listening when the workspace closes', () => {
    const { pushes, fixture } = setup();
    fixture.destroy();
    expect(pushes.observed).toBe(false);
  });
});
