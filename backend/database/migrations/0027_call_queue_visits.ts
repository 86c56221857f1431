import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * Each stay of a call in a queue, as the live numbers of today count them: a call transferred
 * from Care to Billing was offered and answered in Care, and is offered again in Billing with a
 * wait from the transfer, as the data center's call segments count it. The `calls` row keeps only
 * where the call is now (a transfer overwrites its queue and queue time, and keeps its first
 * answer time), so the visits are written from its changes, whatever code path makes them, by a
 * trigger:
 * - another queue, or a queue time set on a call that was not waiting (entering from the IVR, a
 *   transfer), ends the open visit (`answered` when it was, else `moved`) and starts the next one
 *   (an overflow keeps the call's queue time: the new visit starts at the overflow, as its
 *   segment); a waiting call given another queue time keeps its visit, which follows;
 * - an answer marks the open visit answered by that agent; another agent taking the connected call
 *   over (take-over, completed consult) becomes the visit's agent (whose wrap-up it pairs with);
 * - the end of the call ends the open visit: answered, abandoned, or other (voicemail, a cancelled
 *   callback, …).
 * The hold of a visit is the call's held seconds over the visit, with a hold still running when it
 * ended. Calls already there get one visit each (where they are now).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table call_queue_visits (
        tenant_id uuid not null references tenants(id) on delete cascade,
        call_id uuid not null,
        visit_no integer not null,
        queue_id uuid not null,
        queued_at timestamptz not null,
        answered_at timestamptz,
        agent_id uuid,
        left_at timestamptz,
        outcome text check (outcome in ('answered', 'abandoned', 'moved', 'other')),
        held_before integer not null default 0,
        hold_seconds double precision,
        primary key (tenant_id, call_id, visit_no),
        foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade,
        check ((left_at is null) = (outcome is null))
      );
      create index call_queue_visits_day on call_queue_visits (tenant_id, queued_at);
      ${tenantRlsSql('call_queue_visits')}

      create function call_visit_hold(held integer, hold_started timestamptz, at timestamptz) returns double precision
        language sql immutable as $$ select held + coalesce(greatest(0, extract(epoch from at - hold_started)), 0) $$;

      create function follow_call_queue_visits() returns trigger language plpgsql as $$
      declare
        moved_at timestamptz;
      begin
        if tg_op = 'INSERT' then
          if new.queue_id is not null and new.queued_at is not null then
            insert into call_queue_visits (tenant_id, call_id, visit_no, queue_id, queued_at, answered_at, agent_id, left_at, outcome, hold_seconds)
            values (new.tenant_id, new.id, 1, new.queue_id, new.queued_at, new.answered_at, new.agent_id,
              case when new.status = 'ended' then new.ended_at end,
              case when new.status <> 'ended' then null
                   when new.answered_at is not null then 'answered'
                   when new.end_reason = 'abandoned' then 'abandoned'
                   else 'other' end,
              case when new.status = 'ended' then call_visit_hold(new.held_seconds, new.hold_started_at, new.ended_at) end);
          end if;
          return null;
        end if;

        if new.status <> 'ended' and new.queue_id is not null and new.queued_at is not null
           and (new.queue_id is distinct from old.queue_id or (new.queued_at is distinct from old.queued_at and old.status <> 'queued')) then
          moved_at := case when new.queued_at is distinct from old.queued_at then new.queued_at else now() end;
          update call_queue_visits
             set left_at = moved_at,
                 outcome = case when answered_at is not null then 'answered' else 'moved' end,
                 hold_seconds = call_visit_hold(old.held_seconds, old.hold_started_at, moved_at) - held_before
           where tenant_id = new.tenant_id and call_id = new.id and left_at is null;
          insert into call_queue_visits (tenant_id, call_id, visit_no, queue_id, queued_at, held_before)
          select new.tenant_id, new.id, coalesce(max(visit_no), 0) + 1, new.queue_id, moved_at, new.held_seconds
            from call_queue_visits where tenant_id = new.tenant_id and call_id = new.id;
        elsif new.status = 'queued' and new.queued_at is distinct from old.queued_at then
          -- A waiting call given another place in time stays where it is: its stay follows.
          update call_queue_visits set queued_at = new.queued_at
           where tenant_id = new.tenant_id and call_id = new.id and left_at is null;
        end if;

        if new.answered_at is not null and new.answered_at is distinct from old.answered_at then
          update call_queue_visits set answered_at = new.answered_at, agent_id = new.agent_id
           where tenant_id = new.tenant_id and call_id = new.id and left_at is null and answered_at is null;
        elsif new.agent_id is not null and new.agent_id is distinct from old.agent_id and new.status = 'connected' then
          update call_queue_visits set agent_id = new.agent_id
           where tenant_id = new.tenant_id and call_id = new.id and left_at is null and answered_at is not null;
        end if;

        if new.status = 'ended' and old.status <> 'ended' then
          update call_queue_visits
             set left_at = new.ended_at,
                 outcome = case when answered_at is not null then 'answered' when new.end_reason = 'abandoned' then 'abandoned' else 'other' end,
                 hold_seconds = call_visit_hold(new.held_seconds, new.hold_started_at, new.ended_at) - held_before
           where tenant_id = new.tenant_id and call_id = new.id and left_at is null;
        end if;
        return null;
      end $$;

      create trigger calls_follow_queue_visits after insert or update on calls
        for each row execute function follow_call_queue_visits();

      -- The owner lifts FORCE for these statements: the calls of every organisation get their visit.
      alter table calls no force row level security;
      alter table call_queue_visits no force row level security;
      insert into call_queue_visits (tenant_id, call_id, visit_no, queue_id, queued_at, answered_at, agent_id, left_at, outcome, hold_seconds)
      select tenant_id, id, 1, queue_id, queued_at, answered_at, agent_id,
        case when status = 'ended' then ended_at end,
        case when status <> 'ended' then null when answered_at is not null then 'answered' when end_reason = 'abandoned' then 'abandoned' else 'other' end,
        case when status = 'ended' then call_visit_hold(held_seconds, hold_started_at, ended_at) end
        from calls where queue_id is not null and queued_at is not null;
      alter table calls force row level security;
      alter table call_queue_visits force row level security;
    `)
  }

  async down() {
    this.schema.raw(`
      drop trigger calls_follow_queue_visits on calls;
      drop function follow_call_queue_visits();
      drop function call_visit_hold(integer, timestamptz, timestamptz);
      drop table call_queue_visits;
    `)
  }
}
