/**
 * Synchronous calls (doc/design.md contract 7): clients place orders through services that
 * answer requests, each message paying the network's one-way latency.
 *
 * A request travels to its service, which routes it round-robin to an instance that is up
 * (running or hung: a balancer cannot tell a hung process from a busy one). With every service
 * instance down it is refused at once. At the instance it waits in the FIFO queue for one of the
 * `threads` workers, takes `processingMs` × the instance's slow factor, and then, in a chain,
 * the worker calls the next target and stays busy until that call is answered or its own
 * timeout passes. So a slow service deep in the chain holds its callers' workers, their queues
 * grow, and their callers time out: the cascade follows from the model, nothing scripts it.
 *
 * Every caller waits at most `timeoutMs`; a callee whose caller gave up still does (and, in a
 * chain, still calls onward for) the work. The client retries a failed or timed-out call up to
 * `retries` times; an order succeeds only when every call of it succeeded in time. A hung
 * instance never answers (its work is parked until it resumes); a crashed or stopped one answers
 * what it held with an error (the connection resets) and refuses what comes later.
 *
 * State is plain data keyed by numbers, events name requests by id, and the world is passed to
 * each call rather than kept, so a copy of the world (fork, checkpoint) is complete and every run is the same however its time is chunked.
 */
import type { TimerId } from '../eventQueue';
import type { EngineContext } from '../engineContext';
import { recordDurationMs } from '../progress/zeroTimeLoops';
import type { ProducerSpec } from '../scenario';
import { DEFAULT_SERVICE_THREADS, resolveCalls, type ResolvedCalls } from './callSpec';
import { InstanceWorkers, SUCCESS, type CallAnswer } from './instanceWorkers';
import { RequestStats, type OrderOutcome } from './requestStats';

export type CallStep = 'arrive' | 'done' | 'reply' | 'timeout';

type InstanceStatus = 'running' | 'hung' | 'crashed' | 'stopped';

/** What calls need of a called service (Service provides it). */
export interface CalledService {
  readonly id: string;
  readonly processingMs: number;
  readonly spec: { readonly threads?: number };
  readonly instances: readonly { readonly name: string; readonly status: InstanceStatus; readonly slowFactor: number }[];
}

/** What calls need of the world around them. */
export interface CallsHost extends EngineContext {
  readonly services: ReadonlyMap<string, CalledService>;
  readonly producers: ReadonlyMap<string, { readonly spec: ProducerSpec }>;
  readonly network: { readonly latencyMs: number };
}

type RequestState = 'travelling' | 'queued' | 'working' | 'calling' | 'answered';

export interface CallRequest {
  readonly id: number;
  readonly order: number;
  readonly producer: string;
  readonly service: string;
  /** Index of `service` in the client's targets. */
  readonly depth: number;
  /** The request whose worker made this call; null when the client made it. */
  readonly parent: number | null;
  readonly attempt: number;
  instance: number;
  incarnation: number;
  state: RequestState;
  /** The caller has its answer or gave up waiting. */
  settled: boolean;
  /** The answer on its way back, once the callee answered. */
  answer: CallAnswer | null;
  timeout: TimerId | null;
}

interface Order {
  readonly id: number;
  readonly producer: string;
  readonly name: string;
  readonly placedMs: number;
  /** Calls still to succeed (1 in a chain; one per target in parallel). */
  remaining: number;
}

const OUTCOME_CODES: Record<OrderOutcome, number> = { succeeded: 1, failed: 2, timedOut: 3 };

export class Calls {
  private nextRequest = 0;
  private nextOrder = 0;
  /** Requests whose caller is still waiting or whose callee still holds them. */
  readonly requests = new Map<number, CallRequest>();
  private readonly orders = new Map<number, Order>();
  readonly stats = new Map<string, RequestStats>();
  /** Per called service, the workers of each instance (by index). */
  readonly pools = new Map<string, InstanceWorkers[]>();
  private readonly cursors = new Map<string, number>();
  private readonly resolved = new Map<string, ResolvedCalls>();

  /** The producer's calls settings, or null for a producer without `calls`. */
  callsOf(world: CallsHost, producer: string): ResolvedCalls | null {
    const cached = this.resolved.get(producer);
    if (cached) return cached;
    const spec = world.producers.get(producer)?.spec.calls;
    if (!spec) return null;
    const calls = resolveCalls(spec);
    this.resolved.set(producer, calls);
    return calls;
  }

  statsOf(producer: string): RequestStats {
    let stats = this.stats.get(producer);
    if (!stats) this.stats.set(producer, (stats = new RequestStats()));
    return stats;
  }

  /** Orders of a client still waiting for an answer. */
  ordersInFlight(producer: string): number {
    let count = 0;
    for (const order of this.orders.values()) if (order.producer === producer) count++;
    return count;
  }

