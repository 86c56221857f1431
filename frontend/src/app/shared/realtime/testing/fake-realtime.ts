import { Observable, Subject } from 'rxjs';
import { RealtimeMessage } from '../realtime-client';

/** A RealtimeClient for tests: one subject per channel, and the channels asked for. */
export class FakeRealtime {
  readonly subjects = new Map<string, Subject<RealtimeMessage>>();
  readonly asked: string[] = [];

  channel(name: string): Observable<RealtimeMessage> {
    this.asked.push(name);
    return this.subject(name);
  }

  /** Pushes a snapshot on the channel. */
  snapshot(name: string): void {
    this.subject(name).next({ type: 'snapshot', channel: name, seq: 0, data: {} });
  }

  /** Pushes an event of that type on the channel. */
  event(name: string, type: string, payload: Record<string, unknown> = {}): void {
    this.subject(name).next({
      type: 'event',
      channel: name,
      seq: 1,
      event: { id: `e-${type}`, type, occurredAt: '', payload },
    });
  }

  /** Whether someone listens on the channel now. */
  followed(name: string): boolean {
    return this.subjects.get(name)?.observed ?? false;
  }

  private subject(name: string): Subject<RealtimeMessage> {
    let subject = this.subjects.get(name);
    if (!subject) this.subjects.set(name, (subject = new Subject()));
    return subject;
  }
}
