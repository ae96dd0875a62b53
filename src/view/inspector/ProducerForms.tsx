/** A producer's rate, and producing one chosen record (key, partition, or a tombstone). */
import { useState } from 'react';
import type { ProducerView } from '../../engine';
import { useLab } from '../labContext';

export function RateForm({ producer }: { producer: ProducerView }) {
  const { requestCommand } = useLab();
  const [rate, setRate] = useState(String(producer.ratePerSec));
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        requestCommand({ type: 'setRate', producer: producer.id, ratePerSec: Number(rate) });
      }}
    >
      <label>
        Rate <input type="number" min={0} max={10000} step="any" value={rate} onChange={(e) => setRate(e.target.value)} className="narrow" /> records/s
      </label>
      <button type="submit">Set rate</button>
    </form>
  );
}

export function ProduceForm({ producer, partitions }: { producer: ProducerView; partitions: number }) {
  const { requestCommand } = useLab();
  const [key, setKey] = useState('');
  const [partition, setPartition] = useState('auto');
  const [tombstone, setTombstone] = useState(false);
  return (
    <form
      className="inline-form produce-form"
      onSubmit={(e) => {
        e.preventDefault();
        requestCommand({
          type: 'produce',
          producer: producer.id,
          ...(key !== '' ? { key } : {}),
          ...(partition !== 'auto' ? { partition: Number(partition) } : {}),
          ...(tombstone ? { value: null } : {}),
        });
      }}
    >
      <fieldset>
        <legend>Produce one record</legend>
        <label>
          Key <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="next key" className="medium" />
        </label>
        {partitions > 0 && (
          <label>
            Partition
            <select value={partition} onChange={(e) => setPartition(e.target.value)}>
              <option value="auto">by key</option>
              {Array.from({ length: partitions }, (_, p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input type="checkbox" checked={tombstone} onChange={(e) => setTombstone(e.target.checked)} /> tombstone (null value)
        </label>
        <button type="submit">Produce</button>
      </fieldset>
    </form>
  );
}
