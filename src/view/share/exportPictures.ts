/**
 * Pictures of the views as files that read on their own: SVG with every colour, line and font
 * written onto its elements (the page's style sheet does not travel with a file), and PNG drawn
 * from that SVG at twice the size for slides. The pipeline and the lag chart are one SVG each;
 * the lanes are one SVG per partition, stacked into one picture under their topics' names.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What the style sheet decides for SVG elements here: copied onto each element of the copy. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'paint-order',
  'visibility',
  'display',
];

/** A copy of `source` with computed styles inlined, as an element of the current document. */
function inlinedCopy(source: SVGSVGElement): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    const style = STYLE_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    copies[i]!.setAttribute('style', style);
    // Interaction attributes mean nothing in a file.
    for (const name of ['tabindex', 'role', 'aria-label', 'aria-pressed', 'data-selection']) copies[i]!.removeAttribute(name);
  });
  return copy;
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  return {
    width: Number(svg.getAttribute('width')) || Math.round(box.width),
    height: Number(svg.getAttribute('height')) || Math.round(box.height),
  };
}

/** A standalone SVG document of `children` on a white page of the given size. */
function svgDocument(width: number, height: number, children: readonly Element[], title: string): string {
  const root = window.document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const titleElement = window.document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  const page = window.document.createElementNS(SVG_NS, 'rect');
  page.setAttribute('width', '100%');
  page.setAttribute('height', '100%');
  page.setAttribute('fill', '#ffffff');
  root.append(titleElement, page, ...children);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

/** One SVG element of the page (the pipeline, a chart) as a picture. */
export function pictureOf(svg: SVGSVGElement, title: string): Picture {
  const { width, height } = sizeOf(svg);
  const copy = inlinedCopy(svg);
  copy.setAttribute('x', '0');
  copy.setAttribute('y', '0');
  return { svg: svgDocument(width, height, [copy], title), width, height };
}

/**
 * The lanes: each topic's name, then its partitions' SVGs one under another (nested SVGs keep
 * their own coordinates), with the patterns they share (retention's hatching) defined once.
 */
export function lanesPicture(container: Element, title: string): Picture {
  const children: Element[] = [];
  let y = 0;
  let width = 0;
  for (const topic of container.querySelectorAll('.topic')) {
    const heading = topic.querySelector('h2')?.textContent ?? '';
    const text = window.document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', '8');
    text.setAttribute('y', String(y + 22));
    text.setAttribute('style', `font-family:${getComputedStyle(topic).fontFamily};font-size:17px;font-weight:700;fill:#1f2328`);
    text.textContent = heading;
    children.push(text);
    y += 32;
    for (const svg of topic.querySelectorAll<SVGSVGElement>('svg')) {
      if (svg.classList.contains('lane-defs')) {
        children.push(inlinedCopy(svg));
        continue;
      }
      const { width: w, height: h } = sizeOf(svg);
      const copy = inlinedCopy(svg);
      copy.setAttribute('x', '0');
      copy.setAttribute('y', String(y));
      children.push(copy);
      y += h;
      width = Math.max(width, w);
    }
    y += 8;
  }
  return { svg: svgDocument(Math.max(width, 400), Math.max(y, 40), children, title), width: Math.max(width, 400), height: Math.max(y, 40) };
}

/** The picture as PNG, drawn at `scale` times its size (sharp on slides and projectors). */
export async function pngOf(picture: Picture, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`;
  await image.decode();
  const canvas = window.document.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the picture');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))), 'image/png'));
}
