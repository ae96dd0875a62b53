/**
 * Layout of the pipeline view: four columns (producers → topics with their partitions →
 * services with their instances → read models) and the anchors edges attach to. Edges are
 * horizontal cubic links (d3's linkHorizontal shape); `linkPoint` finds a point along one, so
 * records in flight sit exactly on the drawn curve.
 */
import { halfWidthColumns } from './halfWidthColumns';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PipelineInput {
  producers: { id: string; topic: string | null; to: string | null }[];
  /** `partitions`: rows drawn; `hiddenPartitions`: rows left out of a very wide topic. */
  topics: { name: string; partitions: number; hiddenPartitions?: number }[];
  /** `instances`: rows drawn; `hiddenInstances`: instances left out of a very large group. */
  /** `readModel` false: a service that only answers calls keeps no read model to draw. */
  groups: { groupId: string; subscribe: string[]; instances: string[]; hiddenInstances?: number; readModel?: boolean }[];
}

/**
 * Rows a node draws at most. A scenario at the limits (16 topics × 64 partitions, 16 services ×
 * 32 instances) would otherwise put tens of thousands of elements on the page and make every
 * frame take seconds; the rest is summarised in a "+N more" row (and listed in the side panel).
 */
export const MAX_PARTITION_ROWS = 16;
export const MAX_INSTANCE_ROWS = 12;

export interface TopicBox extends Box {
  /** Centre y of each partition's row drawn. */
  partitionY: number[];
  /** Partitions not drawn (their row would follow the last one). */
  hiddenPartitions: number;
}

export interface ServiceBox extends Box {
  /** Centre y of each instance's row drawn, by instance name. */
  instanceY: Record<string, number>;
  /** Instances not drawn. */
  hiddenInstances: number;
  /** Height of the header: two lines at half width (the name, then the group's state). */
  header?: number;
}

export interface PipelineLayout {
  width: number;
  height: number;
  producers: Record<string, Box>;
  topics: Record<string, TopicBox>;
  services: Record<string, ServiceBox>;
  readModels: Record<string, Box>;
  /** Laid out at half width (two runs side by side): names get their room, see halfWidthColumns.ts. */
  halfWidth?: boolean;
}

export type Point = readonly [number, number];

export const PIPE = {
  header: 26,
  partitionRow: 24,
  instanceRow: 26,
  padding: 6,
  gap: 12,
  producerHeight: 74,
  /** Four lines: name (two lines), applied, behind and duplicates. */
  readModelHeight: 76,
  /** On a short screen: the name on one line (its column is wider), applied, behind. */
  compactReadModelHeight: 54,
  compactGap: 8,
  /** Below a service's last instance row on a short screen. */
  compactPadding: 2,
  /** At half width: a service's name and its group's state on two lines. */
  halfWidthHeader: 44,
  /** At half width: the read model's noun may take two lines. */
  halfWidthReadModelHeight: 90,
  /** Room above the topics for command edges, which go to a service, not through a topic. */
  commandLane: 30,
  margin: 8,
} as const;

/** Column x positions and node widths for a given total width: services get what is left. */
function pipelineColumns(width: number, compact: boolean) {
  // Down to 600 px: the column a 1024-wide screen leaves beside the side panel is about 660.
  const w = Math.max(600, width);
  const producerWidth = Math.round(Math.min(150, w * 0.135));
  const topicWidth = Math.round(Math.min(160, w * 0.145));
  // Wide enough for "0 behind · 33 dup" at 880 px.
  // On a short screen the read model's name takes one line: its column widens, services narrow.
  const readModelWidth = Math.round(compact ? Math.min(220, w * 0.215) : Math.min(180, w * 0.165));
  const gaps = { producerTopic: Math.round(w * 0.07), topicService: Math.round(w * 0.11), serviceReadModel: Math.round(w * 0.035) };
  const serviceWidth = Math.min(
    300,
    w - 2 * PIPE.margin - producerWidth - topicWidth - readModelWidth - gaps.producerTopic - gaps.topicService - gaps.serviceReadModel,
  );
  const readModelX = w - PIPE.margin - readModelWidth;
  const serviceX = readModelX - gaps.serviceReadModel - serviceWidth;
  const producerX = PIPE.margin;
  // Topics sit between producers and services, a little left of centre so consume edges fan out.
  const topicX = Math.round(producerX + producerWidth + (serviceX - producerX - producerWidth - topicWidth) * 0.4);
  return { producerX, producerWidth, topicX, topicWidth, serviceX, serviceWidth, readModelX, readModelWidth };
}

