/**
 * A chart as a PNG a journalist can take away: the drawn Chart.js canvas copied onto a new canvas
 * on a white ground, with the stamp's lines — title above; department, year and phase, unit,
 * source table and the page's address below — so the picture says whose figures it shows and
 * where they come from. Drawn in the browser from the canvas itself: nothing is sent anywhere.
 */

export interface StampedPng {
  readonly blob: Blob;
  /** The lines drawn, top to bottom (the title first). */
  readonly lines: readonly string[];
  readonly width: number;
  readonly height: number;
}

const FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** `text` cut into lines no wider than `maxWidth` (character by character: Chinese has no spaces). */
function wrap(context: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (line !== '' && context.measureText(line + character).width > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += character;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export async function stampedPng(source: HTMLCanvasElement, stamp: readonly string[]): Promise<StampedPng> {
  const scale = Math.max(1, source.clientWidth > 0 ? source.width / source.clientWidth : 1);
  const pad = Math.round(16 * scale);
  const titleSize = Math.round(18 * scale);
  const textSize = Math.round(13 * scale);
  const gap = Math.round(6 * scale);
  const width = Math.max(source.width + 2 * pad, Math.round(480 * scale));
  const inner = width - 2 * pad;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const [title = '', ...rest] = stamp;
  context.font = `bold ${titleSize}px ${FONT_FAMILY}`;
  const titleLines = wrap(context, title, inner);
  context.font = `${textSize}px ${FONT_FAMILY}`;
  const footLines = rest.flatMap((line) => wrap(context, line, inner));
  const height = pad + titleLines.length * (titleSize + gap) + gap + source.height + gap * 2 + footLines.length * (textSize + gap) + pad;
  canvas.width = width;
  canvas.height = height;
  // Resizing a canvas resets its context.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#1b1f24';
  context.textBaseline = 'top';
  let y = pad;
  context.font = `bold ${titleSize}px ${FONT_FAMILY}`;
  for (const line of titleLines) {
    context.fillText(line, pad, y);
    y += titleSize + gap;
  }
  y += gap;
  context.drawImage(source, Math.round((width - source.width) / 2), y);
  y += source.height + gap * 2;
  context.font = `${textSize}px ${FONT_FAMILY}`;
  context.fillStyle = '#3b4350';
  for (const line of footLines) {
    context.fillText(line, pad, y);
    y += textSize + gap;
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
  );
  return { blob, lines: [...titleLines, ...footLines], width, height };
}
