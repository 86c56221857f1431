import { AppUrlValues, appsForQueue, expandAppUrl, frameInstance, noCallValues } from './app-url';
import { EmbeddedApp } from './embedded-apps-api';

const values: AppUrlValues = {
  ani: '+86 138&0',
  dnis: '4001',
  callId: 'c-1',
  customerId: 'cu/7',
  queueId: 'q-sales',
  agentId: 'u-1',
  tenant: 'acme',
};

const app = (id: string, queueIds: string[], position = 0): EmbeddedApp => ({
  id,
  name: id,
  urlTemplate: 'https://crm.example/pop?n={ani}',
  origin: 'https://crm.example',
  queueIds,
  capabilities: ['calls.read'],
  position,
  enabled: true,
  createdAt: '',
  updatedAt: '',
});

describe('expandAppUrl', () => {
  it('fills every placeholder URI-encoded and adds cc_origin and cc_instance', () => {
    const url = expandAppUrl(
      'https://crm.example/c/{customerId}?ani={ani}&dnis={dnis}&call={callId}&q={queueId}&a={agentId}&t={tenant}',
      values,
      'https://agent.cc.test',
      'i-1',
    );
    const parsed = new URL(url!);
    expect(parsed.pathname).toBe('/c/cu%2F7');
    expect(parsed.searchParams.get('ani')).toBe('+86 138&0');
    expect(parsed.searchParams.get('dnis')).toBe('4001');
    expect(parsed.searchParams.get('call')).toBe('c-1');
    expect(parsed.searchParams.get('q')).toBe('q-sales');
    expect(parsed.searchParams.get('a')).toBe('u-1');
    expect(parsed.searchParams.get('t')).toBe('acme');
    expect(parsed.searchParams.get('cc_origin')).toBe('https://agent.cc.test');
    expect(parsed.searchParams.get('cc_instance')).toBe('i-1');
  });

  it('leaves unknown placeholders and missing values empty', () => {
    const url = expandAppUrl(
      'https://crm.example/?x={nope}&c={callId}',
      noCallValues('u-1', 'acme'),
      'https://agent.cc.test',
      'i-1',
    );
    const parsed = new URL(url!);
    expect(parsed.searchParams.get('x')).toBe('');
    expect(parsed.searchParams.get('c')).toBe('');
  });

  it('gives the same URL for the same call, so the frame is not reloaded', () => {
    const a = expandAppUrl(app('a', []).urlTemplate, values, 'https://h.test', 'i');
    const b = expandAppUrl(app('a', []).urlTemplate, { ...values }, 'https://h.test', 'i');
    expect(a).toBe(b);
  });

  it('refuses anything that is not an http(s) URL', () => {
    expect(expandAppUrl('javascript:alert({ani})', values, 'https://h.test', 'i')).toBeNull();
    expect(expandAppUrl('{ani}', values, 'https://h.test', 'i')).toBeNull();
  });

  it('gives every frame its own instance id', () => {
    expect(frameInstance()).toMatch(/^[0-9a-f]{24}$/);
    expect(frameInstance()).not.toBe(frameInstance());
  });
});

describe('appsForQueue', () => {
  const apps = [app('sales', ['q-sales'], 2), app('all', [], 1), app('support', ['q-support'], 0)];

  it('shows the apps for every queue plus those of the call’s queue, by position', () => {
    expect(appsForQueue(apps, true, 'q-sales').map((a) => a.id)).toEqual(['all', 'sales']);
  });

  it('shows only the apps for every queue without a call or a queue', () => {
    expect(appsForQueue(apps, false, null).map((a) => a.id)).toEqual(['all']);
    expect(appsForQueue(apps, true, null).map((a) => a.id)).toEqual(['all']);
  });

  it('hides disabled apps', () => {
    expect(appsForQueue([{ ...app('x', []), enabled: false }], false, null)).toEqual([]);
  });
});
