import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { AgentSelf, AgentStateInput, AgentStatus } from '../shared/api/acd-models';
import { API_BASE, ApiData } from '../shared/api/api-types';

/** A skill of an agent with its proficiency level (1–10). */
export interface AgentSkill {
  readonly skillId: string;
  readonly name: string;
  readonly level: number;
}

/** A team or queue the agent belongs to, for links to its page. */
export interface AgentGroup {
  readonly id: string;
  readonly name: string;
}

/** What a supervisor sees of one agent: skills with levels, teams and queues. */
export interface AgentProfile {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly skills: AgentSkill[];
  readonly teams: AgentGroup[];
  readonly queues: AgentGroup[];
}

/** A skill with its level as PUT /agents/:id/skills takes it. */
export interface AgentSkillInput {
  readonly skillId: string;
  readonly level: number;
}

/** A skill of the organisation's catalogue. */
export interface SkillChoice {
  readonly id: string;
  readonly name: string;
}

/** Supervisors' calls of /agents: live states, forced state changes, lock and unlock, profiles and skills. */
@Injectable({ providedIn: 'root' })
export class AgentsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/agents`;

  list(): Observable<AgentStatus[]> {
    return this.http.get<ApiData<AgentStatus[]>>(this.base).pipe(map((r) => r.data));
  }

  forceState(id: string, body: AgentStateInput): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/${id}/state`, body)
      .pipe(map((r) => r.data));
  }

  setLocked(id: string, locked: boolean): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/${id}/${locked ? 'lock' : 'unlock'}`, {})
      .pipe(map((r) => r.data));
  }

  profile(id: string): Observable<AgentProfile> {
    return this.http
      .get<ApiData<AgentProfile>>(`${this.base}/${id}/profile`)
      .pipe(map((r) => r.data));
  }

  setSkills(id: string, skills: AgentSkillInput[]): Observable<AgentSkillInput[]> {
    return this.http
      .put<ApiData<AgentSkillInput[]>>(`${this.base}/${id}/skills`, { skills })
      .pipe(map((r) => r.data));
  }

  /** The organisation's skills, for the picker. */
  skills(): Observable<SkillChoice[]> {
    return this.http.get<ApiData<SkillChoice[]>>(`${API_BASE}/skills`).pipe(map((r) => r.data));
  }
}
