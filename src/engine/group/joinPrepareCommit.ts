/**
 * The auto-commit a member sends before it rejoins (ConsumerCoordinator.onJoinPrepare): an
 * asynchronous OffsetCommit of its positions, which pays `network.latencyMs` to reach the
 * coordinator and again to come back; JoinGroup is sent only at the first poll after the
 * response (onJoinPrepare returns false until then). Meanwhile, under the eager protocol, the
 * owned partitions are pending revocation (maybeMarkPartitionsPendingRevocation): they are
 * neither fetched nor returned, so the position cannot run ahead of the commit; under
 * cooperative rebalancing the member goes on consuming them. LogScope's other commits are still
 * stored the moment they are made.
 */
import type { TimerId } from '../eventQueue';
import type { InstanceRef } from '../engineEvents';
import type { EngineContext } from '../engineContext';
import type { ConsumerContext, CoordinatorError } from './groupProtocol';

/** What the commit needs of its client. */
export interface JoinPrepareClient {
  readonly ref: InstanceRef;
  currentPositions(): Map<string, number>;
  /** The coordinator handles the OffsetCommit (when the request reaches it). */
  storeJoinPrepareCommit(ctx: ConsumerContext, offsets: Map<string, number>): CoordinatorError | null;
  /** The response reached the client. */
  onJoinPrepareCommitDone(ctx: ConsumerContext, offsets: Map<string, number>, error: CoordinatorError | null): void;
}

type Stage = 'none' | 'toCoordinator' | 'toClient' | 'done';

// Plain state: the client and the context come with each call (the client owns this part).
export class JoinPrepareCommit {
  private stage: Stage = 'none';
  private entry: TimerId | null = null;
  private offsets: Map<string, number> | null = null;
  private error: CoordinatorError | null = null;

  /** The commit is on its way or its response is. */
  get inFlight(): boolean {
    return this.stage === 'toCoordinator' || this.stage === 'toClient';
  }

  /** True when JoinGroup may be sent: the response came back, or there was nothing to commit. Sends the commit on the first call. */
  ready(ctx: EngineContext, client: JoinPrepareClient): boolean {
    if (this.stage === 'done') {
      this.stage = 'none';
      return true;
    }
    if (this.stage !== 'none') return false;
    const offsets = client.currentPositions();
    if (offsets.size === 0) return true;
    this.offsets = offsets;
    this.stage = 'toCoordinator';
    this.entry = ctx.schedule(ctx.now + ctx.network.latencyMs, { kind: 'joinPrepareCommit', ...client.ref });
    return false;
  }

  /** One hop of the commit; true when its response reached the client (JoinGroup may follow). */
  onNetworkHop(ctx: ConsumerContext, client: JoinPrepareClient): boolean {
    this.entry = null;
    if (this.stage === 'toCoordinator') {
      this.error = client.storeJoinPrepareCommit(ctx, this.offsets!);
      this.stage = 'toClient';
      this.entry = ctx.schedule(ctx.now + ctx.network.latencyMs, { kind: 'joinPrepareCommit', ...client.ref });
    } else if (this.stage === 'toClient') {
      const offsets = this.offsets!;
      this.stage = 'done';
      this.offsets = null;
      client.onJoinPrepareCommitDone(ctx, offsets, this.error);
      return true;
    }
    return false;
  }

  /** The member crashed, stopped, was fenced or rejoins without it: the commit is forgotten. */
  cancel(ctx: EngineContext): void {
    if (this.entry !== null) ctx.cancel(this.entry);
    this.entry = null;
    this.stage = 'none';
    this.offsets = null;
    this.error = null;
  }
}
