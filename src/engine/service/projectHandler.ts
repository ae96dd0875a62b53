/**
 * `project`: the latest value per key, as a table (a view built from a compacted topic, or a
 * CQRS read model). A tombstone (null value) deletes the key. Applying records out of order
 * leaves an older value in place: the model remembers which record each row came from.
 */
import type { Payload } from '../log/record';
import { CowMap } from '../cowMap';
import type { Handler } from './handler';

export interface ProjectionModel {
  /** Rows are frozen and replaced on update, so checkpoint copies share them. */
  rows: CowMap<string, Readonly<{ value: Payload; produceSeq: number }>>;
}

export const project: Handler<ProjectionModel> = {
  name: 'project',
  createReadModel: () => ({ rows: new CowMap() }),
  apply(model, record) {
    if (record.key === null) return;
    if (record.payload === null) model.rows.delete(record.key);
    else model.rows.set(record.key, Object.freeze({ value: record.payload, produceSeq: record.produceSeq }));
  },
  holds: (model, entity) => model.rows.has(entity),
  toJSON: (model) => ({ rows: Object.fromEntries([...model.rows].map(([key, row]) => [key, { ...row.value }])) }),
};
