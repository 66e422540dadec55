/**
 * Unary ufuncs against NumPy (tests/fixtures/ops/unary.json, scripts/fixtures/ops_unary.py):
 * every function × float64 (special values, views, 0-d, empty), float32, int, uint8, bool and
 * complex inputs — results, dtypes and errors. Tolerances: operations NumPy and numts both
 * round correctly (arithmetic, sqrt, rounding, classification) must match bit for bit,
 * signed zeros included; transcendental functions differ between libms (NumPy uses SIMD
 * implementations good to a few ulp) and get rtol 1e-14 (float64), 3e-6 (float32 results),
 * 1e-13 for complex ones.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { loadFixture } from '../helpers';
import { expectCase, operand, type EncOperand, type Expected, type Tol } from './opsFixtures';

interface Case {
  func: string;
  input: string;
  base: EncOperand['base'];
  view: string | null;
  widened: boolean;
  out: Expected;
}

const FUNCS: Record<string, (x: np.NDArray) => unknown> = {
  negative: np.negative, positive: np.positive, absolute: np.abs, sign: np.sign, square: np.square, sqrt: np.sqrt,
  cbrt: np.cbrt, reciprocal: np.reciprocal, exp: np.exp, exp2: np.exp2, expm1: np.expm1, log: np.log, log2: np.log2,
  log10: np.log10, log1p: np.log1p, sin: np.sin, cos: np.cos, tan: np.tan, arcsin: np.arcsin, arccos: np.arccos,
  arctan: np.arctan, sinh: np.sinh, cosh: np.cosh, tanh: np.tanh, arcsinh: np.arcsinh, arccosh: np.arccosh,
  arctanh: np.arctanh, deg2rad: np.deg2rad, rad2deg: np.rad2deg, floor: np.floor, ceil: np.ceil, trunc: np.trunc,
  rint: np.rint, fix: np.fix, isnan: np.isnan, isinf: np.isinf, isfinite: np.isfinite, logical_not: np.logicalNot,
  conjugate: np.conj,
};

const EXACT = new Set([
  'negative', 'positive', 'absolute', 'sign', 'square', 'sqrt', 'reciprocal', 'deg2rad', 'rad2deg', 'floor', 'ceil', 'trunc',
  'rint', 'fix', 'isnan', 'isinf', 'isfinite', 'logical_not', 'conjugate',
]);

function tolerance(c: Case): Tol {
  const complex = c.input.startsWith('complex');
  // Complex products: NumPy's build contracts them into FMAs, JavaScript has none (agreement to rounding).
  const exactComplex = ['negative', 'positive', 'conjugate', 'isnan', 'isinf', 'isfinite', 'logical_not', 'rint'];
  if (EXACT.has(c.func) && (!complex || exactComplex.includes(c.func))) return { exact: true };
  if (complex) return { rtol: 1e-13, atol: 1e-30 };
  if ('dtype' in c.out && c.out.dtype === 'float32') return { rtol: 3e-6 };
  return { rtol: 1e-14, atol: 1e-300 };
}

/**
 * Where NumPy's int64 overflows (1 // 0 as 1/0 cast to int gives int64's minimum) numts' int32
 * stand-in gives int32's minimum: the one documented difference of the stand-in.
 */
function standIn(c: Case): void {
  if (!('data' in c.out) || c.out.dtype !== 'int32') return;
  c.out.data = c.out.data.map((v) => (typeof v === 'number' && v <= -9223372036854775808 ? -2147483648 : v));
}

const cases = loadFixture<{ cases: Case[] }>('ops/unary.json').cases;

describe('unary ufuncs match NumPy', () => {
  const byFunc = new Map<string, Case[]>();
  for (const c of cases) byFunc.set(c.func, [...(byFunc.get(c.func) ?? []), c]);
  for (const [func, list] of byFunc) {
    it(`${func} (${list.length} inputs)`, () => {
      const f = FUNCS[func];
      expect(f, func).toBeDefined();
      for (const c of list) {
        const x = operand({ base: c.base, view: c.view }) as np.NDArray;
        if (c.func === 'reciprocal' && c.input === 'bool') continue; // 1/False overflows NumPy's int8 (platform-defined)
        standIn(c);
        expectCase(() => f(x), c.out, tolerance(c), `${func}(${c.input})`);
      }
    });
  }
});

