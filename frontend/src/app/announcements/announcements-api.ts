import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { API_BASE, ApiData, Paged } from '../shared/api/api-types';
import { toParams } from '../shared/api/query-params';

/** How much an announcement asks for attention. */
export type AnnouncementPriority = 'normal' | 'urgent';

/** Who an announcement is for. */
export type AnnouncementAudience = 'organisation' | 'teams';

/** An announcement as its authors see it, with its reach. */
export interface Announcement {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly priority: AnnouncementPriority;
  readonly audience: AnnouncementAudience;
  readonly teams: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly expiresAt: string | null;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
  readonly createdAt: string;
  readonly recipientCount: number;
  readonly ackCount: number;
}

/** Body of POST /announcements. */
export interface AnnouncementInput {
  readonly title: string;
  readonly body: string;
  readonly priority: AnnouncementPriority;
  readonly audience: AnnouncementAudience;
  readonly teamIds?: string[];
  readonly expiresAt?: string | null;
}

/** An announcement addressed to the signed-in user. */
export interface InboxAnnouncement {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly priority: AnnouncementPriority;
  readonly expiresAt: string | null;
  readonly createdByName: string | null;
  readonly createdAt: string;
  readonly acknowledgedAt: string | null;
}

/** One recipient and when they acknowledged (null: not yet). */
export interface Acknowledgement {
  readonly userId: string;
  readonly displayName: string;
  readonly acknowledgedAt: string | null;
}

/** A team the compose form offers. */
export interface TeamOption {
  readonly id: string;
  readonly name: string;
}

/** Calls of /announcements: the supervisors' side and everyone's inbox. */
@Injectable({ providedIn: 'root' })
export class AnnouncementsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/announcements`;

  list(page: number): Observable<Paged<Announcement>> {
    return this.http.get<Paged<Announcement>>(this.base, {
      params: toParams({ page, perPage: 20 }),
    });
  }

  publish(body: AnnouncementInput): Observable<Announcement> {
    return this.http.post<ApiData<Announcement>>(this.base, body).pipe(map((r) => r.data));
  }

  withdraw(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  acknowledgements(id: string): Observable<Acknowledgement[]> {
    return this.http
      .get<ApiData<Acknowledgement[]>>(`${this.base}/${id}/acknowledgements`)
      .pipe(map((r) => r.data));
  }

  inbox(): Observable<InboxAnnouncement[]> {
    return this.http
      .get<ApiData<InboxAnnouncement[]>>(`${this.base}/inbox`)
      .pipe(map((r) => r.data));
  }

  acknowledge(id: string): Observable<InboxAnnouncement> {
    return this.http
      .post<ApiData<InboxAnnouncement>>(`${this.base}/${id}/acknowledge`, {})
      .pipe(map((r) => r.data));
  }

  /** Every team (with teams.view) or the user's own teams, for the audience picker. */
  teams(all: boolean): Observable<TeamOption[]> {
    const url = all ? `${API_BASE}/teams` : `${API_BASE}/auth/me/teams`;
    return this.http
      .get<ApiData<TeamOption[]>>(url)
      .pipe(map((r) => r.data.map(({ id, name }) => ({ id, name }))));
  }
}
