/**
 * Reads a scenario file, format version 1 (DESIGN.md contract 2; STYLE.md rule 15): untrusted
 * JSON from a file, a share link or a test becomes a fresh, validated `Scenario` plus warnings
 * for the unknown fields it dropped, or a list of errors naming each field path, the value and
 * the rule. It never throws and never clamps: an out-of-range value is refused.
 *
 * Order of checks: the JSON text (size, syntax), forbidden keys, format and version (a file from
 * another version is not worth field-by-field errors), every field's shape and range (the zod
 * schemas and `parseCommand`), then the rules between fields (`checkReferences`).
 */
import type { ProducerSpec, Scenario, ServiceSpec, TimedCommand } from '../engine';
import * as limits from './limits';
import {
  findForbiddenKeys,
  isRecord,
  issuesToErrors,
  pathTo,
  splitInstanceName,
  unknownFieldWarnings,
  unreadable,
  validateCommand,
} from './parseCommand';
import type { ScenarioError } from './parseCommand';
import { mustBe, scenarioSchema } from './scenarioSchema';

export type { ScenarioError } from './parseCommand';

export type ParseResult =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: ScenarioError[] };

/** One line per error: `path: message`. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors
    .map(({ path, message }) => (path === '' ? message : `${path}: ${message}`))
    .join('\n');
}

export function parseScenario(input: unknown): ParseResult {
  try {
    return parseUnscreened(input);
  } catch (error) {
    return refuse([unreadable('the scenario', error)]);
  }
}

/** Parses JSON text of at most 64 KB, then validates it with {@link parseScenario}. */
export function parseScenarioJson(text: string): ParseResult {
  try {
    if (typeof text !== 'string')
      return refuse([{ path: '', message: mustBe('the scenario text', text, 'a string') }]);
    const limit = limits.MAX_SCENARIO_JSON_CHARS;
    if (text.length > limit) {
      return refuse([
        {
          path: '',
          message: `the scenario text is ${text.length} characters; the limit is ${limit} (64 KB)`,
        },
      ]);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return refuse([{ path: '', message: describeJsonError(text, error) }]);
    }
    return parseScenario(value);
  } catch (error) {
    return refuse([unreadable('the scenario text', error)]);
  }
}

function parseUnscreened(input: unknown): ParseResult {
  if (!isRecord(input))
    return refuse([{ path: '', message: mustBe('the scenario', input, 'a JSON object') }]);
  const forbidden = findForbiddenKeys(input, '');
  if (forbidden.length > 0) return refuse(forbidden);
  const header = checkHeader(input);
  if (header.length > 0) return refuse(header);

  const parsed = scenarioSchema.safeParse(input);
  const errors = parsed.success ? [] : issuesToErrors(parsed.error.issues, '');
  const actions = parseActions(input.actions);
  errors.push(...actions.errors);
  if (!parsed.success || errors.length > 0) return refuse(errors);

  const { actions: _unchecked, ...fields } = parsed.data;
  const scenario: Scenario =
    actions.commands === undefined ? fields : { ...fields, actions: actions.commands };
  const referenceErrors = checkReferences(scenario);
  if (referenceErrors.length > 0) return refuse(referenceErrors);
  const warnings = [...unknownFieldWarnings(input, parsed.data, ''), ...actions.warnings];
  return { ok: true, scenario, warnings };
}

function checkHeader(input: Record<string, unknown>): ScenarioError[] {
  const errors: ScenarioError[] = [];
  if (input.format !== limits.SCENARIO_FORMAT) {
    errors.push({
      path: 'format',
      message: mustBe('format', input.format, `"${limits.SCENARIO_FORMAT}"`),
    });
  }
  const version = input.version;
  if (version !== limits.SCENARIO_VERSION) {
    const message = Number.isSafeInteger(version)
      ? `unsupported scenario version ${String(version)}; this LogScope reads version ${limits.SCENARIO_VERSION}`
      : mustBe('version', version, String(limits.SCENARIO_VERSION));
    errors.push({ path: 'version', message });
  }
  return errors;
}

function parseActions(raw: unknown): {
  commands?: TimedCommand[];
  errors: ScenarioError[];
  warnings: string[];
} {
  // A missing, non-list or too long `actions` is reported by the scenario schema.
  if (!Array.isArray(raw) || raw.length > limits.MAX_ACTIONS) return { errors: [], warnings: [] };
  const commands: TimedCommand[] = [];
  const errors: ScenarioError[] = [];
  const warnings: string[] = [];
  raw.forEach((action: unknown, index) => {
    const result = validateCommand(action, true, pathTo('actions', [index]));
    if (!result.ok) errors.push(...result.errors);
    else if (result.command.atMs !== undefined) {
      commands.push({ ...result.command, atMs: result.command.atMs });
      warnings.push(...result.warnings);
    }
  });
  return { commands, errors, warnings };
}

function refuse(errors: ScenarioError[]): { ok: false; errors: ScenarioError[] } {
  const max = limits.MAX_REPORTED_ERRORS;
  if (errors.length <= max) return { ok: false, errors };
  const rest = { path: '', message: `${errors.length - max} more errors are not listed` };
  return { ok: false, errors: [...errors.slice(0, max), rest] };
}

