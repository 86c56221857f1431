import { groupPermissions } from './permission-groups';

describe('groupPermissions', () => {
  it('puts permissions under their group in the order the API gave them', () => {
    const groups = groupPermissions([
      { key: 'users.view', group: 'identity', description: 'See users' },
      { key: 'audit.view', group: 'audit', description: 'See the log' },
      { key: 'users.manage', group: 'identity', description: 'Manage users' },
    ]);
    expect(groups.map((g) => [g.group, g.permissions.map((p) => p.key)])).toEqual([
      ['identity', ['users.view', 'users.manage']],
      ['audit', ['audit.view']],
    ]);
  });
});
