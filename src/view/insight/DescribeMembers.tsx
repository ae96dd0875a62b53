/**
 * `kafka-consumer-groups --describe --members --verbose` and `--describe --state` for one
 * group, as ConsumerGroupCommand prints them (printMembers, printStates): the same warning line
 * as the offsets view; members as DescribeGroups returns them (without their assignment while
 * the group is not Stable, so #PARTITIONS is 0 then); ASSIGNMENT as the tool groups it, one
 * "(partitions)" per topic. The coordinator is the lab's one simulated broker.
 */
import type { GroupView } from '../../engine';
import { hostOf } from './describeRows';

export function describeNote(group: GroupView): string | null {
  if (group.state === 'Empty') return `Consumer group '${group.groupId}' has no active members.`;
  if (group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance') return `Warning: Consumer group '${group.groupId}' is rebalancing.`;
  return null;
}

/** The tool's ASSIGNMENT column: partitions grouped per topic, "(0,1), (2)"; "-" for none. */
export function assignmentColumn(assignment: readonly string[]): string {
  if (assignment.length === 0) return '-';
  const byTopic = new Map<string, string[]>();
  for (const key of assignment) {
    const dash = key.lastIndexOf('-');
    const topic = key.slice(0, dash);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), key.slice(dash + 1)]);
  }
  return [...byTopic.values()].map((partitions) => `(${[...partitions].sort().join(',')})`).sort().join(', ');
}

export function MembersTable({ group, groups }: { group: GroupView; groups: GroupView[] }) {
  const stable = group.state === 'Stable';
  return (
    <figure className="describe">
      <figcaption>
        <code>$ kafka-consumer-groups --bootstrap-server … --describe --group {group.groupId} --members --verbose</code>
      </figcaption>
      {describeNote(group) && <p className="describe-note">{describeNote(group)}</p>}
      <table data-testid={`describe-members-${group.groupId}`}>
        <thead>
          <tr>
            <th scope="col">GROUP</th>
            <th scope="col">CONSUMER-ID</th>
            <th scope="col">HOST</th>
            <th scope="col">CLIENT-ID</th>
            <th scope="col">#PARTITIONS</th>
            <th scope="col">ASSIGNMENT</th>
          </tr>
        </thead>
        <tbody>
          {group.members.map((member) => {
            const assignment = stable ? member.assignment : [];
            return (
              <tr key={member.memberId} data-member={member.memberId}>
                <td>{group.groupId}</td>
                <td>{member.memberId}</td>
                <td>{hostOf(groups, member.instance)}</td>
                <td>{member.instance}</td>
                <td className="num" data-col="partitions">{assignment.length}</td>
                <td data-col="assignment">{assignmentColumn(assignment)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}

export function StateTable({ group }: { group: GroupView }) {
  return (
    <figure className="describe">
      <figcaption>
        <code>$ kafka-consumer-groups --bootstrap-server … --describe --group {group.groupId} --state</code>
      </figcaption>
      {describeNote(group) && <p className="describe-note">{describeNote(group)}</p>}
      <table data-testid={`describe-state-${group.groupId}`}>
        <thead>
          <tr>
            <th scope="col">GROUP</th>
            <th scope="col">COORDINATOR (ID)</th>
            <th scope="col">ASSIGNMENT-STRATEGY</th>
            <th scope="col">STATE</th>
            <th scope="col">#MEMBERS</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{group.groupId}</td>
            <td>broker-0:9092 (0)</td>
            <td>{group.protocol ?? ''}</td>
            <td data-col="state">{group.state}</td>
            <td className="num" data-col="members">{group.members.length}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
