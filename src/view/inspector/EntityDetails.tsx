/** A few facts about the selected entity, in words (the diagram shows the rest). */
import type { SimSnapshot } from '../../engine';
import { findInstance } from '../../app/entityActions';
import { partitioningOf } from '../../app/insights';
import type { SimQueries } from '../../app/simQueries';
import { splitPartitionKey, splitRecordId, type ParsedSelection } from '../../app/selection';
import { formatSimTime } from '../formatTime';
import { readModelLabel, statusText } from '../labels';
import { groupLagRows, instanceLagRows, partitionLagRows } from './lagRows';

export function EntityDetails({ selection, snapshot, queries }: { selection: ParsedSelection; snapshot: SimSnapshot; queries: SimQueries }) {
  const rows = detailRows(selection, snapshot, queries);
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function detailRows(selection: ParsedSelection, snapshot: SimSnapshot, queries: SimQueries): [string, string][] {
  switch (selection.kind) {
    case 'instance': {
      const found = findInstance(snapshot, selection.id);
      if (!found) return [];
      const { instance, group } = found;
      const positions = Object.entries(instance.positions).map(([pk, p]) => `${pk} at ${p}`);
      // The coordinator's view can differ from the instance's own: a crashed process has lost
      // its member id, but the group keeps it (and its partitions) until session.timeout.ms.
      const member = group.members.find((m) => m.instance === instance.name);
      const down = instance.status === 'crashed' || instance.status === 'stopped';
      const memberId = instance.memberId ?? (member ? `${member.memberId} (still in the group until session.timeout.ms)` : '— (not in the group)');
      const held = down && member ? member.assignment : [];
      const owns =
        instance.assignment.length > 0
          ? `${instance.assignment.join(', ')}${member === undefined ? ' (stale: the group gave them away)' : ''}`
          : held.length > 0
            ? `${held.join(', ')} (held: nobody consumes them)`
            : '—';
      return [
        ['status', `${statusText(instance)}${instance.slowFactor !== 1 ? ` · ×${instance.slowFactor} slow` : ''}`],
        ['service', `${group.serviceId} (group ${group.groupId}, ${group.state})`],
        ['member.id', memberId],
        ['owns', owns],
        ['positions', positions.join(', ') || '—'],
        ['last commit', instance.lastCommitMs < 0 ? 'never' : formatSimTime(instance.lastCommitMs)],
        ['last heartbeat', instance.lastHeartbeatMs < 0 ? 'never' : formatSimTime(instance.lastHeartbeatMs)],
        ...instanceLagRows(group, instance.assignment.length > 0 ? instance.assignment : held, snapshot),
      ];
    }
    case 'group': {
      const group = snapshot.groups.find((g) => g.groupId === selection.id);
      if (!group) return [];
      const committed = Object.entries(group.committed).map(([pk, o]) => `${pk} ${o}`);
      return [
        ['group', `${group.state} · gen ${group.generation} · ${group.protocol ? `assignor ${group.protocol}` : 'no assignor'} · ${group.rebalanceProtocol}`],
        ['read model', `${readModelLabel(group.serviceId, group.handler)}${group.idempotent ? ' · idempotent' : ''}`],
        ['committed', committed.join(', ') || 'nothing yet'],
        ['processed', `${group.stats.processed} (${group.stats.uniqueProcessed} distinct, ${group.stats.duplicates} duplicates, ${group.stats.skipped} skipped)`],
        ...groupLagRows(group, snapshot),
      ];
    }
    case 'producer': {
      const p = snapshot.producers.find((candidate) => candidate.id === selection.id);
      if (!p) return [];
      return [
        ['sends', p.command ? `${p.command} commands to ${p.to}` : `${p.event} events to ${p.topic}`],
        ['rate', p.paused ? 'paused' : `${p.ratePerSec} records/s`],
        ['sent', String(p.sent)],
      ];
    }
    case 'topic':
    case 'partition': {
      const topicName = selection.kind === 'topic' ? selection.id : splitPartitionKey(selection.id)?.topic;
      const topic = snapshot.topics.find((t) => t.name === topicName);
      if (!topic) return [];
      const partitions = selection.kind === 'partition' ? topic.partitions.filter((p) => `${p.topic}-${p.partition}` === selection.id) : topic.partitions;
      return [
        ['cleanup', `${topic.cleanupPolicy} · retention ${topic.retentionMs / 1000} s`],
        ...partitions.map((p): [string, string] => [`${p.topic}-${p.partition}`, `log start ${p.logStartOffset} · log end ${p.logEndOffset} · ${p.segments.length} segment(s)`]),
        // Per group only for one partition: a whole topic would be a row per group and partition.
        ...(selection.kind === 'partition' && partitions[0] ? partitionLagRows(partitions[0], snapshot) : []),
      ];
    }
    case 'broker': {
      const broker = snapshot.replication?.brokers.find((b) => String(b.id) === selection.id);
      if (!broker) return [];
      const held = snapshot.replication!.partitions.filter((p) => p.replicas.some((r) => r.broker === broker.id));
      return [
        ['status', `${broker.status}${broker.fenced ? ', fenced by the controller' : ''}`],
        ['network', broker.extraDelayMs > 0 ? `+${broker.extraDelayMs} ms each way` : 'normal'],
        ['leads', held.filter((p) => p.leader === broker.id).map((p) => p.key).join(', ') || '—'],
        ['follows', held.filter((p) => p.leader !== broker.id).map((p) => `${p.key}${p.replicas.find((r) => r.broker === broker.id)?.inIsr ? '' : ' (out of ISR)'}`).join(', ') || '—'],
      ];
    }
    case 'record': {
      const id = splitRecordId(selection.id);
      const tp = id && splitPartitionKey(id.partitionKey);
      if (!id || !tp) return [];
      const record = queries.readRecords(tp.topic, tp.partition, id.offset, 1)[0];
      if (!record || record.offset !== id.offset) return [['record', 'no longer in the log (deleted or compacted), or not written yet']];
      const partitionCount = snapshot.topics.find((t) => t.name === tp.topic)?.partitions.length ?? 1;
      const rows: [string, string][] = [
        ['offset', `${id.partitionKey} @ ${record.offset}`],
        ['key', record.key ?? 'null'],
        // One field a line (the inspector is narrow): no JSON broken mid-word.
        ['value', record.eventType === null ? 'tombstone (null)' : [record.eventType, ...Object.entries(record.payload ?? {}).map(([field, v]) => `  ${field}: ${String(v)}`)].join('\n')],
        ['size', `${record.sizeBytes} bytes`],
        ['appended', `${formatSimTime(record.timestampMs)} by ${record.producer}`],
      ];
      if (record.key !== null) {
        const p = partitioningOf(record.key, partitionCount);
        rows.push([
          'partition',
          `murmur2("${record.key}") = ${p.hash} → & 0x7fffffff = ${p.positive} → % ${partitionCount} = ${p.partition}` +
            (p.partition === tp.partition ? '' : ` (written as partition ${tp.partition}: explicit, or before partitions were added)`),
        ]);
      } else rows.push(['partition', `no key: the sticky partitioner chose ${tp.partition}`]);
      for (const delivery of queries.recordDeliveries(tp.topic, tp.partition, record.offset)) {
        rows.push([
          delivery.service,
          delivery.times === 0
            ? 'not processed yet'
            : `processed ${delivery.times === 1 ? 'once' : `${delivery.times} times`}` +
              (delivery.firstAppliedMs === null ? '' : `, first at ${formatSimTime(delivery.firstAppliedMs)}`),
        ]);
      }
      return rows;
    }
  }
}
