/**
 * Turning a chart on screen into a file: SVG with every colour written out
 * (the app's CSS variables mean nothing outside it), and PNG drawn from that
 * SVG through a canvas.
 */
import { platform } from '../platform';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Properties that decide how the chart looks, copied as resolved values.
 * All are inherited, so a value equal to the parent's is left out.
 */
const STYLE = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
];

/** The SVG's size in px, from its viewBox (as the charts draw it). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0) return { width: box.width, height: box.height };
  return {
    width: Number(svg.getAttribute('width')) || 600,
    height: Number(svg.getAttribute('height')) || 400,
  };
}

/**
 * A standalone SVG document of `svg`: each element gets its computed paint
 * and text style inline (CSS variables resolved for the current theme);
 * classes, focus handles and event roles are dropped.
 */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const target = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const resolved = new Map<Element, string[]>();
  source.forEach((el, i) => {
    const out = target[i];
    if (!out || el.localName === 'title' || el.localName === 'desc') return;
    const computed = getComputedStyle(el);
    const values = STYLE.map((p) => computed.getPropertyValue(p));
    resolved.set(el, values);
    const parent = el === svg ? undefined : resolved.get(el.parentElement as Element);
    const style = STYLE.map((p, k) => [p, values[k] ?? ''] as const)
      .filter(([, v], k) => v !== '' && v !== parent?.[k])
      .map(([p, v]) => `${p}:${v}`);
    const opacity = computed.getPropertyValue('opacity'); // not inherited
    if (opacity && opacity !== '1') style.push(`opacity:${opacity}`);
    if (style.length) out.setAttribute('style', style.join(';'));
    else out.removeAttribute('style');
    out.removeAttribute('class');
    out.removeAttribute('tabindex');
    if (out.getAttribute('role') === 'button') out.removeAttribute('role');
  });
  const { width, height } = svgSize(svg);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** Canvas sides above this are refused by some browsers. */
const MAX_SIDE = 16_000;

/** Draws standalone SVG text into a canvas at `scale` and encodes it as PNG. */
export async function svgToPng(
  svgText: string,
  size: { width: number; height: number },
  scale = Math.max(2, globalThis.devicePixelRatio || 1),
): Promise<Blob> {
  const factor = Math.min(scale, MAX_SIDE / Math.max(size.width, size.height, 1));
  // The app's CSP allows img-src blob:, so the image loads from an object URL.
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(size.width * factor);
    canvas.height = Math.ceil(size.height * factor);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas available');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export type ChartFormat = 'svg' | 'png';

/** Saves the chart as `${baseName}.svg` or `.png`; false when the user cancels. */
export async function saveChart(
  svg: SVGSVGElement,
  baseName: string,
  format: ChartFormat,
  svgFilterName: string,
): Promise<boolean> {
  const text = serializeSvg(svg);
  if (format === 'svg') {
    return platform.saveText(`${baseName}.svg`, text, {
      name: svgFilterName,
      extensions: ['svg'],
    });
  }
  const png = await svgToPng(text, svgSize(svg));
  return platform.saveBytes(`${baseName}.png`, new Uint8Array(await png.arrayBuffer()), {
    name: 'PNG',
    extensions: ['png'],
  });
}
