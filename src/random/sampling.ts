/**
 * NumPy's `cont`/`disc` drivers (numpy/random/_common.pyx): run a one-draw
 * kernel once (scalar parameters, no size), `size` times (scalar parameters),
 * or once per element of the broadcast of the array parameters, checking the
 * constraints first. Draws are made in C order of the output, as NumPy does.
 */
import type { ArrayLike, NDArray } from '../core';
import {
  at,
  broadcastPlan,
  checkArray,
  checkScalar,
  floatParam,
  floatResult,
  intResult,
  prod,
  sizeShape,
  Cons,
  type FloatParam,
  type Size,
} from './params';

/** A named, constrained distribution parameter. */
export interface ParamSpec {
  readonly value: ArrayLike;
  readonly name: string;
  readonly cons: Cons;
  /** Pre-converted value (for parameters NumPy converts differently, e.g. to int64). */
  readonly converted?: FloatParam;
}

/** A parameter-free sampler: `size` draws (NumPy's `double_fill`/`cont` with narg 0). */
export function cont0(size: Size, kernel: () => number): number | NDArray {
  const shape = sizeShape(size);
  if (shape === null) return kernel();
  const out = new Float64Array(prod(shape));
  for (let i = 0; i < out.length; i++) out[i] = kernel();
  return floatResult(shape, out);
}

/** Converts and validates the parameters; `null` when they are all scalars. */
function prepare(specs: readonly ParamSpec[]): { params: FloatParam[]; scalar: boolean } {
  const params = specs.map((s) => s.converted ?? floatParam(s.value));
  const scalar = params.every((p) => p.shape.length === 0);
  specs.forEach((s, i) => (scalar ? checkScalar(params[i].data[0], s.name, s.cons) : checkArray(params[i].data, s.name, s.cons)));
  return { params, scalar };
}

function drive(size: Size, specs: readonly ParamSpec[], integer: boolean, draw: (vals: Float64Array) => number): number | NDArray {
  const { params, scalar } = prepare(specs);
  const shape = sizeShape(size);
  const vals = new Float64Array(params.length);
  if (scalar) {
    for (let k = 0; k < params.length; k++) vals[k] = params[k].data[0];
    if (shape === null) return draw(vals);
    const out = new Float64Array(prod(shape));
    for (let i = 0; i < out.length; i++) out[i] = draw(vals);
    return integer ? intResult(shape, out) : floatResult(shape, out);
  }
  const plan = broadcastPlan(shape, params.map((p) => p.shape));
  const out = new Float64Array(plan.size);
  for (let i = 0; i < plan.size; i++) {
    for (let k = 0; k < params.length; k++) vals[k] = at(params[k], plan.offsets[k], i);
    out[i] = draw(vals);
  }
  return integer ? intResult(plan.shape, out) : floatResult(plan.shape, out);
}

/** One-parameter continuous sampler (NumPy's `cont` with narg 1). */
export function cont1(size: Size, a: ParamSpec, kernel: (a: number) => number): number | NDArray {
  return drive(size, [a], false, (v) => kernel(v[0]));
}

/** Two-parameter continuous sampler (NumPy's `cont` with narg 2). */
export function cont2(size: Size, a: ParamSpec, b: ParamSpec, kernel: (a: number, b: number) => number): number | NDArray {
  return drive(size, [a, b], false, (v) => kernel(v[0], v[1]));
}

/** One-parameter discrete sampler with an int64 result (NumPy's `disc`). */
export function disc1(size: Size, a: ParamSpec, kernel: (a: number) => number): number | NDArray {
  return drive(size, [a], true, (v) => kernel(v[0]));
}

/** Two-parameter discrete sampler (binomial's n and p). */
export function disc2(size: Size, a: ParamSpec, b: ParamSpec, kernel: (a: number, b: number) => number): number | NDArray {
  return drive(size, [a, b], true, (v) => kernel(v[0], v[1]));
}

/**
 * Fast path of `normal(loc, scale, size)` with scalar parameters: fill with
 * standard draws, then `loc + scale·z` element by element (the same operations
 * NumPy applies per draw, so the same doubles). `null` when it does not apply.
 * @throws {ValueError} "scale < 0"
 */
export function scaledFill(loc: ArrayLike, scale: ArrayLike, size: Size, fill: (out: Float64Array) => void): NDArray | null {
  if (typeof loc !== 'number' || typeof scale !== 'number') return null;
  const shape = sizeShape(size);
  if (shape === null) return null;
  checkScalar(scale, 'scale', Cons.NonNegative);
  const out = new Float64Array(prod(shape));
  fill(out);
  for (let i = 0; i < out.length; i++) out[i] = loc + scale * out[i];
  return floatResult(shape, out);
}
