/**
 * Zod schema for a producer's Kafka configs (`producers[].config`, doc/design.md contract 7),
 * with the rules Kafka's ProducerConfig enforces itself: an explicitly idempotent producer needs
 * `acks=all`, retries and at most 5 requests in flight (left at its default, idempotence is
 * turned off quietly instead, as in Kafka 3.2+), and `delivery.timeout.ms` must cover
 * `linger.ms` + `request.timeout.ms`. Accepted now so scenarios can say what their producers
 * are; the engine acts on them once brokers exist (issue 17).
 */
import { z } from 'zod/mini';
import { flag, integer, object, oneOf, meta } from './fieldSchemas';
import { limits } from '../engine';
import { mustBe } from './mustBe';

/** Kafka's producer defaults for the configs that take part in the rules below. */
const KAFKA_PRODUCER_DEFAULTS = {
  'linger.ms': 5,
  'request.timeout.ms': 30_000,
  'delivery.timeout.ms': 120_000,
} as const;

const millis = (label: string) => z.optional(integer(label, 0, limits.JAVA_INT_MAX));

export const producerConfigSchema = object('config', {
  acks: meta(z.optional(oneOf('acks', ['all', '-1', '1', '0'])), {
    default: 'all',
    description:
      'How many replicas must have a record before the send counts: 0, the leader (1) or all in sync.',
  }),
  'enable.idempotence': meta(z.optional(flag('enable.idempotence')), {
    default: true,
    description: 'Sequence numbers per partition, so a retried send is written once.',
  }),
  retries: meta(z.optional(integer('retries', 0, limits.JAVA_INT_MAX)), {
    default: limits.JAVA_INT_MAX,
    description: 'How often a failed send is retried (within delivery.timeout.ms).',
  }),
  'retry.backoff.ms': meta(millis('retry.backoff.ms'), {
    default: 100,
    description: 'The wait before a failed send is retried.',
  }),
  'request.timeout.ms': meta(millis('request.timeout.ms'), {
    default: KAFKA_PRODUCER_DEFAULTS['request.timeout.ms'],
    description: 'How long the producer waits for a reply to one request.',
  }),
  'delivery.timeout.ms': meta(millis('delivery.timeout.ms'), {
    default: KAFKA_PRODUCER_DEFAULTS['delivery.timeout.ms'],
    description: 'The longest a send may take, retries included, before it fails.',
  }),
  'max.in.flight.requests.per.connection': meta(
    z.optional(integer('max.in.flight.requests.per.connection', 1, limits.JAVA_INT_MAX)),
    { default: 5, description: 'Requests sent to a broker before earlier ones are answered.' },
  ),
  'linger.ms': meta(millis('linger.ms'), {
    default: KAFKA_PRODUCER_DEFAULTS['linger.ms'],
    description: 'How long a batch waits for more records before it is sent.',
  }),
  'metadata.max.age.ms': meta(millis('metadata.max.age.ms'), {
    default: 300_000,
    description: 'How often the client refreshes metadata, so how late it sees new partitions.',
  }),
}).check(
  z.superRefine((config, context) => {
    if (config['enable.idempotence'] === true) {
      // Kafka's ProducerConfig: "Must set acks to all in order to use the idempotent producer".
      if (config.acks !== undefined && config.acks !== 'all' && config.acks !== '-1') {
        context.addIssue({
          code: 'custom',
          path: ['acks'],
          message: mustBe(
            'acks',
            config.acks,
            '"all" (or "-1") when enable.idempotence is true, as Kafka requires',
          ),
        });
      }
      if (config.retries === 0) {
        context.addIssue({
          code: 'custom',
          path: ['retries'],
          message: mustBe(
            'retries',
            0,
            'above 0 when enable.idempotence is true, as Kafka requires',
          ),
        });
      }
      const inFlight = config['max.in.flight.requests.per.connection'];
      if (inFlight !== undefined && inFlight > 5) {
        context.addIssue({
          code: 'custom',
          path: ['max.in.flight.requests.per.connection'],
          message: mustBe(
            'max.in.flight.requests.per.connection',
            inFlight,
            'at most 5 when enable.idempotence is true, as Kafka requires',
          ),
        });
      }
    }
    // Kafka refuses an explicit delivery timeout shorter than linger plus one request.
    const delivery = config['delivery.timeout.ms'];
    const linger = config['linger.ms'] ?? KAFKA_PRODUCER_DEFAULTS['linger.ms'];
    const request = config['request.timeout.ms'] ?? KAFKA_PRODUCER_DEFAULTS['request.timeout.ms'];
    if (delivery !== undefined && delivery < linger + request) {
      context.addIssue({
        code: 'custom',
        path: ['delivery.timeout.ms'],
        message: mustBe(
          'delivery.timeout.ms',
          delivery,
          `at least linger.ms + request.timeout.ms (${linger} + ${request} = ${linger + request}), as Kafka requires`,
        ),
      });
    }
  }),
);