// ---- JSON syntax errors ----------------------------------------------------------------------

/** `not valid JSON: <reason> at position N`, whatever wording the JavaScript engine uses. */
function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : 'syntax error';
  const reason = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '');
  return `not valid JSON: ${reason} at position ${reportedPosition(text, raw) ?? firstBadPosition(text)}`;
}

function reportedPosition(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position !== null) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn === null) return undefined;
  const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1);
  return lines.reduce((offset, line) => offset + line.length + 1, 0) + Number(lineColumn[2]) - 1;
}

/** Where parsing breaks: the shortest prefix that fails for a reason other than ending early. */
function firstBadPosition(text: string): number {
  if (!failsBeforeEnd(text)) return text.length;
  let fine = 0;
  let failing = text.length;
  while (failing - fine > 1) {
    const middle = Math.floor((fine + failing) / 2);
    if (failsBeforeEnd(text.slice(0, middle))) failing = middle;
    else fine = middle;
  }
  return failing - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of (?:JSON )?(?:input|data)|EOF/i.test(message)) return false;
    const position = /at position (\d+)/.exec(message);
    return position === null || Number(position[1]) < prefix.length;
  }
}

// ---- Rules between fields --------------------------------------------------------------------

interface Registry {
  /** Topic name → partition count, as of the action being checked. */
  topics: Map<string, number>;
  /** Service id → the path that defined it. */
  services: Map<string, string>;
  /** Consumer group id → the service id that owns it. */
  groups: Map<string, string>;
  producers: Map<string, ProducerSpec>;
  /** Services that receive commands from a producer; only they may subscribe to nothing. */
  commandOwners: Set<string>;
}

function checkReferences(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const registry: Registry = {
    topics: new Map(),
    services: new Map(),
    groups: new Map(),
    producers: new Map(),
    commandOwners: new Set(scenario.producers.flatMap((producer) => producer.to ?? [])),
  };
  scenario.topics.forEach((topic, index) => {
    const first = scenario.topics.findIndex((other) => other.name === topic.name);
    if (first < index) {
      errors.push({
        path: `topics[${index}].name`,
        message: `topic name "${topic.name}" is already used by topics[${first}]; topic names must be unique`,
      });
    } else registry.topics.set(topic.name, topic.partitions);
  });
  scenario.services.forEach((service, index) =>
    checkService(service, `services[${index}]`, registry, errors),
  );
  scenario.producers.forEach((producer, index) =>
    checkProducer(producer, `producers[${index}]`, registry, errors),
  );
  checkActions(scenario.actions ?? [], registry, errors);
  return errors;
}

function checkService(
  service: ServiceSpec,
  path: string,
  registry: Registry,
  errors: ScenarioError[],
) {
  const { id } = service;
  const definedAt = registry.services.get(id);
  if (definedAt !== undefined) {
    errors.push({
      path: `${path}.id`,
      message: `service id "${id}" is already used by ${definedAt}; service ids must be unique`,
    });
  } else {
    for (const other of registry.services.keys()) {
      const [instance, owner] = isInstanceName(id, other) ? [id, other] : [other, id];
      if (isInstanceName(instance, owner)) {
        errors.push({
          path: `${path}.id`,
          message: `service ids "${id}" and "${other}" collide: "${instance}" is also the name of instance ${instance.slice(owner.length + 1)} of service "${owner}" (instances are named <service id>-<index>)`,
        });
      }
    }
    registry.services.set(id, path);
    const groupId = service.config?.['group.id'] ?? id;
    const groupOwner = registry.groups.get(groupId);
    if (groupOwner === undefined) registry.groups.set(groupId, id);
    else {
      const explicit = service.config?.['group.id'] !== undefined;
      errors.push({
        path: explicit ? pathTo(path, ['config', 'group.id']) : `${path}.id`,
        message: `group id "${groupId}" is already the consumer group of service "${groupOwner}"; two services may not share a group.id`,
      });
    }
  }
  if (service.subscribe.length === 0 && !registry.commandOwners.has(id)) {
    errors.push({
      path: `${path}.subscribe`,
      message: `subscribe is an empty list; service "${id}" must subscribe to at least one topic unless a producer sends it commands ("to": "${id}")`,
    });
  }
  service.subscribe.forEach((topic, index) => {
    const at = pathTo(path, ['subscribe', index]);
    if (!registry.topics.has(topic))
      errors.push({ path: at, message: unknownTopic(topic, registry) });
    else if (service.subscribe.indexOf(topic) < index) {
      errors.push({
        path: at,
        message: `topic "${topic}" is listed twice in subscribe; list each topic once`,
      });
    }
  });
  if (service.emitTo !== undefined && !registry.topics.has(service.emitTo)) {
    errors.push({ path: `${path}.emitTo`, message: unknownTopic(service.emitTo, registry) });
  }
}

/** Whether `name` is `<serviceId>-<digits>`, the form of that service's instance names. */
function isInstanceName(name: string, serviceId: string): boolean {
  return name.startsWith(`${serviceId}-`) && /^[0-9]+$/.test(name.slice(serviceId.length + 1));
}

