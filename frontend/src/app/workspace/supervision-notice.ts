import { CallSnapshot, CallSupervisor, SupervisionMode } from '../shared/api/acd-models';

/** What the agent is told about supervisors on their call. */
export interface SupervisionNotice {
  /** The most present mode among them: barge, then whisper, then monitor. */
  readonly mode: SupervisionMode;
  /** The supervisors, the most present first. */
  readonly supervisors: readonly CallSupervisor[];
}

const PRESENCE: Readonly<Record<SupervisionMode, number>> = { monitor: 0, whisper: 1, barge: 2 };

/** The notice for the supervisors the server lists on the agent's call, or null when there are none. */
export function supervisionNotice(call: CallSnapshot | null | undefined): SupervisionNotice | null {
  const list = call?.supervisors ?? [];
  if (!list.length) return null;
  const supervisors = [...list].sort((a, b) => PRESENCE[b.mode] - PRESENCE[a.mode]);
  return { mode: supervisors[0]!.mode, supervisors };
}
