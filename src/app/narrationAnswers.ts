/**
 * Answers to a learner's commands, for the screen-reader narration: "email-0 crashed." when a
 * command was applied, the engine's reason when it was refused. Pure: the feed finds the new
 * interventions and the events their applying emitted, and asks here for the words.
 */
import type { Command, SimEvent, TimedCommand } from '../engine';

/** The entity a command is about (the name its refusal would mention). */
function subjectOf(command: Command): string {
  switch (command.type) {
    case 'crash':
    case 'hang':
    case 'resume':
    case 'stop':
    case 'start':
    case 'slow':
      return command.target;
    case 'scale':
    case 'setIdempotent':
    case 'query':
      return command.service;
    case 'addService':
      return command.service.id;
    case 'resetOffsets':
      return command.group;
    case 'pauseProducer':
    case 'resumeProducer':
    case 'setRate':
    case 'burst':
    case 'produce':
      return command.producer;
    case 'addPartitions':
      return command.topic;
    case 'crashBroker':
    case 'startBroker':
    case 'delayNetwork':
    case 'restoreNetwork':
      return `broker ${command.broker}`;
  }
}

function resetTargetText(to: Extract<Command, { type: 'resetOffsets' }>['to']): string {
  if (typeof to === 'string') return to;
  if ('offset' in to) return `offset ${to.offset}`;
  if ('timestampMs' in to) return `the time ${to.timestampMs} ms`;
  return `${to.shiftBy >= 0 ? '+' : ''}${to.shiftBy} records`;
}

/** What an applied command did, as a short sentence. */
function appliedText(command: Command): string {
  switch (command.type) {
    case 'crash':
      return `${command.target} crashed.`;
    case 'hang':
      return command.mode === 'handler'
        ? `${command.target}'s handler hangs.`
        : `${command.target} hangs.`;
    case 'resume':
      return `${command.target} resumed.`;
    case 'stop':
      return `${command.target} stopped.`;
    case 'start':
      return `${command.target} started.`;
    case 'slow':
      return command.factor === 1
        ? `${command.target} runs at normal speed.`
        : `${command.target} slowed ×${command.factor}.`;
    case 'scale':
      return `${command.service} scaled to ${command.instances} instance${command.instances === 1 ? '' : 's'}.`;
    case 'addService':
      return `${command.service.id} added, reading ${command.service.subscribe.join(', ') || 'no topic'}.`;
    case 'setIdempotent':
      return `${command.service} is ${command.idempotent ? 'now idempotent' : 'no longer idempotent'}.`;
    case 'resetOffsets':
      return `${command.group}'s offsets reset to ${resetTargetText(command.to)}${command.rebuild ? ', read model cleared' : ''}.`;
    case 'pauseProducer':
      return `${command.producer} paused.`;
    case 'resumeProducer':
      return `${command.producer} resumed.`;
    case 'setRate':
      return `${command.producer} now sends ${command.ratePerSec} records/s.`;
    case 'burst':
      return `${command.producer} sent a burst of ${command.count} records.`;
    case 'produce': {
      const count = command.count ?? 1;
      return `${command.producer} sent ${count} record${count === 1 ? '' : 's'}.`;
    }
    case 'addPartitions':
      return `${command.topic} now has ${command.partitions} partitions.`;
    case 'query':
      return `Asked ${command.service} for ${command.entity}.`;
    case 'crashBroker':
      return `Broker ${command.broker} crashed.`;
    case 'startBroker':
      return `Broker ${command.broker} started.`;
    case 'delayNetwork':
      return `Broker ${command.broker}'s network is ${command.extraMs} ms slower.`;
    case 'restoreNetwork':
      return `Broker ${command.broker}'s network is back to normal.`;
  }
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The answer to commands applied together at `atMs`, from the events applying them emitted
 * (those after the last publish): each refusal emits one `command.refused` event, in order.
 * When only some of several were refused, a refusal goes to the command whose subject it
 * names; a query is answered with the read model's reply.
 */
export function answerText(
  commands: readonly Command[],
  events: readonly SimEvent[],
  atMs: number,
): string {
  const now = events.filter((e) => e.atMs === atMs);
  const refusals = now
    .filter((e) => e.code === 'command.refused')
    .map((e) => String(e.fields?.['error'] ?? e.text));
  const replies = now.filter((e) => e.code === 'query').map((e) => e.text);
  const refusedAt = new Map<number, string>();
  if (refusals.length >= commands.length)
    commands.forEach((_, i) => refusedAt.set(i, refusals[i]!));
  else {
    const left = [...refusals];
    commands.forEach((command, i) => {
      const found = left.findIndex((error) => error.includes(subjectOf(command)));
      if (found >= 0) refusedAt.set(i, left.splice(found, 1)[0]!);
    });
  }
  return commands
    .map((command, i) => {
      const refused = refusedAt.get(i);
      if (refused !== undefined) return `Refused: ${sentence(refused)}`;
      if (command.type === 'query') return replies.shift() ?? appliedText(command);
      return appliedText(command);
    })
    .join(' ');
}

/**
 * Interventions just applied at the playhead: the unseen ones at the end of the list (applying
 * appends at the playhead and drops what lay later). Interventions seen before (an undo, a
 * lesson step restored, a run re-opened) are not new actions.
 */
export function newInterventions(
  interventions: readonly TimedCommand[],
  seen: WeakSet<TimedCommand>,
  nowMs: number,
): TimedCommand[] {
  const out: TimedCommand[] = [];
  for (let i = interventions.length - 1; i >= 0; i--) {
    const intervention = interventions[i]!;
    if (seen.has(intervention) || intervention.atMs !== nowMs) break;
    out.unshift(intervention);
  }
  for (const intervention of interventions) seen.add(intervention);
  return out;
}

/** Instances and services an intervention acts on directly: their events at that instant are its answer. */
export function directSubjects(commands: readonly Command[]): Set<string> {
  return new Set(commands.map(subjectOf));
}
