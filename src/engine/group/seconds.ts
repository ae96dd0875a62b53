/**
 * A duration as the event log words it: "30 s", "2.5 s". Fixed notation, no locale formatting.
 */
export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
