/**
 * Instance names, `<service id>-<index>` (`email-0`): the form a command's `target` must have.
 */
import { limits } from '../engine';

/** `<service id>-<index>`; the index is written as Kafka's ids are, without leading zeros. */
const INSTANCE_NAME = /^([A-Za-z0-9._-]{1,64})-(0|[1-9][0-9]?)$/;

/** Splits an instance name such as `email-0`; undefined unless it is well formed. */
export function splitInstanceName(name: string): { serviceId: string; index: number } | undefined {
  const match = INSTANCE_NAME.exec(name);
  if (match === null) return undefined;
  const index = Number(match[2]);
  return index < limits.MAX_INSTANCES ? { serviceId: match[1] ?? '', index } : undefined;
}
