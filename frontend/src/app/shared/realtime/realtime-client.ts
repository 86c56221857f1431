import { DOCUMENT, inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { Observable } from 'rxjs';
import { authFeature } from '../../auth/auth.reducer';

/** A message of the realtime gateway for one channel. */
export type RealtimeMessage =
  | { type: 'snapshot'; channel: string; seq: number; data: unknown }
  | {
      type: 'event';
      channel: string;
      seq: number;
      event: { id: string; type: string; occurredAt: string; payload: Record<string, unknown> };
    }
  | { type: 'error'; channel: string | null; code: string; message: string };

/** Reconnect delays (ms) after the socket drops; the last one repeats. */
export const RECONNECT_DELAYS = [500, 1000, 2000, 5000];

/**
 * The browser side of the realtime gateway (`/ws?token=…`). `channel(name)` emits the channel's
 * snapshot, then its events; when the socket drops it reconnects with backoff, subscribes again and
 * emits a fresh snapshot, so a reconnecting agent never misses an offer.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeClient {
  private readonly token = inject(Store).selectSignal(authFeature.selectToken);
  private readonly document = inject(DOCUMENT);

  channel(name: string): Observable<RealtimeMessage> {
    return new Observable<RealtimeMessage>((subscriber) => {
      let socket: WebSocket | null = null;
      let attempt = 0;
      let closed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const open = () => {
        const token = this.token();
        if (!token || closed) return;
        const location = this.document.location;
        socket = new WebSocket(
          `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`,
        );
        socket.onopen = () => socket?.send(JSON.stringify({ type: 'subscribe', channel: name }));
        socket.onmessage = (message) => {
          const parsed = JSON.parse(String(message.data)) as RealtimeMessage | { type: 'welcome' };
          if (parsed.type === 'welcome') return;
          if (parsed.type === 'snapshot') attempt = 0;
          if (parsed.channel === name || parsed.type === 'error') subscriber.next(parsed);
        };
        socket.onclose = () => {
          if (closed) return;
          const delay = RECONNECT_DELAYS[Math.min(attempt, RECONNECT_DELAYS.length - 1)];
          attempt++;
          timer = setTimeout(open, delay);
        };
      };
      open();
      return () => {
        closed = true;
        clearTimeout(timer);
        socket?.close();
      };
    });
  }
}
