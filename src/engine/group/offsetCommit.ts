/**
 * A consumer's OffsetCommit, client side: not sent between JoinGroup and the assignment
 * (no stable generation), and what each error does to the member (ConsumerCoordinator's
 * OffsetCommitResponseHandler): COORDINATOR_NOT_AVAILABLE and REBALANCE_IN_PROGRESS are
 * retriable and keep the partitions; any other error means the member was fenced (a zombie),
 * so it drops its partitions and rejoins. Functions over the committing client (consumerClient.ts).
 */
import type { EngineContext } from '../engineContext';
import type { ConsumerContext, CoordinatorError, ServiceFacts } from './groupProtocol';

/** The part of a consumer client a commit reads and changes. */
export interface CommittingClient {
  readonly name: string;
  readonly service: ServiceFacts;
  readonly memberId: string | null;
  readonly generation: number;
  readonly joining: boolean;
  lastCommitMs: number;
  rejoinNeeded: boolean;
  /** onPartitionsLost: the member learns it was fenced; it drops everything and rejoins. */
  loseMembership(ctx: EngineContext, forgetMemberId: boolean): void;
}

/** Commits `offsets` (true when stored); `why` names the commit in explanations. */
export function commitOffsets(ctx: ConsumerContext, client: CommittingClient, offsets: Map<string, number>, why: string): boolean {
  if (offsets.size === 0) return true;
  if (client.joining) {
    // As Kafka's ConsumerCoordinator: a member between JoinGroup and its assignment has no
    // stable generation (generationIfStable() is null), so the commit is not sent: it fails on
    // the client with RebalanceInProgressException and nothing is reset.
    onCommitFailed(ctx, client, 'REBALANCE_IN_PROGRESS', offsets, why);
    return false;
  }
  const error = ctx.serviceOf(client.service.id).group.commit(ctx, client.memberId, client.generation, offsets);
  if (error === null) {
    client.lastCommitMs = ctx.now;
    return true;
  }
  onCommitFailed(ctx, client, error, offsets, why);
  return false;
}

export function onCommitFailed(ctx: ConsumerContext, client: CommittingClient, error: CoordinatorError, offsets: Map<string, number>, why: string): void {
  const name = client.name;
  const groupId = client.service.groupId;
  const list = [...offsets].map(([key, offset]) => `${key} → ${offset}`).join(', ');
  if (error === 'COORDINATOR_NOT_AVAILABLE') {
    // Retriable (broker/groupCoordinatorPlacement.ts): the member keeps its partitions and commits again later.
    ctx.emit('commit', name, `${name}'s commit (${why}) of ${list} failed: its group coordinator's broker is down (COORDINATOR_NOT_AVAILABLE); it keeps its partitions and commits again once a new coordinator is found.`, groupId);
    return;
  }
  if (error === 'REBALANCE_IN_PROGRESS') {
    // Not fatal: the member keeps its generation and partitions, finishes the rebalance in
    // poll and commits again later; it only rejoins if it was not already joining
    // (OffsetCommitResponseHandler: requestRejoin, no generation reset).
    ctx.emit('commit', name, `${name}'s commit (${why}) of ${list} failed: the group is rebalancing (RebalanceInProgressException); nothing is reset, it commits again after the rebalance.`, groupId);
    if (!client.joining) client.rejoinNeeded = true;
    return;
  }
  const reason = `it is no longer a member of generation ${ctx.serviceOf(client.service.id).group.generation} (a zombie; ${error})`;
  ctx.emit('commit', name, `${name}'s commit (${why}) of ${list} failed: ${reason}. Those records will be processed again by the partition's next owner.`, groupId);
  client.loseMembership(ctx, error === 'UNKNOWN_MEMBER_ID');
}
