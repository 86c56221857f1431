import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { User } from '../shared/api/models';
import { RecordingMode } from '../shared/api/voice-models';
import { toParams } from '../shared/api/query-params';

/** How the ACD picks an agent among the eligible ones. */
export type QueueStrategy = 'longest_idle' | 'most_skilled' | 'round_robin';

/** The strategies in the order the form offers them. */
export const QUEUE_STRATEGIES: readonly QueueStrategy[] = [
  'longest_idle',
  'most_skilled',
  'round_robin',
];

/** A skill agents can have and queues can require. */
export interface Skill {
  readonly id: string;
  readonly name: string;
}

/** A skill a queue requires, with the lowest level that qualifies. */
export interface QueueSkill {
  readonly skillId: string;
  readonly name: string;
  readonly minLevel: number;
}

/** A queue with its routing settings, members, required skills and what waits in it now. */
export interface Queue {
  readonly id: string;
  readonly name: string;
  readonly strategy: QueueStrategy;
  readonly priority: number;
  readonly serviceLevelSeconds: number;
  readonly wrapUpSeconds: number;
  readonly offerTimeoutSeconds: number;
  readonly relaxAfterSeconds: number | null;
  readonly overflowAfterSeconds: number | null;
  readonly overflowQueueId: string | null;
  /** What happens after `overflowAfterSeconds`: another queue, voicemail, or a callback that keeps the caller's place. */
  readonly overflowAction: OverflowAction;
  /** Recording policy of the queue's calls; null follows the tenant's voice settings. */
  readonly recordingMode: RecordingMode | null;
  readonly skills: QueueSkill[];
  readonly memberIds: string[];
  readonly waiting: number;
  readonly oldestQueuedAt: string | null;
}

/** Body of POST /queues and PATCH /queues/:id: the routing settings. */
export interface QueueInput {
  readonly name: string;
  readonly strategy: QueueStrategy;
  readonly priority: number;
  readonly serviceLevelSeconds: number;
  readonly wrapUpSeconds: number;
  readonly offerTimeoutSeconds: number;
  readonly relaxAfterSeconds: number | null;
  readonly overflowAfterSeconds: number | null;
  readonly overflowQueueId: string | null;
  readonly overflowAction: OverflowAction;
  readonly recordingMode: RecordingMode | null;
}

/** Where a caller who waited too long goes. */
export type OverflowAction = 'queue' | 'voicemail' | 'callback';

/** A required skill as PUT /queues/:id/skills takes it. */
export interface QueueSkillInput {
  readonly skillId: string;
  readonly minLevel: number;
}

/** A user the members picker offers. */
export interface QueuePerson {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
}

/** Calls of /queues and /skills, plus the user list the members picker offers. */
@Injectable({ providedIn: 'root' })
export class QueuesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/queues`;

  list(): Observable<Queue[]> {
    return this.http.get<ApiData<Queue[]>>(this.base).pipe(map((r) => r.data));
  }

  create(body: QueueInput): Observable<Queue> {
    return this.http.post<ApiData<Queue>>(this.base, body).pipe(map((r) => r.data));
  }

  update(id: string, body: QueueInput): Observable<Queue> {
    return this.http.patch<ApiData<Queue>>(`${this.base}/${id}`, body).pipe(map((r) => r.data));
  }

  setMembers(id: string, userIds: string[]): Observable<Queue> {
    return this.http
      .put<ApiData<Queue>>(`${this.base}/${id}/members`, { userIds })
      .pipe(map((r) => r.data));
  }

  setSkills(id: string, skills: QueueSkillInput[]): Observable<Queue> {
    return this.http
      .put<ApiData<Queue>>(`${this.base}/${id}/skills`, { skills })
      .pipe(map((r) => r.data));
  }

  skills(): Observable<Skill[]> {
    return this.http.get<ApiData<Skill[]>>(`${API_BASE}/skills`).pipe(map((r) => r.data));
  }

  createSkill(name: string): Observable<Skill> {
    return this.http.post<ApiData<Skill>>(`${API_BASE}/skills`, { name }).pipe(map((r) => r.data));
  }

  /** Active users for the members picker (the API's largest page). */
  people(): Observable<QueuePerson[]> {
    return this.http
      .get<Paged<User>>(`${API_BASE}/users`, {
        params: toParams({ status: 'active', perPage: 200, page: 1 }),
      })
      .pipe(
        map((page) => page.data.map(({ id, displayName, email }) => ({ id, displayName, email }))),
      );
  }
}
