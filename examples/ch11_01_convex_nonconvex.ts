// Chapter 11 · Convex Optimization — a convex and a non-convex function on a grid.
// The listing only computes the curves (it plotted them with matplotlib); this example
// prints what its checks look at and draws both curves to examples/out/ch11_convex_nonconvex.svg.
import * as np from 'numts';
import { lineChart, saveFigure } from './figures';

// Convex: f(x) = x², a single global minimum
const x = np.linspace(-5, 5, 200);
const convex = x.pow(2);

// Non-convex: several local minima
const nonConvex = x.pow(4).sub(x.pow(2).mul(8)).add(np.sin(x.mul(3)).mul(5));

// In deep learning, loss surfaces look more like the non-convex one,
// in millions of dimensions, with many local minima and saddle points.

// --- beyond the listing ---
console.log('x[0], x[1], x[99], x[100], x[199]:', [0, 1, 99, 100, 199].map((i) => np.format(x.get(i), '.17g')).join(', '));
console.log(`sum(convex) = ${np.format(np.sum(convex), '.10f')}`);
console.log(`non_convex[0] = ${np.format(nonConvex.get(0), '.10f')}, non_convex[199] = ${np.format(nonConvex.get(199), '.10f')}`);
console.log(`sum(non_convex) = ${np.format(np.sum(nonConvex), '.10f')}`);
const minima: string[] = [];
for (let i = 1; i < 199; i++) {
  const v = nonConvex.get(i);
  if (v < nonConvex.get(i - 1) && v < nonConvex.get(i + 1)) minima.push(`(${i}, ${np.format(x.get(i), '.6f')}, ${np.format(v, '.6f')})`);
}
console.log('grid local minima (index, x, f):', minima.join(' '));

saveFigure(
  'ch11_convex_nonconvex',
  lineChart({
    title: 'Convex x² vs non-convex x⁴ − 8x² + 5 sin 3x',
    x: x.toArray(),
    series: { 'convex: x²': convex.toArray(), 'non-convex': nonConvex.toArray() },
    xTitle: 'x',
    yTitle: 'f(x)',
  }),
);
