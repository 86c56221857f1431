/**
 * Agent frame SDK: the protocol between our agent workspace (host) and third-party apps it frames
 * (client), or, in reverse mode, between our call bar framed in a third-party page (host) and that
 * page (client, `connectToFrame()`). Framework-free; the client part is also built as a script
 * file (`npm run build:sdk`).
 */
export { AgentClient } from './client';
export type {
  AgentClientOptions,
  ClientEvents,
  ClientTopic,
  EventListener,
  EventMeta,
} from './client-core';
export { ClientCore } from './client-core';
export { connect, connectToFrame } from './connect';
export type { ConnectOptions, EmbeddedFrame, FrameConnectOptions } from './connect';
export { AgentSdkHost } from './host';
export type {
  AgentSdkHostOptions,
  AppContext,
  FrameLike,
  HostHandlers,
  HostLogEntry,
  MethodHandler,
} from './host';
export { CCAgentError, ERROR_CODES, isErrorCode, toWireError } from './errors';
export type { ErrorCode, ErrorDetails, WireError } from './errors';
export {
  CAPABILITIES,
  EVENT_SCHEMA_VERSION,
  METHODS,
  PROTOCOL,
  SDK_VERSION,
  isExactOrigin,
  topicCapability,
} from './protocol';
export type {
  ByeMessage,
  Capability,
  EventMessage,
  HelloMessage,
  MessageLike,
  MethodMap,
  MethodName,
  MethodParams,
  MethodResult,
  PortLike,
  PortMessage,
  ProtocolVersion,
  RefusedMessage,
  RequestMessage,
  ResponseMessage,
  WelcomeMessage,
  WindowLike,
} from './protocol';
export type * from './types';
