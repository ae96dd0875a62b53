/**
 * One handler per command type. Each validates against the current state and either changes
 * the world or refuses with a sentence saying why (a refused command changes nothing).
 */
import type { ApplyResult, Command, ResetTarget } from './commands';
import type { ConsumerInstance } from './group/consumerInstance';
import type { PartitionLog } from './log/partitionLog';
import type { Producer } from './producer/producer';
import { findZeroTimeLoop, recordDurationMs, type LoopCandidate } from './progress/zeroTimeLoops';
import { Service } from './service/service';
import { tpKey } from './types';
import type { World } from './world';
import { MAX_BURST_COUNT, MAX_NETWORK_LATENCY_MS, MAX_PRODUCE_COUNT, MAX_RATE_PER_SEC } from './limits';

export function applyCommand(world: World, command: Command): ApplyResult {
  world.hasher.string(command.type);
  switch (command.type) {
    case 'crash':
      return withInstance(world, command.target, (i) => i.crash(world));
    case 'hang':
      return withInstance(world, command.target, (i) => {
        if (i.status !== 'running') return `${i.name} is ${i.status}, not running`;
        i.hang(world, command.mode ?? 'process');
      });
    case 'resume':
      return withInstance(world, command.target, (i) => {
        if (i.status !== 'hung') return `${i.name} is ${i.status}, not hung`;
        i.resume(world);
      });
    case 'stop':
      return withInstance(world, command.target, (i) => i.stop(world));
    case 'start':
      return withInstance(world, command.target, (i) => i.start(world));
    case 'slow':
      if (!(command.factor > 0)) return refuse(world, `slow: factor must be greater than 0 (got ${command.factor})`);
      return withInstance(world, command.target, (i) => {
        const loop = zeroTimeLoopWith(world, { instance: i, factor: command.factor });
        if (loop) return `factor ${command.factor} makes ${i.name}'s records take no time, which closes a loop of services feeding each other at zero time (${loop}): the clock could never move`;
        i.setSlowFactor(world, command.factor);
      });
    case 'scale': {
      const service = world.services.get(command.service);
      if (!service) return refuse(world, `scale: no service "${command.service}"`);
      if (!Number.isInteger(command.instances) || command.instances < 0 || command.instances > 32) {
        return refuse(world, `scale: instances must be an integer from 0 to 32 (got ${command.instances})`);
      }
      world.emit('service', service.id, `${service.id} is scaled to ${command.instances} instance(s).`, service.groupId);
      service.scaleTo(world, command.instances);
      for (const instance of service.instances) world.calls.onInstanceChanged(world, service.id, instance.index);
      return { ok: true };
    }
    case 'addService': {
      const loop = zeroTimeLoopWith(world, { spec: command.service });
      if (loop) return refuse(world, `addService: ${command.service.id} would close a loop of services feeding each other at zero time (${loop}): the clock could never move`);
      return addService(world, command.service);
    }
    case 'setIdempotent': {
      const service = world.services.get(command.service);
      if (!service) return refuse(world, `setIdempotent: no service "${command.service}"`);
      service.idempotent = command.idempotent;
      world.emit('service', service.id, `${service.id}'s handler is now ${command.idempotent ? 'idempotent (dedupes by event id)' : 'not idempotent'}.`, service.groupId);
      return { ok: true };
    }
    case 'resetOffsets':
      return resetOffsets(world, command.group, command.to, command.rebuild ?? false);
    case 'pauseProducer':
      return withProducer(world, command.producer, (p) => {
        p.pause(world);
        world.emit('producer', p.id, `${p.id} pauses.`);
      });
    case 'resumeProducer':
      return withProducer(world, command.producer, (p) => {
        p.resume(world);
        world.emit('producer', p.id, `${p.id} resumes at ${p.ratePerSec} records/s.`);
      });
    case 'setRate':
      if (!(command.ratePerSec >= 0 && command.ratePerSec <= MAX_RATE_PER_SEC)) {
        return refuse(world, `setRate: ratePerSec must be from 0 to ${MAX_RATE_PER_SEC} (got ${command.ratePerSec})`);
      }
      return withProducer(world, command.producer, (p) => {
        p.setRate(world, command.ratePerSec);
        world.emit('producer', p.id, `${p.id} now produces ${command.ratePerSec} records/s.`);
      });
    case 'burst':
      if (!Number.isInteger(command.count) || command.count < 1 || command.count > MAX_BURST_COUNT) {
        return refuse(world, `burst: count must be an integer from 1 to ${MAX_BURST_COUNT} (got ${command.count})`);
      }
      return withProducer(world, command.producer, (p) => {
        world.emit('producer', p.id, `${p.id} sends a burst of ${command.count} records.`);
        for (let n = 0; n < command.count; n++) p.sendOne(world);
      });
    case 'produce': {
      const count = command.count ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > MAX_PRODUCE_COUNT) {
        return refuse(world, `produce: count must be an integer from 1 to ${MAX_PRODUCE_COUNT} (got ${count})`);
      }
      return withProducer(world, command.producer, (p) => {
        const override = { key: command.key, value: command.value, partition: command.partition };
        for (let n = 0; n < count; n++) p.sendOne(world, override);
      });
    }
    case 'query':
      return query(world, command.service, command.entity);
    case 'crashBroker':
    case 'startBroker':
    case 'delayNetwork':
    case 'restoreNetwork': {
      if (!world.cluster) return refuse(world, `${command.type}: this scenario has one broker, which never fails; give it "brokers": 2 or more`);
      if (command.type === 'delayNetwork' && !(Number.isInteger(command.extraMs) && command.extraMs >= 0 && command.extraMs <= MAX_NETWORK_LATENCY_MS)) {
        return refuse(world, `delayNetwork: extraMs must be an integer from 0 to ${MAX_NETWORK_LATENCY_MS} (got ${command.extraMs})`);
      }
      const why = world.cluster.applyBrokerCommand(world, command, (id) => world.produceClient(id));
      return why === null ? { ok: true } : refuse(world, `${command.type}: ${why}`);
    }
    case 'addPartitions': {
      const topic = world.topics.get(command.topic);
      if (!topic) return refuse(world, `addPartitions: no topic "${command.topic}"`);
      if (!Number.isInteger(command.partitions) || command.partitions <= topic.partitionCount || command.partitions > 64) {
        return refuse(
          world,
          `addPartitions: ${command.topic} has ${topic.partitionCount} partitions; the new total must be an integer above that and at most 64 (got ${command.partitions})`,
        );
      }
      const before = topic.partitionCount;
      topic.growTo(command.partitions);
      world.cluster?.topicsChanged(world);
      world.emit(
        'topic',
        topic.name,
        `${topic.name} grows from ${before} to ${command.partitions} partitions: keys now map to different partitions (murmur2 % ${command.partitions}). ` +
          `Producers and consumers see the new partitions at their next metadata refresh (metadata.max.age.ms).`,
      );
      // Clients learn of it from their metadata (doc/kafka.md §1.5): producers write to the new
      // partitions, and the group's leader rejoins to assign them, only after a refresh.
      for (const producer of world.producers.values()) if (producer.spec.topic === topic.name) producer.onTopicGrew(world);
      for (const service of world.services.values()) {
        if (service.spec.subscribe.includes(topic.name)) {
          for (const instance of service.instances) instance.liveness.onTopicGrew(world, instance);
          service.onPartitionsAdded(world.now, topic.name, before, command.partitions);
        }
      }
      return { ok: true };
    }
  }
}