describe('methods', () => {
  it('a.f() equals np.f(a) for every unary method', () => {
    const x = np.array([0.25, 0.5, 0.75]);
    const names = ['abs', 'sign', 'sqrt', 'square', 'exp', 'log', 'sin', 'cos', 'tanh', 'floor', 'ceil', 'trunc', 'rint', 'cbrt',
      'reciprocal', 'exp2', 'expm1', 'log1p', 'log2', 'log10', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'arcsinh',
      'arctanh', 'deg2rad', 'rad2deg', 'angle', 'negative', 'isnan', 'isinf', 'isfinite', 'conj', 'logicalNot'];
    for (const name of names) {
      const viaMethod = (x as any)[name]();
      const viaFunction = (np as any)[name](x);
      expect(viaMethod.toArray(), name).toEqual(viaFunction.toArray());
    }
    expect(np.array([1.5, 2]).arccosh().toArray()).toEqual(np.arccosh([1.5, 2]).toArray());
    for (const name of ['fmax', 'fmin', 'fmod', 'arctan2', 'hypot']) {
      expect((x as any)[name]([0.3, 0.6, 0.1]).toArray(), name).toEqual((np as any)[name](x, [0.3, 0.6, 0.1]).toArray());
    }
  });
});

describe('unary ufunc options', () => {
  it('writes into out (and returns it), broadcasting the input against it', () => {
    const out = np.zeros([2, 3]);
    const r = np.sqrt([1, 4, 9], { out });
    expect(r).toBe(out);
    expect(out.tolist()).toEqual([[1, 2, 3], [1, 2, 3]]);
  });
  it('computes in the dtype option', () => {
    expect(np.sqrt([2], { dtype: 'float32' }).dtype).toBe('float32');
    expect(np.sqrt([2], { dtype: 'float32' }).item()).toBe(Math.fround(Math.SQRT2));
  });
  it('leaves a traced-free input untouched and handles out aliasing the input', () => {
    const x = np.array([1, 4, 9], 'float64');
    np.sqrt(x, { out: x });
    expect(x.tolist()).toEqual([1, 2, 3]);
    const y = np.arange(6, undefined, 1, 'float64');
    np.negative(y.get('::-1'), { out: y }); // overlapping, reversed
    expect(y.tolist()).toEqual([-5, -4, -3, -2, -1, -0]);
  });
});

describe('unary ufunc bad input', () => {
  it('rejects out of the wrong shape, dtype or kind', () => {
    expect(() => np.exp([1, 2], { out: np.zeros([3]) })).toThrow(np.ShapeError);
    expect(() => np.exp([1, 2], { out: np.zeros([2], 'int32') })).toThrow(/Cannot cast ufunc 'exp' output from dtype\('float64'\) to dtype\('int32'\)/);
    expect(() => np.exp([1, 2], { out: [0, 0] as never })).toThrow(np.DTypeError);
  });
  it('rejects a dtype option that the input cannot be cast to', () => {
    expect(() => np.sign([new np.Complex(1, 1)], { dtype: 'int32' })).toThrow("Cannot cast ufunc 'sign' input from dtype('complex128') to dtype('int32') with casting rule 'same_kind'");
    expect(() => np.sqrt([1], { dtype: 'float16' as never })).toThrow(np.DTypeError);
  });
  it('rejects non-array input with a TypeError', () => {
    for (const f of Object.values(FUNCS)) expect(() => f({} as never)).toThrow(np.NumtsError);
    expect(() => np.sin([[1, 2], [3]])).toThrow(np.ValueError);
  });
  it('rejects options that are not an object', () => {
    expect(() => np.exp([1], 3 as never)).toThrow(np.DTypeError);
  });
});
