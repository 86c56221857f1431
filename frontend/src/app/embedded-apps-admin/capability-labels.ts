import { Capability, CAPABILITIES } from '../../agent-sdk/protocol';

/** i18n key stem of each SDK capability (`embeddedAppsAdmin.capabilityHelp.<stem>`). */
const STEMS: Readonly<Record<Capability, string>> = {
  'agent.read': 'agentRead',
  'agent.state': 'agentState',
  'calls.read': 'callsRead',
  'calls.control': 'callsControl',
  'calls.dial': 'callsDial',
  'calls.transfer': 'callsTransfer',
  'calls.disposition': 'callsDisposition',
  'recording.control': 'recordingControl',
  'queues.read': 'queuesRead',
  'api.rest': 'apiRest',
};

/** One capability as the form offers it: its wire name and the key of its one-line explanation. */
export interface CapabilityOption {
  readonly value: Capability;
  readonly helpKey: string;
}

/** Every capability, in the SDK's order. */
export const CAPABILITY_OPTIONS: readonly CapabilityOption[] = CAPABILITIES.map((value) => ({
  value,
  helpKey: `embeddedAppsAdmin.capabilityHelp.${STEMS[value]}`,
}));

/** The placeholders a URL template may contain. */
export const URL_PLACEHOLDERS = '{ani} {dnis} {callId} {customerId} {queueId} {agentId} {tenant}';
