/**
 * Public surface of the partition assignors: `assignPartitions` and its data types, plus the
 * invariant checks the engine and tests use on any assignment.
 */
export { assignPartitions } from './assignPartitions';
export type { Assignment, AssignmentInput, AssignmentMember, AssignorName } from './types';
