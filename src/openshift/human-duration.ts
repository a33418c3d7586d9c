// docker/go-units HumanDuration, which OpenShift's printers use for the `Updated` column
// (behaviour §8): "Less than a second", "About a minute", "3 weeks", "2 years". Not
// apimachinery's "2y212d", which kubectl uses for ages it computes itself.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Go's time.Duration stops at about 292 years; a missing timestamp reads as that long ago. */
export const MAX_GO_DURATION_MS = 9_223_372_036_854;

export function humanDuration(ms: number): string {
  const duration = Math.min(ms, MAX_GO_DURATION_MS);
  const seconds = Math.trunc(duration / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(duration / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Hours are rounded, not truncated; years use the truncated hours again.
  const hours = Math.trunc(duration / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(duration / HOUR) / 24 / 365)} years`;
}

/** The `Updated` cell: the age of `time` at `now` and " ago"; empty when there is no time. */
export function ago(time: string | null | undefined, now: number): string {
  if (!time) return '';
  const at = Date.parse(time);
  return `${humanDuration(Number.isNaN(at) ? MAX_GO_DURATION_MS : now - at)} ago`;
}
