/**
 * Turns lag samples into chart series: per group (summed over partitions) or per partition, in
 * records or in seconds behind. Records count one of two backlogs (see src/view/lanes/partitionLag.ts):
 * Kafka's lag (high watermark − committed, as kafka-consumer-groups shows it) or the records not
 * yet processed (high watermark − the owner's position). Pure, so it is unit-tested; the chart
 * only draws what this returns.
 */
import type { DisagreementSample, GroupLagSample, PartitionLagSample } from '../../engine';

export type LagUnit = 'records' | 'seconds';
/** Which records the records unit counts: from the committed offset, or from the position. */
export type LagMeasure = 'kafkaLag' | 'toProcess';

export const LAG_MEASURES: ReadonlyArray<{ id: LagMeasure; label: string; axis: string }> = [
  { id: 'kafkaLag', label: 'Kafka lag (log end − committed)', axis: 'Kafka lag (records): log end − committed' },
  { id: 'toProcess', label: 'Records not yet processed (log end − position)', axis: 'records not yet processed: log end − position' },
];

export interface SeriesPoint {
  atMs: number;
  /** null where the value is unknown (no commit yet): the line has a gap there. */
  value: number | null;
}

/**
 * One partition's records in `measure`. With nobody consuming (a crash, a rebalance) there is no
 * position, and the next owner starts at the committed offset: what is left to process is
 * Kafka's lag, so the line keeps going through an outage instead of breaking off.
 */
export function partitionRecords(partition: PartitionLagSample, measure: LagMeasure): number | null {
  return measure === 'kafkaLag' ? partition.committedLag : (partition.positionLag ?? partition.committedLag);
}

export function groupSeries(samples: readonly GroupLagSample[], unit: LagUnit, measure: LagMeasure = 'kafkaLag'): SeriesPoint[] {
  return samples.map((sample) => {
    if (unit === 'seconds') return { atMs: sample.atMs, value: sample.staleness.seconds };
    let total: number | null = null;
    for (const partition of Object.values(sample.partitions)) {
      const records = partitionRecords(partition, measure);
      if (records !== null) total = (total ?? 0) + records;
    }
    return { atMs: sample.atMs, value: total };
  });
}

export function partitionSeries(samples: readonly GroupLagSample[], partition: string, unit: LagUnit, measure: LagMeasure = 'kafkaLag'): SeriesPoint[] {
  return samples.map((sample) => {
    const value = sample.partitions[partition];
    if (!value) return { atMs: sample.atMs, value: null };
    return { atMs: sample.atMs, value: unit === 'seconds' ? value.behindMs / 1000 : partitionRecords(value, measure) };
  });
}

/** Contiguous stretches where read models disagreed on at least one entity. */
export function disagreementBands(samples: readonly DisagreementSample[], intervalMs: number): Array<{ fromMs: number; toMs: number; peak: number }> {
  const bands: Array<{ fromMs: number; toMs: number; peak: number }> = [];
  let open: { fromMs: number; toMs: number; peak: number } | null = null;
  for (const sample of samples) {
    if (sample.entities > 0) {
      if (open && sample.atMs - open.toMs <= intervalMs) {
        open.toMs = sample.atMs;
        open.peak = Math.max(open.peak, sample.entities);
      } else {
        open = { fromMs: sample.atMs - intervalMs, toMs: sample.atMs, peak: sample.entities };
        bands.push(open);
      }
    } else {
      open = null;
    }
  }
  return bands;
}

export function maxValue(series: readonly SeriesPoint[][]): number {
  let max = 0;
  for (const line of series) for (const point of line) if (point.value !== null && point.value > max) max = point.value;
  return max;
}

/**
 * The right end of the chart's time axis: at least 30 s, otherwise `nowMs` rounded up to a
 * nice step of at most a tenth of it (1, 2 or 5 × 10^k seconds). The axis rescales a few times
 * as a run grows instead of every frame, and keeps the playhead in the last tenth or so.
 */
export function chartDomainEndMs(nowMs: number): number {
  const minimum = 30_000;
  if (nowMs <= minimum) return minimum;
  const rough = nowMs / 10;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [5, 2, 1].map((m) => m * magnitude).find((s) => s <= rough)!;
  const stepMs = Math.max(1000, Math.round(step / 1000) * 1000);
  return Math.ceil(nowMs / stepMs) * stepMs;
}
