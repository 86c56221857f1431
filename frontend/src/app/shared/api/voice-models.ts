/** When calls are recorded: never, when the agent starts it, or always from the answer. */
export type RecordingMode = 'never' | 'on_demand' | 'always';

/** The recording modes in the order the forms offer them. */
export const RECORDING_MODES: readonly RecordingMode[] = ['never', 'on_demand', 'always'];
