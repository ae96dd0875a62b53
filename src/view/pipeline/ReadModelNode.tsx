/**
 * A service's read model: whose it is and what it keeps ("email's receipts", on two lines: three
 * services with one handler keep three "receipts", and one keeps "orders" beside the topic of
 * that name), how many events it applied, how many records it has yet to apply ("behind", the
 * same figure as the consistency panel's; Kafka's committed lag is in the lanes and the describe
 * table), and how many it applied more than once.
 */
import type { AppState } from '../../app/store';
import { useShallow } from '../useAppStore';
import { possessive, readModelLabel, readModelName, shortenMiddle } from '../labels';
import { fitText, type Box } from '../layout';
import { useEntityProps } from '../useEntityProps';
import { useLineState, usePipelineNameState } from '../usePacedState';
import { useSqueezeToFit } from './useSqueezeToFit';

/**
 * `compact`: the name on one line (a short screen's layout gives the column the width).
 * `halfWidth` (two runs side by side): "<service>'s" on the first line, whole (the column is as
 * wide as it needs), and what it keeps, smaller, on up to two lines below.
 */
export function ReadModelNode({ groupId, box, compact, halfWidth = false }: { groupId: string; box: Box; compact: boolean; halfWidth?: boolean }) {
  // Drawn about ten times a second while playing, named about twice (usePacedState.ts); both
  // exact when stopped. One useShallow each: it remembers its last answer.
  const model = useLineState(useShallow((state: AppState) => selectModel(state, groupId)));
  const { firstLine, lastLine } = modelTexts(model);
  const named = usePipelineNameState(useShallow((state: AppState) => selectModel(state, groupId)));
  const namedTexts = modelTexts(named);
  const props = useEntityProps(`group:${groupId}`, `${namedTexts.label} ${namedTexts.firstLine} ${namedTexts.lastLine}, read model of ${named.serviceId}`);
  const title = `${namedTexts.label}: ${namedTexts.firstLine}, ${namedTexts.behindText}${named.duplicates > 0 ? `, ${named.duplicates} records applied more than once` : ''}`;
  const room = box.width - 18;
  // A long id gives way (an ellipsis in its middle: ids sharing a start differ at the end) before
  // the possessive ending, which says "whose"; what is a little too wide is squeezed instead.
  const owner = possessive(model.serviceId);
  const ending = owner.slice(model.serviceId.length);
  const budget = room / MAX_SQUEEZE;
  const ownerText = `${shortenMiddle(model.serviceId, Math.floor(budget / TITLE_CHAR_PX) - ending.length)}${ending}`;
  const nounText = fitText(readModelName(model.handler), budget, TITLE_CHAR_PX);
  const nameText = compact ? fitText(`${ownerText} ${nounText}`, budget, TITLE_CHAR_PX) : ownerText;
  const ownerFit = useSqueezeToFit(nameText, room);
  const nounFit = useSqueezeToFit(nounText, room);
  const lastFit = useSqueezeToFit(lastLine, room);
  if (halfWidth) {
    const nounLines = wrapWords(readModelName(model.handler), Math.floor(room / NOUN_CHAR_PX));
    const ys = [18, ...nounLines.map((_, i) => 35 + i * 16)];
    const next = ys.at(-1)! + 18;
    return (
      <g {...props} transform={`translate(${box.x},${box.y})`} data-testid={`readmodel-${groupId}`}>
        <rect width={box.width} height={box.height} rx={8} className="node node-readmodel" />
        <title>{title}</title>
        <text x={10} y={18} className="node-title" data-testid={`readmodel-name-${groupId}`}>
          {/* Whole unless the name is longer than the widest column (then its middle gives way). */}
          {`${shortenMiddle(model.serviceId, Math.floor((box.width - 18) / 9.6) - ending.length)}${ending} `}
        </text>
        {nounLines.map((line, i) => (
          <text key={i} x={10} y={ys[i + 1]} className="node-line">
            {`${line} `}
          </text>
        ))}
        <text x={10} y={next} className="node-line">
          {`${firstLine} `}
        </text>
        <text x={10} y={next + 17} className="node-line" data-testid={`readmodel-lag-${groupId}`} {...lastFit}>
          {lastLine}
        </text>
      </g>
    );
  }
  const lineY = compact ? [18, 34, 50] : [18, 35, 53, 70];
  return (
    <g {...props} transform={`translate(${box.x},${box.y})`} data-testid={`readmodel-${groupId}`}>
      <rect width={box.width} height={box.height} rx={8} className="node node-readmodel" />
      <title>{title}</title>
      <text x={10} y={lineY[0]} className="node-title" data-testid={`readmodel-name-${groupId}`} {...ownerFit}>
        {`${nameText} `}
      </text>
      {!compact && (
        <text x={10} y={35} className="node-title" {...nounFit}>
          {`${nounText} `}
        </text>
      )}
      <text x={10} y={lineY.at(-2)} className="node-line">
        {`${firstLine} `}
      </text>
      <text x={10} y={lineY.at(-1)} className="node-line" data-testid={`readmodel-lag-${groupId}`} {...lastFit}>
        {lastLine}
      </text>
    </g>
  );
}

/** What a read model node shows, from the store. */
function selectModel(state: AppState, groupId: string) {
  const g = state.sim.snapshot.groups.find((candidate) => candidate.groupId === groupId);
  return g
    ? {
        serviceId: g.serviceId,
        handler: g.handler,
        applied: g.readModelApplied,
        duplicates: g.stats.duplicates,
        accepted: g.commands?.accepted ?? null,
        rejected: g.commands?.rejected ?? 0,
        behind: state.sim.queries.health(g.serviceId)?.staleness.records ?? 0,
      }
    : { serviceId: '', handler: '', applied: 0, duplicates: 0, accepted: null, rejected: 0, behind: 0 };
}

/** The node's name and lines. */
function modelTexts(model: ReturnType<typeof selectModel>) {
  const label = readModelLabel(model.serviceId, model.handler);
  // A command-taking service's read model counts commands, not records it read.
  const firstLine = model.accepted !== null ? `${model.accepted} accepted` : `${model.applied} applied`;
  const behindText = model.accepted !== null ? `${model.rejected} rejected` : `${model.behind} behind`;
  // Duplicates share the last line: the two-line name took the line they had.
  const lastLine = model.duplicates > 0 ? `${behindText} · ${model.duplicates} dup` : behindText;
  return { label, firstLine, behindText, lastLine };
}

/** About how wide a 14 px line character is (the read model's noun at half width). */
const NOUN_CHAR_PX = 7.6;

/** Words on at most two lines of `perLine` characters; a word longer than a line is cut. */
function wrapWords(text: string, perLine: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= perLine) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 2) return lines.map((line) => fitText(line, perLine, 1));
  return [fitText(lines[0]!, perLine, 1), fitText(lines.slice(1).join(' '), perLine, 1)];
}

/** About how wide a bold 16 px title character is, for cutting names far too long to squeeze. */
const TITLE_CHAR_PX = 9;
/** Text narrowed to this fraction of its width still reads well. */
const MAX_SQUEEZE = 0.85;