/**
 * `compact`: for a short screen (1280×720), rows of services sit closer and read models take
 * three lines instead of four, so the pipeline leaves room for the affected group's lanes.
 */
export function pipelineLayout(input: PipelineInput, width: number, compact = false, halfWidth = false): PipelineLayout {
  const c = halfWidth
    ? halfWidthColumns(width, PIPE.margin, { producers: input.producers.map((p) => p.id), topics: input.topics.map((t) => t.name), services: input.groups.map((g) => g.groupId) })
    : pipelineColumns(width, compact);
  const serviceHeader = halfWidth ? PIPE.halfWidthHeader : PIPE.header;
  const readModelHeight = halfWidth ? PIPE.halfWidthReadModelHeight : compact ? PIPE.compactReadModelHeight : PIPE.readModelHeight;
  const serviceGap = compact ? PIPE.compactGap : PIPE.gap;
  const servicePadding = compact ? PIPE.compactPadding : PIPE.padding;
  const topics: Record<string, TopicBox> = {};
  const hasCommands = input.producers.some((p) => p.to !== null);
  let y = PIPE.margin + (hasCommands ? PIPE.commandLane : 0);
  for (const topic of input.topics) {
    const hiddenPartitions = topic.hiddenPartitions ?? 0;
    const rows = topic.partitions + (hiddenPartitions > 0 ? 1 : 0);
    const height = PIPE.header + rows * PIPE.partitionRow + PIPE.padding;
    const partitionY = Array.from({ length: topic.partitions }, (_, p) => y + PIPE.header + p * PIPE.partitionRow + PIPE.partitionRow / 2);
    topics[topic.name] = { x: c.topicX, y, width: c.topicWidth, height, partitionY, hiddenPartitions };
    y += height + PIPE.gap * 2;
  }
  const topicBottom = y;

  // Services in the order of the first topic they read, so edges cross as little as possible;
  // services that read no topic (they take commands from clients) are upstream: first.
  const topicIndex = new Map(input.topics.map((t, i) => [t.name, i]));
  const ordered = input.groups
    .map((g, i) => ({ g, i, t: g.subscribe.length === 0 ? -1 : Math.min(...g.subscribe.map((s) => topicIndex.get(s) ?? 99)) }))
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const services: Record<string, ServiceBox> = {};
  const readModels: Record<string, Box> = {};
  y = PIPE.margin;
  for (const { g } of ordered) {
    const hiddenInstances = g.hiddenInstances ?? 0;
    const rows = Math.max(1, g.instances.length + (hiddenInstances > 0 ? 1 : 0));
    const height = serviceHeader + rows * PIPE.instanceRow + servicePadding;
    const instanceY: Record<string, number> = {};
    g.instances.forEach((name, i) => (instanceY[name] = y + serviceHeader + i * PIPE.instanceRow + PIPE.instanceRow / 2));
    services[g.groupId] = { x: c.serviceX, y, width: c.serviceWidth, height, instanceY, hiddenInstances, header: serviceHeader };
    readModels[g.groupId] = { x: c.readModelX, y, width: c.readModelWidth, height: Math.max(readModelHeight, height) };
    y += Math.max(height, readModelHeight) + serviceGap;
  }
  const serviceBottom = y;

  const producers: Record<string, Box> = {};
  const used = new Map<string, number>();
  let fallbackY = PIPE.margin;
  for (const producer of input.producers) {
    const target = producer.topic ? topics[producer.topic] : producer.to ? services[producer.to] : undefined;
    const stack = used.get(producer.topic ?? producer.to ?? '') ?? 0;
    used.set(producer.topic ?? producer.to ?? '', stack + 1);
    // A client sending commands gets one more line: the service it sends them to.
    const height = producer.to ? PIPE.producerHeight + 16 : PIPE.producerHeight;
    const centre = target ? target.y + target.height / 2 : fallbackY + height / 2;
    const py = Math.max(PIPE.margin, centre - height / 2 + stack * (height + PIPE.gap));
    producers[producer.id] = { x: c.producerX, y: py, width: c.producerWidth, height };
    fallbackY = py + height + PIPE.gap;
  }
  // Producers placed by different rules (beside their topic, their command target, or at the top
  // for a calling client) may meet: top to bottom, each starts below the one above it.
  let below = 0;
  for (const box of Object.values(producers).sort((a, b) => a.y - b.y)) {
    box.y = Math.max(box.y, below);
    below = box.y + box.height + PIPE.gap;
  }
  const producerBottom = Math.max(0, ...Object.values(producers).map((b) => b.y + b.height + PIPE.gap));
  const height = Math.max(topicBottom - PIPE.gap, serviceBottom, producerBottom) + PIPE.margin;
  return { width: halfWidth ? Math.max(480, width) : Math.max(600, width), height, producers, topics, services, readModels, ...(halfWidth && { halfWidth }) };
}

