/**
 * Columns of a pipeline drawn at half width (two runs side by side): each column as wide as
 * its longest name needs (producer ids, topic names, and the read models' "<service>'s"), the
 * gaps for the edges narrower, and the services the rest. A service's name then has a header
 * line of its own (its group's state on the next), so names are drawn whole, not shortened.
 */

/** About how wide a character of a bold 16 px node title is (DejaVu Sans, the widest we ship to). */
const TITLE_CHAR_PX = 9.6;
/** Room a title needs besides its text: padding left and right. */
const TITLE_PADDING_PX = 22;

export interface HalfWidthNames {
  producers: readonly string[];
  topics: readonly string[];
  /** Service ids (each names its read model: "<service>'s"). */
  services: readonly string[];
}

export function titleWidth(text: string): number {
  return Math.ceil(text.length * TITLE_CHAR_PX + TITLE_PADDING_PX);
}

const longest = (names: readonly string[], extra = '') => Math.max(0, ...names.map((name) => titleWidth(`${name}${extra}`)));

export function halfWidthColumns(width: number, margin: number, names: HalfWidthNames) {
  const w = Math.max(480, width);
  const producerWidth = Math.min(170, Math.max(70, longest(names.producers)));
  const topicWidth = Math.min(180, Math.max(72, longest(names.topics)));
  // "<service>'s" on the read model's first line; its noun wraps on the lines below.
  const readModelWidth = Math.min(190, Math.max(96, longest(names.services, "'s")));
  const gaps = { producerTopic: Math.round(w * 0.045), topicService: Math.round(w * 0.07), serviceReadModel: Math.round(w * 0.02) };
  const serviceWidth = Math.min(300, w - 2 * margin - producerWidth - topicWidth - readModelWidth - gaps.producerTopic - gaps.topicService - gaps.serviceReadModel);
  const readModelX = w - margin - readModelWidth;
  const serviceX = readModelX - gaps.serviceReadModel - serviceWidth;
  const producerX = margin;
  const topicX = Math.round(producerX + producerWidth + (serviceX - producerX - producerWidth - topicWidth) * 0.4);
  return { producerX, producerWidth, topicX, topicWidth, serviceX, serviceWidth, readModelX, readModelWidth, width: w };
}
