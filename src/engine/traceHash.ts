/**
 * An incremental, order-sensitive hash of everything that happens in a run. Two runs with the
 * same scenario, seed and commands feed it the same values in the same order, so their hashes
 * match; any difference in any event changes it.
 *
 * Two independent 32-bit lanes (FNV-1a-style multiply with different primes and a final
 * avalanche) give a 64-bit digest: cheap enough to feed on every record append and delivery.
 */
export class TraceHasher {
  private a = 0x811c9dc5 | 0;
  private b = 0x6a09e667 | 0;

  int(value: number): void {
    // Split into 32-bit halves so large integers (offsets, times) hash exactly.
    const low = value | 0;
    const high = Math.floor(value / 4294967296) | 0;
    this.mix(low);
    if (high !== 0) this.mix(high);
  }

  string(value: string): void {
    this.mix(value.length);
    for (let i = 0; i < value.length; i++) this.mix(value.charCodeAt(i));
  }

  private mix(word: number): void {
    this.a = Math.imul(this.a ^ word, 0x01000193);
    this.b = Math.imul(this.b ^ word, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  digest(): string {
    return hex(avalanche(this.a ^ Math.imul(this.b, 0x9e3779b1))) + hex(avalanche(this.b + this.a));
  }
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0');
}
