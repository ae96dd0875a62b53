/**
 * The engine's public surface (doc/design.md, contract 1). Everything else in src/engine is internal.
 */
export { createSimulation } from './simulation';
export type { Simulation, SimulationOptions } from './simulation';
export type { GroupHealth, RecordDelivery, SimulationQueries } from './simulationQueries';
export type { FingerprintWork, TopicFingerprint } from './log/topicFingerprint';
export type { FoldComparison } from './service/referenceFold';
export { murmur2, partitionForKey, toPositive, utf8Bytes } from './producer/murmur2';
export { assignPartitions } from './group/assignors';
export type { AssignmentInput, AssignmentMember, Assignment } from './group/assignors';
export { burrowGroupStatus, evaluateLagStatus, explainLagStatus, worstLagStatus } from './lag/evaluateLagStatus';
export type { BurrowGroupStatus, LagStatus, LagWindow, LagWindowEntry } from './lag/evaluateLagStatus';
export type * from './scenario';
export type { Command, CommandType, ResetTarget, ApplyResult } from './commands';
export { COMMAND_TYPES } from './commands';
export type { SummaryOptions } from './summary';
export { SUMMARY_LISTING_CAP } from './boundedListings';
export type { Summary, GroupSummary, MemberSummary, OffsetSummary, StatsSummary, PartitionSummary } from './summary';
export type * from './snapshot';
export type { CallsView, CallClientView, CallServiceView, CallInstanceView, CallLinkView } from './calls/callsView';
export type { RequestSummary, RequestWindow } from './calls/requestStats';
export type { LatencyQuantiles } from './calls/latencyHistogram';
export type { SimEvent, SimEventCode, SimEventFields, SimEventKind } from './simEvents';
export type { CompareOp, Condition, Operand, SummaryOperand } from './conditionTypes';
export { SIM_EVENT_CODES } from './simEvents';
export type { LogRecord, Payload } from './log/record';
export type { TopicPartition, SimTimeMs, Offset } from './types';
export { HANDLER_NAMES, HANDLER_NAMES_THAT_EMIT } from './service/handlers';
export { MAX_STEPS_AT_ONE_INSTANT, NoProgressError } from './progress/noProgress';
export { DEFAULT_PROCESSING_MS, findZeroTimeLoop, recordDurationMs } from './progress/zeroTimeLoops';
export type { LoopCandidate } from './progress/zeroTimeLoops';
export { KAFKA_CONSUMER_DEFAULTS, KAFKA_TOPIC_DEFAULTS } from './config';
export type { GroupLagSample, PartitionLagSample, DisagreementSample } from './lag/lagMonitor';
export { LAG_LIMITS } from './lag/lagMonitor';
export type { LongestWait, ProbeAnswer } from './consistency/consistencyTracker';
export type { Incident } from './service/groupStats';
export * as limits from './limits';
