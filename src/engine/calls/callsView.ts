/**
 * What the views and the summary read of synchronous calls: per calling client its counters,
 * latency and recent seconds; per called service the busy workers and queue of each instance;
 * per caller → callee pair the requests and answers on the wire now.
 */
import { threadsOf, type Calls, type CalledService } from './calls';
import type { ProducerSpec } from '../scenario';
import type { RequestSummary, RequestWindow } from './requestStats';
import { resolveCalls, type CallMode } from './callSpec';

export interface CallClientView extends RequestSummary {
  producer: string;
  mode: CallMode;
  targets: readonly string[];
  timeoutMs: number;
  retries: number;
  /** Calls the client made again after a failure or a timeout. */
  retried: number;
  /** Orders placed and not yet answered. */
  inFlight: number;
  /** The last seconds, oldest first; seconds in which no order settled are absent. */
  windows: readonly RequestWindow[];
}

export interface CallInstanceView {
  name: string;
  busy: number;
  queued: number;
}

export interface CallServiceView {
  service: string;
  threads: number;
  instances: CallInstanceView[];
}

/** Messages on one caller → callee link now. */
export interface CallLinkView {
  /** A client (producer id) or a service id. */
  from: string;
  to: string;
  /** Requests travelling to the callee. */
  requests: number;
  /** Requests the callee holds (queued, processing or calling onward). */
  held: number;
  /** Answers travelling back: successes and failures. */
  answers: number;
  failures: number;
}

export interface CallsView {
  clients: CallClientView[];
  services: CallServiceView[];
  links: CallLinkView[];
}

interface CallsWorld {
  readonly calls: Calls;
  readonly producers: ReadonlyMap<string, { readonly id: string; readonly spec: ProducerSpec }>;
  readonly services: ReadonlyMap<string, CalledService>;
}

/** `requests.<producer id>` of the summary, for producers with calls; undefined when none has. */
export function requestSummaries(world: CallsWorld): Record<string, RequestSummary> | undefined {
  let out: Record<string, RequestSummary> | undefined;
  for (const producer of world.producers.values()) {
    if (!producer.spec.calls) continue;
    (out ??= {})[producer.id] = world.calls.statsOf(producer.id).toJSON();
  }
  return out;
}

/** The calls part of a snapshot; undefined in a run without calling clients. */
export function callsView(world: CallsWorld): CallsView | undefined {
  const clients: CallClientView[] = [];
  const called = new Set<string>();
  for (const producer of world.producers.values()) {
    if (!producer.spec.calls) continue;
    const calls = resolveCalls(producer.spec.calls);
    for (const target of calls.targets) called.add(target);
    const stats = world.calls.statsOf(producer.id);
    clients.push({
      producer: producer.id,
      mode: calls.mode,
      targets: calls.targets,
      timeoutMs: calls.timeoutMs,
      retries: calls.retries,
      retried: stats.retries,
      inFlight: world.calls.ordersInFlight(producer.id),
      windows: stats.windowsView(),
      ...stats.toJSON(),
    });
  }
  if (clients.length === 0) return undefined;
  const services: CallServiceView[] = [];
  for (const id of called) {
    const service = world.services.get(id);
    if (!service) continue;
    const pool = world.calls.pools.get(id) ?? [];
    services.push({
      service: id,
      threads: threadsOf(service),
      instances: service.instances.map((instance, i) => ({ name: instance.name, busy: pool[i]?.busy ?? 0, queued: pool[i]?.queued ?? 0 })),
    });
  }
  const links = new Map<string, CallLinkView>();
  for (const request of world.calls.requests.values()) {
    const from = request.parent === null ? request.producer : (world.calls.requests.get(request.parent)?.service ?? request.producer);
    const key = `${from}>${request.service}`;
    let link = links.get(key);
    if (!link) links.set(key, (link = { from, to: request.service, requests: 0, held: 0, answers: 0, failures: 0 }));
    if (request.state === 'travelling') link.requests++;
    else if (request.state === 'answered') {
      if (request.answer?.ok) link.answers++;
      else link.failures++;
    } else link.held++;
  }
  return { clients, services, links: [...links.values()] };
}