/** `text`, cut with an ellipsis to fit `widthPx` at about `charPx` per character. */
export function fitText(text: string, widthPx: number, charPx = 7.2): string {
  const max = Math.max(1, Math.floor(widthPx / charPx));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export function rightAnchor(box: Box, y = box.y + box.height / 2): Point {
  return [box.x + box.width, y];
}

export function leftAnchor(box: Box, y = box.y + box.height / 2): Point {
  return [box.x, y];
}

/**
 * The point at fraction `f` (0..1) along a horizontal link from `source` to `target`: the
 * cubic Bézier d3's linkHorizontal draws, with both control points at the middle x.
 */
export function linkPoint(source: Point, target: Point, f: number): Point {
  const t = Math.min(1, Math.max(0, f));
  const mx = (source[0] + target[0]) / 2;
  const u = 1 - t;
  const x = u * u * u * source[0] + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * target[0];
  const y = u * u * u * source[1] + 3 * u * u * t * source[1] + 3 * u * t * t * target[1] + t * t * t * target[1];
  return [x, y];
}

/**
 * The SVG path of a horizontal link from `source` to `target`: the string d3-shape's
 * `linkHorizontal` writes (the same curve as `linkPoint`), without d3-shape, which would add
 * about 4 KB gzipped to the JavaScript loaded at start for this one path.
 */
export function linkPath(source: Point, target: Point): string {
  const [x0, y0] = [round3(source[0]), round3(source[1])];
  const [x1, y1] = [round3(target[0]), round3(target[1])];
  const mx = round3((source[0] + target[0]) / 2);
  return `M${x0},${y0}C${mx},${y0},${mx},${y1},${x1},${y1}`;
}

/** d3-shape's rounding of path coordinates (3 decimals, `path.digits`). */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Half the travel time of a record dot in virtual ms: longer at high speed so dots stay visible. */
export function travelHalfMs(speed: number): number {
  return Math.min(4_000, Math.max(150, 400 * speed));
}

/** A point on a cubic Bézier curve given by its four control points. */
export function cubicPoint(curve: readonly [Point, Point, Point, Point], f: number): Point {
  const t = Math.min(1, Math.max(0, f));
  const u = 1 - t;
  const [p0, p1, p2, p3] = curve;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

/**
 * The edge from a service back to the topic it emits to: it leaves the service's bottom-left
 * corner and enters the topic's header from the right, bending around the consume edges.
 */
export function emitCurve(service: Box, topic: Box): [Point, Point, Point, Point] {
  const source: Point = [service.x, service.y + service.height - 4];
  const target: Point = [topic.x + topic.width, topic.y + 13];
  return [source, [source[0] - 60, source[1] + 30], [target[0] + 60, target[1]], target];
}

/**
 * client → the service it sends commands to: over the topics (a command is addressed to one
 * service and never enters the log), through the lane kept free above them.
 */
export function commandCurve(client: Box, service: Box): [Point, Point, Point, Point] {
  const source: Point = [client.x + client.width, client.y + 20];
  const target: Point = [service.x, service.y + 13];
  return [source, [source[0] + 50, PIPE.margin - 4], [target[0] - 70, PIPE.margin - 4], target];
}

export function curvePath(curve: readonly [Point, Point, Point, Point]): string {
  const [p0, p1, p2, p3] = curve;
  return `M ${p0[0]} ${p0[1]} C ${p1[0]} ${p1[1]}, ${p2[0]} ${p2[1]}, ${p3[0]} ${p3[1]}`;
}

/**
 * Top (diagram px) of the part of a diagram `diagramHeight` tall that a canvas `canvasHeight`
 * tall covers, given where the diagram's top is on screen (negative once scrolled past): the
 * part from the top of the screen down, kept inside the diagram.
 */
export function canvasWindowTop(diagramTopOnScreen: number, diagramHeight: number, canvasHeight: number): number {
  return Math.max(0, Math.min(diagramHeight - canvasHeight, Math.round(-diagramTopOnScreen)));
}