  /** A client places one order: it calls the first target (chain) or every target (parallel). */
  placeOrder(world: CallsHost, producer: string, name: string): void {
    const calls = this.callsOf(world, producer);
    if (!calls) return;
    this.statsOf(producer).attempted++;
    const order: Order = {
      id: this.nextOrder++,
      producer,
      name,
      placedMs: world.now,
      remaining: calls.mode === 'chain' ? 1 : calls.targets.length,
    };
    this.orders.set(order.id, order);
    if (calls.mode === 'chain') this.send(world, order.id, producer, 0, null, 0);
    else calls.targets.forEach((_target, depth) => this.send(world, order.id, producer, depth, null, 0));
  }

  onEvent(world: CallsHost, step: CallStep, id: number): void {
    const request = this.requests.get(id);
    if (!request) return;
    world.hasher.int(id);
    switch (step) {
      case 'arrive':
        return this.arrive(world, request);
      case 'done':
        return this.done(world, request);
      case 'reply':
        return this.reply(world, request);
      case 'timeout':
        return this.giveUp(world, request);
    }
  }

  /** An instance changed status (crash, hang, resume, stop, start, scale). */
  onInstanceChanged(world: CallsHost, serviceId: string, index: number): void {
    const pool = this.pools.get(serviceId);
    const service = world.services.get(serviceId);
    if (!pool || !service) return;
    const instance = service.instances[index];
    const workers = this.workersAt(world, serviceId, index);
    if (!instance || !workers) return;
    if (instance.status === 'crashed' || instance.status === 'stopped') {
      const held = [...this.requests.values()].filter(
        (r) => r.service === serviceId && r.instance === index && r.incarnation === workers.incarnation && (r.state === 'queued' || r.state === 'working' || r.state === 'calling'),
      );
      workers.reset();
      const reason = `${instance.name} ${instance.status} while handling the call`;
      for (const request of held) this.answer(world, request, { ok: false, reason, service: serviceId, timedOut: false });
    } else if (instance.status === 'running') {
      const parked = workers.parked;
      workers.parked = [];
      for (const work of parked) {
        const request = this.requests.get(work.request);
        if (!request || this.isStale(world, request)) continue;
        if (work.step === 'done') this.done(world, request);
        else this.finish(world, request, work.answer);
      }
      this.pump(world, serviceId, index);
    }
  }

  // ---- the life of a request --------------------------------------------------------------

  private send(world: CallsHost, order: number, producer: string, depth: number, parent: number | null, attempt: number): void {
    const calls = this.callsOf(world, producer)!;
    const request: CallRequest = {
      id: this.nextRequest++,
      order,
      producer,
      service: calls.targets[depth]!,
      depth,
      parent,
      attempt,
      instance: -1,
      incarnation: 0,
      state: 'travelling',
      settled: false,
      answer: null,
      timeout: null,
    };
    this.requests.set(request.id, request);
    world.schedule(world.now + world.network.latencyMs, { kind: 'call', step: 'arrive', request: request.id });
    request.timeout = world.schedule(world.now + calls.timeoutMs, { kind: 'call', step: 'timeout', request: request.id });
  }

  private arrive(world: CallsHost, request: CallRequest): void {
    const service = world.services.get(request.service);
    const index = service ? this.route(service) : -1;
    if (!service || index < 0) {
      const reason = `${request.service} refused the call (${service ? downWords(service) : 'no such service'})`;
      return this.answer(world, request, { ok: false, reason, service: request.service, timedOut: false });
    }
    const workers = this.workersAt(world, service.id, index)!;
    request.instance = index;
    request.incarnation = workers.incarnation;
    if (service.instances[index]!.status === 'running' && workers.busy < threadsOf(service)) this.startWork(world, request, service, workers);
    else {
      request.state = 'queued';
      workers.enqueue(request.id);
    }
  }

  private startWork(world: CallsHost, request: CallRequest, service: CalledService, workers: InstanceWorkers): void {
    workers.busy++;
    request.state = 'working';
    const durationMs = recordDurationMs(service.processingMs, service.instances[request.instance]!.slowFactor);
    world.schedule(world.now + durationMs, { kind: 'call', step: 'done', request: request.id });
  }

  /** The worker finished its own work: in a chain it now calls the next target, else it answers. */
  private done(world: CallsHost, request: CallRequest): void {
    if (request.state !== 'working' || this.isStale(world, request)) return;
    const instance = world.services.get(request.service)?.instances[request.instance];
    if (instance?.status === 'hung') {
      this.workersAt(world, request.service, request.instance)!.parked.push({ step: 'done', request: request.id });
      return;
    }
    const calls = this.callsOf(world, request.producer)!;
    if (calls.mode === 'chain' && request.depth + 1 < calls.targets.length) {
      request.state = 'calling';
      this.send(world, request.order, request.producer, request.depth + 1, request.id, 0);
    } else this.finish(world, request, SUCCESS);
  }

  /** The worker answers its caller and takes the next queued request. */
  private finish(world: CallsHost, request: CallRequest, answer: CallAnswer): void {
    const workers = this.workersAt(world, request.service, request.instance)!;
    workers.busy--;
    this.answer(world, request, answer);
    this.pump(world, request.service, request.instance);
  }

  private answer(world: CallsHost, request: CallRequest, answer: CallAnswer): void {
    request.state = 'answered';
    request.answer = answer;
    world.schedule(world.now + world.network.latencyMs, { kind: 'call', step: 'reply', request: request.id });
  }

