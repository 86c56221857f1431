/** Entry of the script-tag build: everything a third-party page needs, exposed as the global `CCAgent`. */
export { AgentClient } from './client';
export { connect, connectToFrame } from './connect';
export { CCAgentError, ERROR_CODES } from './errors';
export { CAPABILITIES, PROTOCOL, SDK_VERSION } from './protocol';
