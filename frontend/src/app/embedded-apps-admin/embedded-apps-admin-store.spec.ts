import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EmbeddedApp } from './embedded-apps-admin-api';
import { EmbeddedAppsAdminStore } from './embedded-apps-admin-store';

const BASE = '/api/v1/embedded-apps';

const app = (id: string, position: number, extra: Partial<EmbeddedApp> = {}): EmbeddedApp => ({
  id,
  name: id,
  urlTemplate: `https://${id}.example.com/?phone={ani}`,
  origin: `https://${id}.example.com`,
  queueIds: [],
  capabilities: [],
  position,
  enabled: true,
  createdAt: '2026-11-29T08:00:00.000Z',
  updatedAt: '2026-11-29T08:00:00.000Z',
  ...extra,
});

/** A store whose first reads were answered: two apps (out of order) and one queue. */
function setup() {
  TestBed.configureTestingModule({
    providers: [EmbeddedAppsAdminStore, provideHttpClient(), provideHttpClientTesting()],
  });
  const store = TestBed.inject(EmbeddedAppsAdminStore);
  const http = TestBed.inject(HttpTestingController);
  TestBed.tick();
  http.expectOne(BASE).flush({ data: [app('crm', 2), app('wiki', 1)] });
  http
    .expectOne('/api/v1/queues')
    .flush({ data: [{ id: 'q-sales', name: 'Sales', strategy: 'longest_idle' }] });
  return { store, http };
}

const input = {
  name: 'Tickets',
  urlTemplate: 'https://tickets.example.com/?call={callId}',
  queueIds: ['q-sales'],
  capabilities: ['calls.read'],
  position: 3,
  enabled: true,
};

describe('EmbeddedAppsAdminStore', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists the apps in the order of their tabs and knows the queue names', () => {
    const { store } = setup();
    expect(store.apps().map((a) => a.id)).toEqual(['wiki', 'crm']);
    expect(store.queueNames().get('q-sales')).toBe('Sales');
    expect(store.nextPosition()).toBe(3);
  });

  it('creates an app, adds it in its place and closes the drawer', async () => {
    const { store, http } = setup();
    store.openCreate();
    const saved = store.save(null, input);
    const req = http.expectOne({ method: 'POST', url: BASE });
    expect(req.request.body).toEqual(input);
    req.flush(
      { data: app('tickets', 0, { name: 'Tickets' }) },
      { status: 201, statusText: 'Created' },
    );
    expect((await saved).ok).toBe(true);
    expect(store.apps().map((a) => a.id)).toEqual(['tickets', 'wiki', 'crm']);
    expect(store.drawerOpen()).toBe(false);
  });

  it('keeps the drawer open with the field errors of a 422', async () => {
    const { store, http } = setup();
    store.openCreate();
    const saved = store.save(null, { ...input, urlTemplate: 'https://x.example.com/{nope}' });
    http
      .expectOne({ method: 'POST', url: BASE })
      .flush(
        { errors: [{ field: 'urlTemplate', rule: 'placeholder', message: 'Unknown placeholder' }] },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    const outcome = await saved;
    expect(outcome.ok).toBe(false);
    expect(store.drawerOpen()).toBe(true);
    expect(store.saveError()?.fieldErrors[0]?.field).toBe('urlTemplate');
  });

  it('edits an app with PATCH', async () => {
    const { store, http } = setup();
    const saved = store.save('crm', { ...input, name: 'CRM' });
    const req = http.expectOne({ method: 'PATCH', url: `${BASE}/crm` });
    expect(req.request.body.name).toBe('CRM');
    req.flush({ data: app('crm', 0, { name: 'CRM' }) });
    await saved;
    expect(store.apps().map((a) => a.name)).toEqual(['CRM', 'wiki']);
  });

  it('switches an app off from the table sending only that field', async () => {
    const { store, http } = setup();
    const done = store.setEnabled(store.apps()[1]!, false);
    const req = http.expectOne({ method: 'PATCH', url: `${BASE}/crm` });
    expect(req.request.body).toEqual({ enabled: false });
    req.flush({ data: app('crm', 2, { enabled: false }) });
    await done;
    expect(store.apps()[1]?.enabled).toBe(false);
  });

  it('drops a deleted app from the table', async () => {
    const { store, http } = setup();
    const done = store.remove(store.apps()[0]!);
    http.expectOne({ method: 'DELETE', url: `${BASE}/wiki` }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await done;
    expect(store.apps().map((a) => a.id)).toEqual(['crm']);
  });
});