  /** The answer reached the caller (ignored if the caller already gave up). */
  private reply(world: CallsHost, request: CallRequest): void {
    this.requests.delete(request.id);
    if (request.settled) return;
    request.settled = true;
    if (request.timeout !== null) world.cancel(request.timeout);
    request.timeout = null;
    this.deliver(world, request, request.answer!);
  }

  /** The caller's timeout passed without an answer. */
  private giveUp(world: CallsHost, request: CallRequest): void {
    request.timeout = null;
    if (request.settled) return;
    request.settled = true;
    const calls = this.callsOf(world, request.producer)!;
    const caller = request.parent === null ? request.producer : (this.requests.get(request.parent)?.service ?? request.producer);
    const reason = `${request.service} did not answer ${caller} within ${calls.timeoutMs} ms`;
    this.deliver(world, request, { ok: false, reason, service: request.service, timedOut: true });
  }

  /** The caller acts on the outcome of its call. */
  private deliver(world: CallsHost, request: CallRequest, answer: CallAnswer): void {
    if (request.parent === null) return this.clientGot(world, request, answer);
    const parent = this.requests.get(request.parent);
    if (!parent || parent.state !== 'calling' || this.isStale(world, parent)) return;
    // A timeout deep in the chain reaches the client as an error (an answer, not a silence).
    const passed: CallAnswer = answer.timedOut ? { ...answer, timedOut: false } : answer;
    const instance = world.services.get(parent.service)?.instances[parent.instance];
    if (instance?.status === 'hung') {
      this.workersAt(world, parent.service, parent.instance)!.parked.push({ step: 'answer', request: parent.id, answer: passed });
      return;
    }
    this.finish(world, parent, passed);
  }

  private clientGot(world: CallsHost, request: CallRequest, answer: CallAnswer): void {
    const order = this.orders.get(request.order);
    if (!order) return;
    const calls = this.callsOf(world, order.producer)!;
    if (answer.ok) {
      order.remaining--;
      if (order.remaining === 0) this.settle(world, order, 'succeeded', answer);
    } else if (request.attempt < calls.retries) {
      this.statsOf(order.producer).retries++;
      this.send(world, order.id, order.producer, request.depth, null, request.attempt + 1);
    } else this.settle(world, order, answer.timedOut ? 'timedOut' : 'failed', answer);
  }

  private settle(world: CallsHost, order: Order, outcome: OrderOutcome, answer: CallAnswer): void {
    this.orders.delete(order.id);
    this.statsOf(order.producer).onSettled(outcome, world.now, world.now - order.placedMs);
    world.hasher.int(OUTCOME_CODES[outcome]);
    if (outcome === 'succeeded') return;
    const verb = outcome === 'failed' ? 'failed' : 'timed out';
    world.emit('call', order.producer, `${order.name} ${verb}: ${answer.reason}.`, undefined, {
      code: outcome === 'failed' ? 'order.failed' : 'order.timedOut',
      fields: { producer: order.producer, order: order.name, service: answer.service },
    });
  }

  // ---- instances and workers ----------------------------------------------------------------

  /** Round-robin over the instances that are up; -1 when none is. */
  private route(service: CalledService): number {
    const count = service.instances.length;
    const cursor = this.cursors.get(service.id) ?? 0;
    for (let k = 0; k < count; k++) {
      const index = (cursor + k) % count;
      const status = service.instances[index]!.status;
      if (status === 'running' || status === 'hung') {
        this.cursors.set(service.id, (index + 1) % count);
        return index;
      }
    }
    return -1;
  }

  private workersAt(world: CallsHost, serviceId: string, index: number): InstanceWorkers | undefined {
    const service = world.services.get(serviceId);
    if (!service || index < 0) return undefined;
    let pool = this.pools.get(serviceId);
    if (!pool) this.pools.set(serviceId, (pool = []));
    while (pool.length < service.instances.length) pool.push(new InstanceWorkers());
    return pool[index];
  }

  private isStale(world: CallsHost, request: CallRequest): boolean {
    return this.workersAt(world, request.service, request.instance)?.incarnation !== request.incarnation;
  }

  /** Free workers of a running instance take queued requests, oldest first. */
  private pump(world: CallsHost, serviceId: string, index: number): void {
    const service = world.services.get(serviceId);
    const workers = this.workersAt(world, serviceId, index);
    if (!service || !workers || service.instances[index]?.status !== 'running') return;
    const threads = threadsOf(service);
    while (workers.busy < threads && workers.queued > 0) {
      const request = this.requests.get(workers.dequeue()!);
      if (request && request.state === 'queued' && !this.isStale(world, request)) this.startWork(world, request, service, workers);
    }
  }
}

export function threadsOf(service: CalledService): number {
  return service.spec.threads ?? DEFAULT_SERVICE_THREADS;
}

/** Why no instance took a call: "crashed", "crashed, stopped", "no instances". */
function downWords(service: CalledService): string {
  if (service.instances.length === 0) return 'no instances';
  return [...new Set(service.instances.map((instance) => instance.status))].join(', ');
}