function checkProducer(
  producer: ProducerSpec,
  path: string,
  registry: Registry,
  errors: ScenarioError[],
) {
  const { id } = producer;
  if (registry.producers.has(id)) {
    const first = [...registry.producers.keys()].indexOf(id);
    errors.push({
      path: `${path}.id`,
      message: `producer id "${id}" is already used by producers[${first}]; producer ids must be unique`,
    });
  } else registry.producers.set(id, producer);
  const events = producer.topic !== undefined || producer.event !== undefined;
  const commands = producer.command !== undefined || producer.to !== undefined;
  const rule =
    'a producer either appends events (topic and event) or sends commands (command and to)';
  if (events === commands) {
    const has = events ? 'both topic/event and command/to' : 'neither topic/event nor command/to';
    errors.push({ path, message: `producer "${id}" has ${has}; ${rule}` });
  } else if (events) {
    if (producer.topic === undefined)
      errors.push({ path: `${path}.topic`, message: `topic is missing; ${rule}` });
    else if (!registry.topics.has(producer.topic)) {
      errors.push({ path: `${path}.topic`, message: unknownTopic(producer.topic, registry) });
    }
    if (producer.event === undefined)
      errors.push({ path: `${path}.event`, message: `event is missing; ${rule}` });
  } else {
    if (producer.command === undefined)
      errors.push({ path: `${path}.command`, message: `command is missing; ${rule}` });
    if (producer.to === undefined)
      errors.push({ path: `${path}.to`, message: `to is missing; ${rule}` });
    else if (!registry.services.has(producer.to)) {
      errors.push({
        path: `${path}.to`,
        message: unknownName('service', producer.to, registry.services),
      });
    }
  }
}

/** Actions in time order (ties in file order): an `addService` makes its service known later on. */
function checkActions(
  actions: readonly TimedCommand[],
  registry: Registry,
  errors: ScenarioError[],
) {
  const order = actions.map((_, index) => index);
  order.sort((a, b) => (actions[a]?.atMs ?? 0) - (actions[b]?.atMs ?? 0) || a - b);
  for (const index of order) {
    const action = actions[index];
    if (action === undefined) continue;
    const path = `actions[${index}]`;
    const when = ` at ${action.atMs} ms`;
    const refer = (
      field: string,
      kind: string,
      name: string,
      known: ReadonlyMap<string, unknown>,
    ) => {
      if (!known.has(name))
        errors.push({ path: `${path}.${field}`, message: unknownName(kind, name, known, when) });
    };
    switch (action.type) {
      case 'crash':
      case 'hang':
      case 'resume':
      case 'stop':
      case 'start':
      case 'slow': {
        const serviceId = splitInstanceName(action.target)?.serviceId ?? action.target;
        if (!registry.services.has(serviceId)) {
          errors.push({
            path: `${path}.target`,
            message: `target "${action.target}" names an instance of service "${serviceId}", which does not exist${when} (instances are named <service id>-<index>)`,
          });
        }
        break;
      }
      case 'scale':
      case 'setIdempotent':
        refer('service', 'service', action.service, registry.services);
        break;
      case 'addService':
        checkService(action.service, `${path}.service`, registry, errors);
        break;
      case 'resetOffsets':
        refer('group', 'consumer group', action.group, registry.groups);
        break;
      case 'pauseProducer':
      case 'resumeProducer':
      case 'setRate':
      case 'burst':
        refer('producer', 'producer', action.producer, registry.producers);
        break;
      case 'produce': {
        refer('producer', 'producer', action.producer, registry.producers);
        const topic = registry.producers.get(action.producer)?.topic;
        const partitions = topic === undefined ? undefined : registry.topics.get(topic);
        if (
          action.partition !== undefined &&
          partitions !== undefined &&
          action.partition >= partitions
        ) {
          errors.push({
            path: `${path}.partition`,
            message: `partition is ${action.partition}; topic "${topic}" has ${partitions} partitions (0 to ${partitions - 1})${when}`,
          });
        }
        break;
      }
      case 'addPartitions': {
        const current = registry.topics.get(action.topic);
        if (current === undefined) refer('topic', 'topic', action.topic, registry.topics);
        else if (action.partitions <= current) {
          errors.push({
            path: `${path}.partitions`,
            message: `partitions is ${action.partitions}; it must be more than the ${current} partitions topic "${action.topic}" has${when} (Kafka can only add partitions)`,
          });
        } else registry.topics.set(action.topic, action.partitions);
        break;
      }
      default:
        action satisfies never;
    }
  }
}

function unknownTopic(name: string, registry: Registry): string {
  return unknownName('topic', name, registry.topics);
}

function unknownName(
  kind: string,
  name: string,
  known: ReadonlyMap<string, unknown>,
  when = '',
): string {
  const names = [...known.keys()].map((each) => `"${each}"`).join(', ');
  return `${kind} "${name}" does not exist${when}; ${names === '' ? `there is no ${kind}` : `known: ${names}`}`;
}
