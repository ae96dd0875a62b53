/**
 * Every bound on what a scenario, a command, a link or a file may hold (doc/design.md, contract
 * 2, "Validation"), in one module: validation refuses what passes them (with the field and the
 * limit named, never clamping), the engine refuses commands that pass them, and the app and CLI
 * read the same figures. Exported from the engine's surface as `limits`.
 */

/** Largest scenario JSON text `parseScenarioJson` reads: 64 KB, in UTF-16 characters. */
export const MAX_SCENARIO_JSON_CHARS = 65_536;
/** Deepest object/array nesting read; a real scenario needs about 7 levels. */
export const MAX_NESTING_DEPTH = 32;
/** Most objects and lists read in one input; a 64 KB JSON text holds far fewer. */
export const MAX_INPUT_VALUES = 100_000;
/** At most this many errors are listed; the rest are counted in one closing line. */
export const MAX_REPORTED_ERRORS = 100;
/** Keys refused anywhere in the input: they could reach JavaScript object prototypes. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const SCENARIO_FORMAT = 'logscope-scenario';
export const SCENARIO_VERSION = 1;

// Identifiers: topic names, producer ids, service ids (Kafka's legal topic characters).
export const MAX_ID_CHARS = 64;
export const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
/** group.id, group.instance.id, event and command names. */
export const MAX_NAME_CHARS = 64;
/** Key prefixes of a producer's key generator. */
export const MAX_PREFIX_CHARS = 64;
export const MAX_TITLE_CHARS = 200;
export const MAX_SEED = 2 ** 32 - 1;

// Virtual time.
/** Latest `atMs` of an action or a note: 24 h of virtual time. */
export const MAX_AT_MS = 86_400_000;

// Topics.
export const MAX_TOPICS = 16;
export const MIN_PARTITIONS = 1;
export const MAX_PARTITIONS = 64;
/** Kafka's minimum `segment.bytes`. */
export const MIN_SEGMENT_BYTES = 14;

// Producers.
export const MAX_PRODUCERS = 16;
export const MAX_RATE_PER_SEC = 10_000;
export const MAX_KEY_COUNT = 100_000;
export const MAX_ZIPF_EXPONENT = 10;

// Services.
export const MAX_SERVICES = 16;
export const MAX_INSTANCES = 32;
export const MAX_PROCESSING_MS = 60_000;
/** Broker's `group.min.session.timeout.ms` and `group.max.session.timeout.ms` defaults. */
export const MIN_SESSION_TIMEOUT_MS = 6000;
export const MAX_SESSION_TIMEOUT_MS = 1_800_000;
/** LogScope's own bound on `max.poll.records` (Kafka allows up to Java's int maximum). */
export const MAX_POLL_RECORDS = 10_000;
/** Workers per instance serving synchronous calls (`threads`). */
export const MAX_SERVICE_THREADS = 256;

// Synchronous calls (a producer's `calls`).
/** Services one client calls: each service at most once. */
export const MAX_CALL_TARGETS = 16;
/** `calls.timeoutMs`: at most a minute per call. */
export const MAX_CALL_TIMEOUT_MS = 60_000;
/** `calls.retries`: so one order makes at most 11 attempts per call. */
export const MAX_CALL_RETRIES = 10;
/** At most the four assignors, each named once. */
export const MAX_ASSIGNORS = 4;

// Broker.
export const MAX_RETENTION_CHECK_INTERVAL_MS = 3_600_000;
/** Brokers in a scenario (contract 7): 1 to 9. */
export const MIN_BROKERS = 1;
export const MAX_BROKERS = 9;
/** `replica.lag.time.max.ms` and `broker.session.timeout.ms`: LogScope's bound, an hour. */
export const MAX_BROKER_TIMEOUT_MS = 3_600_000;
export const MAX_INITIAL_REBALANCE_DELAY_MS = 300_000;

// Burrow's settings (LogScope's bounds; Burrow has none).
/** The one-way network latency a scenario may set (contract 7). */
export const MAX_NETWORK_LATENCY_MS = 10_000;
/** `offset-refresh`, in whole seconds: at most an hour. */
export const MAX_BURROW_OFFSET_REFRESH_S = 3600;
/** `intervals`: commits and fetched offsets kept per partition. */
export const MAX_BURROW_INTERVALS = 100;
/** `allowed-lag`, in records. */
export const MAX_BURROW_ALLOWED_LAG = 1_000_000_000;

// Notes and actions.
export const MAX_NOTES = 200;
export const MAX_NOTE_TEXT_CHARS = 500;
export const MAX_ACTIONS = 2000;

// Command fields.
export const MAX_SLOW_FACTOR = 100;
export const MAX_BURST_COUNT = 10_000;
export const MAX_PRODUCE_COUNT = 10_000;
export const MAX_RECORD_KEY_CHARS = 256;
/** A produced value is a flat object of at most this many fields. */
export const MAX_VALUE_FIELDS = 32;
export const MAX_VALUE_FIELD_NAME_CHARS = 64;
export const MAX_VALUE_STRING_CHARS = 1024;

/** Java's `Integer.MAX_VALUE`: the ceiling of Kafka's int-typed configs. */
export const JAVA_INT_MAX = 2_147_483_647;

// Links, files and the kept run: checked before any decompression or parsing.
/** Largest raw fragment, `scenario` parameter or file: 64 KB (characters, or bytes for files). */
export const MAX_INPUT_CHARS = 65_536;
/**
 * Largest decompressed link payload. lz-string can expand its input many times over; a run
 * (a 64 KB scenario plus up to 2,000 interventions) stays well under this.
 */
export const MAX_PAYLOAD_CHARS = 524_288;
export const MAX_SELECTION_CHARS = 200;
export const MAX_VIEW_SETTINGS = 32;
export const MAX_VIEW_KEY_CHARS = 64;
export const MAX_VIEW_STRING_CHARS = 200;
export const VIEW_KEY_PATTERN = /^[A-Za-z0-9._-]+$/;
