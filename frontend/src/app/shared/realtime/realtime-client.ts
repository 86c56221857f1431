import { DOCUMENT, inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { Observable, Subscriber } from 'rxjs';
import { authFeature } from '../../auth/auth.reducer';

/** A message of the realtime gateway for one channel. */
export type RealtimeMessage =
  | { type: 'snapshot'; channel: string; seq: number; data: unknown }
  | {
      type: 'event';
      channel: string;
      seq: number;
      event: {
        id: string;
        type: string;
        occurredAt: string;
        entity?: { type: string; id: string };
        payload: Record<string, unknown>;
      };
    }
  | { type: 'error'; channel: string | null; code: string; message: string };

/** Reconnect delays (ms) after the socket drops; the last one repeats. */
export const RECONNECT_DELAYS = [500, 1000, 2000, 5000];

/** How long the socket stays open after its last channel was left (a page change re-subscribes). */
export const IDLE_CLOSE_MS = 2000;

/**
 * The browser side of the realtime gateway (`/ws?token=…`): one socket for every channel the page
 * follows. `channel(name)` emits the channel's snapshot, then its events; when the socket drops it
 * reconnects with backoff, subscribes to every channel again and each emits a fresh snapshot, so a
 * reconnecting agent never misses an offer. A second follower of a channel asks the server again,
 * so it starts from a snapshot as well (the first one gets that snapshot too).
 */
@Injectable({ providedIn: 'root' })
export class RealtimeClient {
  private readonly token = inject(Store).selectSignal(authFeature.selectToken);
  private readonly document = inject(DOCUMENT);
  private readonly followers = new Map<string, Set<Subscriber<RealtimeMessage>>>();
  private socket: WebSocket | null = null;
  private socketToken: string | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  channel(name: string): Observable<RealtimeMessage> {
    return new Observable<RealtimeMessage>((subscriber) => {
      let followers = this.followers.get(name);
      if (!followers) this.followers.set(name, (followers = new Set()));
      followers.add(subscriber);
      clearTimeout(this.idleTimer);
      if (!this.open()) this.send({ type: 'subscribe', channel: name });
      return () => {
        followers.delete(subscriber);
        if (followers.size > 0 || this.followers.get(name) !== followers) return;
        this.followers.delete(name);
        this.send({ type: 'unsubscribe', channel: name });
        if (this.followers.size === 0)
          this.idleTimer = setTimeout(() => this.closeIfIdle(), IDLE_CLOSE_MS);
      };
    });
  }

  /**
   * Opens the socket unless one for the current token is already there; true when it opened a
   * new one (which subscribes to every followed channel once connected).
   */
  private open(): boolean {
    const token = this.token();
    if (this.socket && this.socketToken === token) return false;
    this.drop();
    clearTimeout(this.reconnectTimer);
    if (!token) return false;
    const location = this.document.location;
    const socket = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?token=${encodeURIComponent(token)}`,
    );
    this.socket = socket;
    this.socketToken = token;
    socket.onopen = () => {
      for (const channel of this.followers.keys()) this.send({ type: 'subscribe', channel });
    };
    socket.onmessage = (message) => this.dispatch(String(message.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.socketToken = null;
      if (this.followers.size === 0) return;
      const delay = RECONNECT_DELAYS[Math.min(this.attempt, RECONNECT_DELAYS.length - 1)];
      this.attempt++;
      this.reconnectTimer = setTimeout(() => this.open(), delay);
    };
    return true;
  }

  private dispatch(raw: string): void {
    const message = JSON.parse(raw) as RealtimeMessage | { type: 'welcome' };
    if (message.type === 'welcome') return;
    if (message.type === 'snapshot') this.attempt = 0;
    // An error about no channel in particular concerns every follower.
    const targets =
      message.channel === null
        ? [...this.followers.values()].flatMap((set) => [...set])
        : [...(this.followers.get(message.channel) ?? [])];
    for (const subscriber of targets) subscriber.next(message);
  }

  private send(message: { type: 'subscribe' | 'unsubscribe'; channel: string }): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private closeIfIdle(): void {
    if (this.followers.size === 0) this.drop();
  }

  /** Closes the socket without reconnecting. */
  private drop(): void {
    const socket = this.socket;
    this.socket = null;
    this.socketToken = null;
    socket?.close();
  }
}
