import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/** Users, roles, teams, tokens, certificate authorities. Foreign keys carry tenant_id too. */
export default class extends BaseSchema {
  async up() {
    const tables = [
      'users',
      'roles',
      'user_roles',
      'teams',
      'team_members',
      'team_supervisors',
      'access_tokens',
      'user_tokens',
      'certificate_authorities',
    ]
    this.schema.raw(`
      create table users (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        email text not null,
        display_name text not null,
        password_hash text,
        status text not null default 'invited' check (status in ('active', 'invited', 'deactivated')),
        locale text,
        mfa_secret text,
        mfa_enabled boolean not null default false,
        failed_login_count integer not null default 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id)
      );
      create unique index users_tenant_email on users (tenant_id, lower(email));

      create table roles (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        key text not null,
        name text not null,
        description text not null default '',
        built_in boolean not null default false,
        permissions text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        unique (tenant_id, key)
      );

      create table user_roles (
        tenant_id uuid not null,
        user_id uuid not null,
        role_id uuid not null,
        primary key (tenant_id, user_id, role_id),
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
        foreign key (tenant_id, role_id) references roles (tenant_id, id) on delete cascade
      );

      create table teams (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null,
        description text not null default '',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id)
      );
      create unique index teams_tenant_name on teams (tenant_id, lower(name));

      create table team_members (
        tenant_id uuid not null,
        team_id uuid not null,
        user_id uuid not null,
        primary key (tenant_id, team_id, user_id),
        foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete cascade,
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );

      create table team_supervisors (
        tenant_id uuid not null,
        team_id uuid not null,
        user_id uuid not null,
        primary key (tenant_id, team_id, user_id),
        foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete cascade,
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );

      create table access_tokens (
        tenant_id uuid not null,
        id uuid not null,
        user_id uuid not null,
        hash text not null,
        kind text not null default 'session' check (kind in ('session', 'certificate')),
        ip text,
        user_agent text,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        expires_at timestamptz not null,
        revoked_at timestamptz,
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );

      create table user_tokens (
        tenant_id uuid not null,
        id uuid not null,
        user_id uuid not null,
        purpose text not null check (purpose in ('password_reset', 'invitation')),
        hash text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz,
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );

      create table certificate_authorities (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null,
        pem text not null,
        subject text not null,
        fingerprint text not null,
        not_after timestamptz not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        unique (tenant_id, fingerprint)
      );
      ${tables.map((t) => tenantRlsSql(t)).join('\n')}
    `)
  }

  async down() {
    this.schema.raw(
      `drop table certificate_authorities, user_tokens, access_tokens, team_supervisors, team_members, teams, user_roles, roles, users`
    )
  }
}