/**
 * A read of a service's read model, the way a user's screen would ask it: the answer is what
 * the model holds now, which may trail the log (eventual consistency).
 */
function query(world: World, serviceId: string, entity: string): ApplyResult {
  const service = world.services.get(serviceId);
  if (!service) return refuse(world, `query: no service "${serviceId}"`);
  const hit = service.holds(entity);
  if (hit === null) return refuse(world, `query: ${service.id}'s handler (${service.handler.name}) keeps no table of entities to ask`);
  const text = hit
    ? `Query: does ${service.id}'s read model hold ${entity}? Yes: it has applied ${entity}.`
    : `Query: does ${service.id}'s read model hold ${entity}? Not found: ${service.id} has not applied ${entity} (not yet, or never).`;
  world.emit('service', service.id, text, service.groupId, { code: 'query', fields: { service: service.id, entity, hit } });
  return { ok: true };
}

function refuse(world: World, error: string): ApplyResult {
  world.emit('error', 'command', `Refused: ${error}.`, undefined, { code: 'command.refused', fields: { error } });
  return { ok: false, error };
}

function findInstance(world: World, name: string): ConsumerInstance | undefined {
  for (const service of world.services.values()) {
    for (const instance of service.instances) if (instance.name === name) return instance;
  }
  return undefined;
}

function withInstance(world: World, name: string, act: (instance: ConsumerInstance) => string | void): ApplyResult {
  const instance = findInstance(world, name);
  if (!instance) return refuse(world, `no instance "${name}"`);
  const problem = act(instance);
  if (!problem) world.calls.onInstanceChanged(world, instance.service.id, instance.index);
  return problem ? refuse(world, problem) : { ok: true };
}

function withProducer(world: World, id: string, act: (producer: Producer) => void): ApplyResult {
  const producer = world.producers.get(id);
  if (!producer) return refuse(world, `no producer "${id}"`);
  act(producer);
  return { ok: true };
}

