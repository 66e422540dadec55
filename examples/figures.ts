/**
 * Figures for the examples: small Vega-Lite specs rendered to SVG in Node
 * (vega + vega-lite are dev dependencies; no browser needed). Files go to
 * examples/out/<name>.svg.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), 'out');
const pending: Promise<void>[] = [];

/** Renders a Vega-Lite spec to `examples/out/<name>.svg` (finishes before the process exits). */
export function saveFigure(name: string, spec: TopLevelSpec): void {
  const job = (async () => {
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    mkdirSync(OUT, { recursive: true });
    writeFileSync(resolve(OUT, `${name}.svg`), svg);
    view.finalize();
  })();
  pending.push(job);
}

/** Waits for every figure of this process. */
export async function figuresDone(): Promise<void> {
  await Promise.all(pending);
}

interface LineChartOptions {
  title: string;
  x: number[];
  series: Record<string, number[]>;
  xTitle?: string;
  yTitle?: string;
  width?: number;
  height?: number;
}

/** Several named curves over a shared x. */
export function lineChart(o: LineChartOptions): TopLevelSpec {
  const values = Object.entries(o.series).flatMap(([name, ys]) => ys.map((y, i) => ({ x: o.x[i], y, series: name })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: o.title,
    width: o.width ?? 480,
    height: o.height ?? 300,
    data: { values },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: o.xTitle ?? 'x' },
      y: { field: 'y', type: 'quantitative', title: o.yTitle ?? 'y' },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}

interface HistogramOptions {
  title: string;
  samples: Record<string, ArrayLike<number>>;
  bins?: number;
  /** Optional density curves drawn over the histogram: name → [x[], y[]]. */
  curves?: Record<string, [number[], number[]]>;
  xTitle?: string;
  /** Normalise the histogram to a density (area 1). */
  density?: boolean;
}

/** Histograms of samples (as densities when asked), with optional overlaid curves. */
export function histogram(o: HistogramOptions): TopLevelSpec {
  const bins = o.bins ?? 60;
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  const values: { x: number; series: string; d: number }[] = [];
  for (const [name, xs] of Object.entries(o.samples)) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      lo = Math.min(lo, xs[i]);
      hi = Math.max(hi, xs[i]);
    }
    const width = (hi - lo) / bins || 1;
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < xs.length; i++) counts[Math.min(bins - 1, Math.floor((xs[i] - lo) / width))]++;
    counts.forEach((c, k) => values.push({ x: lo + (k + 0.5) * width, series: name, d: o.density ? c / (xs.length * width) : c }));
  }
  layers.push({
    data: { values },
    mark: { type: 'bar', opacity: 0.55 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: o.xTitle ?? 'x' },
      y: { field: 'd', type: 'quantitative', title: o.density ? 'density' : 'count', stack: null },
      color: { field: 'series', type: 'nominal', title: null },
    },
  });
  for (const [name, [xs, ys]] of Object.entries(o.curves ?? {})) {
    layers.push({
      data: { values: xs.map((x, i) => ({ x, d: ys[i], series: name })) },
      mark: { type: 'line', strokeWidth: 2.5, color: '#222' },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'd', type: 'quantitative' } },
    });
  }
  return { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: o.title, width: 480, height: 300, layer: layers } as TopLevelSpec;
}

interface ScatterOptions {
  title: string;
  points: { x: number; y: number; group: string }[];
  xTitle?: string;
  yTitle?: string;
  /** Draw points in order, joined by a line (a path such as gradient-descent iterates). */
  path?: boolean;
}

/** A scatter plot coloured by group, or ordered paths. */
export function scatter(o: ScatterOptions): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: o.title,
    width: 420,
    height: 340,
    data: { values: o.points.map((p, i) => ({ ...p, order: i })) },
    mark: o.path ? { type: 'line', point: true } : { type: 'point', filled: true, size: 40 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: o.xTitle ?? 'x', scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: o.yTitle ?? 'y', scale: { zero: false } },
      color: { field: 'group', type: 'nominal', title: null },
      ...(o.path ? { order: { field: 'order', type: 'quantitative' } } : {}),
    },
  };
}
