/**
 * How much simulating opening a run at its playhead takes, roughly, so that a link with a far
 * playhead (up to 24 h of virtual time, at up to 10,000 records/s per producer) cannot freeze
 * the tab: the app opens such a run at t = 0 instead and says so.
 *
 * The estimate counts "record deliveries": every record a producer may append before the
 * playhead (at its highest rate, bursts and produced records included) counts once for the
 * append and once per service reading its topic, and the same again for what those services
 * emit to further topics (a few hops). Measured in headless Chromium on a busy 2-core machine,
 * 120,000 units took 3 to 4.5 s to open; the budget below keeps it to a few seconds.
 */
import type { ServiceSpec, TimedCommand } from '../engine';
import type { SharedRun } from './sharedRun';

export const MAX_WORK_TO_OPEN = 80_000;

export function workToReach(run: SharedRun): number {
  const { scenario, playheadMs } = run;
  const commands: readonly TimedCommand[] = [...(scenario.actions ?? []), ...run.interventions].filter(
    (command) => command.atMs <= playheadMs,
  );
  const services = [
    ...scenario.services,
    ...commands.flatMap((command) => (command.type === 'addService' ? [command.service] : [])),
  ];
  let work = 0;
  for (const producer of scenario.producers) {
    const topic = producer.topic ?? scenario.services.find((service) => service.id === producer.to)?.emitTo;
    const perRecord = 1 + (topic === undefined ? 0 : deliveriesPerRecord(topic, services, MAX_HOPS));
    let ratePerSec = producer.ratePerSec;
    let extraRecords = 0;
    for (const command of commands) {
      if (command.type === 'setRate' && command.producer === producer.id) ratePerSec = Math.max(ratePerSec, command.ratePerSec);
      if (command.type === 'burst' && command.producer === producer.id) extraRecords += command.count;
      if (command.type === 'produce' && command.producer === producer.id) extraRecords += command.count ?? 1;
    }
    work += ((ratePerSec * playheadMs) / 1000 + extraRecords) * perRecord;
  }
  return Math.ceil(work);
}

const MAX_HOPS = 4;

/** Deliveries one record appended to `topic` causes: its readers, and what they emit onwards. */
function deliveriesPerRecord(topic: string, services: readonly ServiceSpec[], hops: number): number {
  let deliveries = 0;
  for (const service of services) {
    if (!service.subscribe.includes(topic)) continue;
    deliveries += 1;
    if (service.emitTo !== undefined && hops > 0) deliveries += 1 + deliveriesPerRecord(service.emitTo, services, hops - 1);
  }
  return deliveries;
}
