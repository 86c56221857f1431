import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import { API_BASE } from '../../shared/api/api-types';
import { QualitySample } from './quality-stats';

/** Sends the softphone's call-quality samples: POST /agent/calls/:id/quality. */
@Injectable({ providedIn: 'root' })
export class CallQualityApi {
  private readonly http = inject(HttpClient);

  report(callId: string, sample: QualitySample): Observable<unknown> {
    return this.http.post(`${API_BASE}/agent/calls/${callId}/quality`, sample);
  }
}
