/**
 * Records in flight, drawn as dots on the edges. A dot's place is a pure function of the
 * virtual clock: a record appended at T travels from its producer to its partition during
 * [T, T + h] and, for each group whose owning instance has fetched it (position > offset), on
 * to that instance during [T + h, T + 2h]. So pause, scrub and speed changes stay exact, and a
 * crashed instance visibly receives nothing. h grows with playback speed so dots stay visible.
 *
 * The dots move every frame, so they skip React (doc/design.md, rule 11): a canvas laid over the
 * diagram subscribes to the store transiently and redraws itself when the snapshot changes.
 */
import { uiZoom } from '../uiZoom';
import { partitionOwner } from '../ownership';
import { useEffect, useRef } from 'react';
import type { LogRecord, SimSnapshot } from '../../engine';
import { useLab } from '../labContext';
import { canvasWindowTop, cubicPoint, emitCurve, leftAnchor, linkPoint, rightAnchor, travelHalfMs, type PipelineLayout, type Point } from '../layout';
import { colourModeFor, recordColour } from '../recordColour';
import type { PipelineStructure } from './pipelineStructure';

const MAX_DOTS_PER_PARTITION = 24;
/**
 * Dots drawn at most per frame. Past it, only every k-th offset of each partition travels (the
 * same records for as long as they fly, so nothing flickers): at high rates the picture stays
 * readable and the browser repaints a bounded number of dots.
 */
const MAX_DOTS = 40;

/** A dot to draw (no key: the canvas is redrawn whole, and a key string per dot per frame was garbage). */
export interface Dot {
  at: Point;
  fill: string;
}

/** Where every record in flight is at the snapshot's time. Pure. */
function computeDots(snapshot: SimSnapshot, speed: number, layout: PipelineLayout, structure: PipelineStructure): Dot[] {
  const h = travelHalfMs(speed);
  const now = snapshot.nowMs;
  const dots: Dot[] = [];
  const flights: { topic: (typeof snapshot.topics)[number]; partition: (typeof snapshot.topics)[number]['partitions'][number]; records: LogRecord[]; readers: typeof snapshot.groups }[] = [];
  let wanted = 0;
  for (const topic of snapshot.topics) {
    if (!layout.topics[topic.name]) continue;
    const readers = snapshot.groups.filter((g) => g.subscribe.includes(topic.name));
    for (const partition of topic.partitions) {
      const records: LogRecord[] = [];
      for (let i = partition.recent.length - 1; i >= 0 && records.length < MAX_DOTS_PER_PARTITION; i--) {
        const record = partition.recent[i]!;
        if (now - record.timestampMs >= 2 * h) break;
        records.push(record);
      }
      wanted += records.length * (1 + readers.length);
      flights.push({ topic, partition, records, readers });
    }
  }
  const stride = Math.max(1, Math.ceil(wanted / MAX_DOTS));
  // Where records enter, per producer (or emitting service) and topic: one closure each, not one per record.
  const sources = new Map<string, ((f: number, y: number) => Point) | null>();
  for (const { topic, partition, records, readers } of flights) {
    if (records.length === 0) continue;
    const topicBox = layout.topics[topic.name]!;
    const y = topicBox.partitionY[partition.partition];
    if (y === undefined) continue;
    const mode = colourModeFor(topic.distinctRecentKeys);
    const pk = `${topic.name}-${partition.partition}`;
    // Per group: where its owner of this partition sits and how far it has fetched (once per partition).
    const targets: { position: number; from: Point; to: Point }[] = [];
    for (const group of readers) {
      const owner = partitionOwner(group, pk);
      const position = owner?.positions[pk];
      const service = layout.services[group.groupId];
      const targetY = owner ? service?.instanceY[owner.name] : undefined;
      if (!service || targetY === undefined || position === undefined) continue;
      targets.push({ position, from: rightAnchor(topicBox, y), to: leftAnchor(service, targetY) });
    }
    for (const record of records) {
      if (record.offset % stride !== 0) continue;
      const age = now - record.timestampMs;
      const fill = recordColour(record, mode);
      if (age < h) {
        const sourceKey = `${record.producer}\u0000${topic.name}`;
        let from = sources.get(sourceKey);
        if (from === undefined) sources.set(sourceKey, (from = sourcePoint(layout, structure, record.producer, topic.name)));
        if (from) dots.push({ at: from(age / h, y), fill });
        continue;
      }
      for (const target of targets) {
        if (target.position <= record.offset) continue;
        dots.push({ at: linkPoint(target.from, target.to, (age - h) / h), fill });
      }
    }
  }
  return dots;
}

