/**
 * `project`: the latest value per key, as a table (a view built from a compacted topic, or a
 * CQRS read model). A tombstone (null value) deletes the key. Applying records out of order
 * leaves an older value in place: the model remembers which record each row came from.
 */
import type { Payload } from '../log/record';
import type { Handler } from './handler';

export interface ProjectionModel {
  rows: Record<string, { value: Payload; produceSeq: number }>;
}

export const project: Handler<ProjectionModel> = {
  name: 'project',
  createReadModel: () => ({ rows: {} }),
  apply(model, record) {
    if (record.key === null) return;
    if (record.payload === null) delete model.rows[record.key];
    else model.rows[record.key] = { value: record.payload, produceSeq: record.produceSeq };
  },
  toJSON: (model) => ({ rows: Object.fromEntries(Object.entries(model.rows).map(([key, row]) => [key, { ...row.value }])) }),
};
