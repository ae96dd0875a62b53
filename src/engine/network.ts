/**
 * The network between nodes (clients and brokers), from a scenario's `network` object
 * (doc/design.md contract 7): one one-way latency for every message. Fetches, produce requests,
 * replication and calls pay it once each way.
 */
import type { NetworkConfig } from './scenario';

export interface ResolvedNetworkConfig {
  /** One-way latency between any two nodes, in milliseconds of virtual time. */
  latencyMs: number;
}

/**
 * One millisecond each way: a round trip inside one data centre, small enough that every preset
 * teaches what it taught before messages took time (contract 7 allows at most 10 ms).
 */
export const DEFAULT_NETWORK_LATENCY_MS = 1;

export function resolveNetworkConfig(config: NetworkConfig | undefined): ResolvedNetworkConfig {
  return { latencyMs: config?.latencyMs ?? DEFAULT_NETWORK_LATENCY_MS };
}
