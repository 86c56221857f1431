import { MENU, matchesExactly, visibleMenu } from './menu';

const keys = (granted: string[]) =>
  visibleMenu(MENU, new Set(granted)).flatMap((section) =>
    section.entries.map((entry) => entry.key),
  );

describe('console menu', () => {
  it('shows someone without permissions only the home page and the coming modules', () => {
    expect(keys([])).toEqual([
      'home',
      'announcements',
      'calendar',
      'tickets',
      'knowledge',
      'outbound',
    ]);
  });

  it('shows an agent the workspace and the queues', () => {
    const shown = keys(['calls.handle', 'queues.view']);
    expect(shown).toContain('agent-workspace');
    expect(shown).toContain('queues');
    expect(shown).not.toContain('agents');
  });

  it('shows a supervisor the live agents and the supervisor console', () => {
    expect(keys(['agents.view'])).toContain('agents');
    expect(keys(['agents.view'])).toContain('supervisor');
    expect(keys(['calls.handle'])).not.toContain('supervisor');
  });

  it('shows the live calls to whoever may monitor them', () => {
    expect(keys(['calls.monitor'])).toContain('live-calls');
    expect(keys(['calls.handle', 'agents.view'])).not.toContain('live-calls');
  });

  it('shows users to someone who may only view them', () => {
    expect(keys(['users.view'])).toContain('users');
    expect(keys(['users.view'])).not.toContain('roles');
  });

  it('shows settings to a certificate manager even without tenant settings', () => {
    expect(keys(['certificates.manage'])).toContain('settings');
  });

  it('shows the reason codes only to someone who manages queues', () => {
    expect(keys(['queues.manage'])).toContain('reason-codes');
    expect(keys(['queues.view', 'calls.handle'])).not.toContain('reason-codes');
  });

  it('shows the voice configuration to a voice manager only', () => {
    const voice = ['voice-numbers', 'voice-ivr', 'voice-prompts', 'voice-settings'];
    expect(keys(['voice.manage'])).toEqual(expect.arrayContaining(voice));
    const sections = visibleMenu(MENU, new Set(['queues.manage'])).map((section) => section.key);
    expect(sections).not.toContain('voice');
  });

  it('shows the customers to whoever may see them', () => {
    expect(keys(['customers.view'])).toContain('customers');
    expect(keys(['calls.handle'])).not.toContain('customers');
  });

  it('leaves out the administration section when nothing in it is allowed', () => {
    const sections = visibleMenu(MENU, new Set()).map((section) => section.key);
    expect(sections).not.toContain('administration');
  });

  it('highlights the most specific entry: care tasks under /customers/care, customers on a customer', () => {
    const links = ['/', '/customers', '/customers/care', '/queues'];
    expect(matchesExactly('/', links, '/customers')).toBe(true);
    expect(matchesExactly('/customers', links, '/customers/care')).toBe(true);
    expect(matchesExactly('/customers', links, '/customers/care/rules?x=1')).toBe(true);
    expect(matchesExactly('/customers', links, '/customers/0192')).toBe(false);
    expect(matchesExactly('/customers', links, '/customers/careful')).toBe(false);
    expect(matchesExactly('/customers/care', links, '/customers/care')).toBe(false);
  });
});