export function addService(world: World, spec: Service['spec']): ApplyResult {
  if (world.services.has(spec.id)) return refuse(world, `addService: a service "${spec.id}" already exists`);
  for (const topic of spec.subscribe) {
    if (!world.topics.has(topic)) return refuse(world, `addService: ${spec.id} subscribes to unknown topic "${topic}"`);
  }
  if (spec.emitTo !== undefined && !world.topics.has(spec.emitTo)) {
    return refuse(world, `addService: ${spec.id} emits to unknown topic "${spec.emitTo}"`);
  }
  const service = new Service(spec, undefined);
  if (world.groupServices.has(service.groupId)) return refuse(world, `addService: group "${service.groupId}" is already used by another service`);
  world.services.set(service.id, service);
  world.groupServices.set(service.groupId, service.id);
  world.servicesChanged();
  if (world.now > 0) {
    world.emit('service', service.id, `${service.id} subscribes to ${spec.subscribe.join(', ')}: no producer changes; it starts from auto.offset.reset=${service.config.autoOffsetReset}.`, service.groupId);
  }
  service.scaleTo(world, spec.instances ?? 1);
  return { ok: true };
}

function resetOffsets(world: World, groupId: string, to: ResetTarget, rebuild: boolean): ApplyResult {
  const service = [...world.services.values()].find((s) => s.groupId === groupId);
  if (!service) return refuse(world, `resetOffsets: no group "${groupId}"`);
  const group = service.group;
  if (group.metadata.members.size > 0) {
    const members = [...group.metadata.members.values()].map((m) => m.instance.name).join(', ');
    return refuse(
      world,
      `resetOffsets: group ${groupId} is ${group.metadata.state} with ${group.metadata.members.size} member(s) (${members}); ` +
        `as kafka-consumer-groups --reset-offsets, it only resets an Empty group: stop its instances, wait until the ` +
        `coordinator has removed them, reset, then start them`,
    );
  }
  const offsets = new Map<string, number>();
  const logs = new Map<string, PartitionLog>();
  for (const topicName of service.spec.subscribe) {
    const topic = world.topics.get(topicName)!;
    for (const log of topic.partitions) {
      const key = tpKey(topicName, log.partition);
      logs.set(key, log);
      let target: number;
      if (to === 'earliest') target = log.logStartOffset;
      else if (to === 'latest') target = log.highWatermark;
      else if ('offset' in to) target = to.offset;
      else if ('timestampMs' in to) target = log.offsetForTimestamp(to.timestampMs);
      else {
        // A shift is relative to the committed offset; Kafka's tool refuses the whole reset when
        // a partition has none rather than guess a base, so nothing is reset here either.
        const current = group.committed.get(key)?.offset;
        if (current === undefined) {
          return refuse(world, `resetOffsets: cannot shift offset for partition ${key} since there is no current committed offset`);
        }
        target = current + to.shiftBy;
      }
      // Like Kafka's tool, an offset outside the log is moved to the nearest end.
      target = Math.min(Math.max(target, log.logStartOffset), log.highWatermark);
      offsets.set(key, target);
    }
  }
  group.store(world, offsets, group.generation);
  for (const [key, offset] of offsets) {
    service.stats.onOffsetsReset(key);
    service.stats.onPositionMoved(world.now, key, offset, 'reset', logs.get(key)!.compactedAway);
    if (rebuild) service.stats.onRebuild(key, offset);
  }
  if (rebuild) service.clearReadModel(world);
  const description = typeof to === 'string' ? to : JSON.stringify(to);
  world.emit(
    'offsets',
    groupId,
    `Offsets of ${groupId} reset to ${description}: ${[...offsets].map(([k, o]) => `${k} → ${o}`).join(', ')}` +
      (rebuild ? '; its read model is cleared and will be rebuilt from the log.' : '.'),
    groupId,
  );
  return { ok: true };
}

/**
 * The zero-time loop (as "a → b → a") the services would form with one change: a new service,
 * or a new slow factor for one instance; null when there is none.
 */
function zeroTimeLoopWith(world: World, change: { spec: Service['spec'] } | { instance: ConsumerInstance; factor: number }): string | null {
  const candidates: LoopCandidate[] = [...world.services.values()].map((service) => {
    const factors = service.instances.map((i) => ('instance' in change && change.instance === i ? change.factor : i.slowFactor));
    const fastest = factors.length === 0 ? 1 : Math.min(...factors);
    return { ...service.spec, recordMs: recordDurationMs(service.processingMs, fastest) };
  });
  if ('spec' in change) candidates.push({ ...change.spec, recordMs: recordDurationMs(change.spec.processingMs) });
  const loop = findZeroTimeLoop(candidates);
  return loop ? [...loop, loop[0]].join(' → ') : null;
}