const DOT_RADIUS = 6;

/**
 * Height (CSS px) the canvas covers at most. A diagram at the limits is about 8,000 px tall: a
 * canvas that size takes 30 MB and a clear of all of it every frame, so a taller diagram gets a
 * canvas of this height that follows the part on screen (moved on scroll).
 */
const MAX_CANVAS_HEIGHT = 1600;

/** `onScreen`: off screen, the dots wait (nobody sees them) and are drawn again when it comes back. */
export function FlowDots({ layout, structure, onScreen = true }: { layout: PipelineLayout; structure: PipelineStructure; onScreen?: boolean }) {
  const { store: appStore } = useLab();
  const ref = useRef<HTMLCanvasElement | null>(null);
  const visible = useRef(onScreen);
  /** The drawing function of the current canvas, and whether a publish went undrawn while hidden. */
  const drawing = useRef<{ draw: () => void; stale: boolean } | null>(null);
  useEffect(() => {
    visible.current = onScreen;
    const current = drawing.current;
    if (onScreen && current?.stale) {
      current.stale = false;
      current.draw();
    }
  }, [onScreen]);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    // Sharp on high-density screens and when the page is zoomed for a projector.
    const zoom = uiZoom();
    const ratio = (window.devicePixelRatio || 1) * zoom;
    const height = Math.min(layout.height, MAX_CANVAS_HEIGHT);
    const windowed = height < layout.height;
    canvas.width = Math.round(layout.width * ratio);
    canvas.height = Math.round(height * ratio);
    let top = 0;
    const draw = () => {
      const state = appStore.getState();
      if (windowed) {
        top = canvasWindowTop(canvas.parentElement!.getBoundingClientRect().top / zoom, layout.height, height);
        canvas.style.top = `${top}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, -top * ratio);
      context.clearRect(0, top, layout.width, height);
      // While long work runs the run jumps ahead in slices: nothing travels (and at the limits
      // placing the dots costs more than a frame).
      const dots = state.lab.work ? [] : computeDots(state.sim.snapshot, state.playback.speed, layout, structure);
      // Written when it changes: an attribute set every frame is a DOM mutation every frame.
      const count = String(dots.length);
      if (canvas.dataset['dots'] !== count) canvas.dataset['dots'] = count;
      for (const dot of dots) {
        context.beginPath();
        context.arc(dot.at[0], dot.at[1], DOT_RADIUS, 0, 2 * Math.PI);
        context.fillStyle = dot.fill;
        context.fill();
      }
    };
    // The first drawing waits for the frame: before its paint, but not in the task that brought
    // the layout (opening a large run; a resize): it forces a layout when windowed.
    const current = { draw, stale: false };
    drawing.current = current;
    let first: number | null = requestAnimationFrame(() => {
      first = null;
      draw();
    });
    let scrolled: number | null = null;
    const onScroll = () => {
      scrolled ??= requestAnimationFrame(() => {
        scrolled = null;
        draw();
      });
    };
    if (windowed) window.addEventListener('scroll', onScroll, { passive: true, capture: true });
    const unsubscribe = appStore.subscribe((state, previous) => {
      const workChanged = (state.lab.work === null) !== (previous.lab.work === null);
      if (first !== null) return;
      if (state.sim.snapshot !== previous.sim.snapshot || state.playback.speed !== previous.playback.speed || workChanged) {
        if (visible.current) draw();
        else current.stale = true;
      }
    });
    return () => {
      unsubscribe();
      window.removeEventListener('scroll', onScroll, { capture: true });
      if (scrolled !== null) cancelAnimationFrame(scrolled);
      if (first !== null) cancelAnimationFrame(first);
    };
  }, [appStore, layout, structure]);
  return (
    <canvas
      ref={ref}
      aria-hidden="true"
      className="flow-dots"
      style={{ position: 'absolute', left: 0, top: 0, width: layout.width, height: Math.min(layout.height, MAX_CANVAS_HEIGHT), pointerEvents: 'none' }}
    />
  );
}

/** Where a record enters the picture: its producer's edge, or the emitting service's edge. */
function sourcePoint(layout: PipelineLayout, structure: PipelineStructure, producer: string, topicName: string): ((f: number, y: number) => Point) | null {
  const topic = layout.topics[topicName]!;
  const producerBox = layout.producers[producer];
  if (producerBox) return (f, y) => linkPoint(rightAnchor(producerBox), leftAnchor(topic, y), f);
  const service = layout.services[structure.serviceGroups[producer] ?? ''];
  if (service) {
    const curve = emitCurve(service, topic);
    return (f) => cubicPoint(curve, f);
  }
  return null;
}
