/**
 * Synchronous calls (doc/design.md contract 7): a producer with `calls` places one order per
 * arrival through a chain of services (`chain`) or to all of them at once (`parallel`), each
 * call waited for at most `timeoutMs`, the order retried by the client up to `retries` times.
 * A called service serves requests with `threads` workers per running instance.
 */

export type CallMode = 'chain' | 'parallel';

export interface CallsSpec {
  /** Services called, in chain order (each a service of the scenario, listed once). */
  targets: string[];
  mode?: CallMode;
  /** How long every caller (the client and each service of a chain) waits for its callee. */
  timeoutMs?: number;
  /** How many times the client tries a failed or timed-out call again. */
  retries?: number;
}

const DEFAULT_CALL_MODE: CallMode = 'chain';
const DEFAULT_CALL_TIMEOUT_MS = 1000;
const DEFAULT_CALL_RETRIES = 0;
/** Workers per instance of a called service (its request-handling thread pool). */
export const DEFAULT_SERVICE_THREADS = 4;

export interface ResolvedCalls {
  targets: readonly string[];
  mode: CallMode;
  timeoutMs: number;
  retries: number;
}

export function resolveCalls(spec: CallsSpec): ResolvedCalls {
  return {
    targets: spec.targets,
    mode: spec.mode ?? DEFAULT_CALL_MODE,
    timeoutMs: spec.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    retries: spec.retries ?? DEFAULT_CALL_RETRIES,
  };
}
