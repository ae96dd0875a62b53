import { describe, expect, it } from 'vitest';
import { parseSelection, selectionId, splitPartitionKey, splitRecordId } from './selection';

describe('selection ids', () => {
  it('round-trips kind and id, ids may contain colons and dashes', () => {
    expect(parseSelection(selectionId('instance', 'email-0'))).toEqual({ kind: 'instance', id: 'email-0' });
    expect(parseSelection('record:orders-1@42')).toEqual({ kind: 'record', id: 'orders-1@42' });
    expect(parseSelection('broker:1')).toEqual({ kind: 'broker', id: '1' });
  });

  it('rejects unknown kinds and empty ids', () => {
    expect(parseSelection('controller:1')).toBeNull();
    expect(parseSelection('group:')).toBeNull();
    expect(parseSelection(null)).toBeNull();
  });

  it('splits partition keys and record ids at the last separator', () => {
    expect(splitPartitionKey('my-topic-12')).toEqual({ topic: 'my-topic', partition: 12 });
    expect(splitRecordId('my-topic-2@7')).toEqual({ partitionKey: 'my-topic-2', offset: 7 });
    expect(splitRecordId('x@y')).toBeNull();
  });
});
