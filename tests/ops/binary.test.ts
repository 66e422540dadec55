/**
 * Binary ufuncs against NumPy (tests/fixtures/ops/binary.json, scripts/fixtures/ops_binary.py):
 * 23 functions × 25 operand pairs (broadcasting, NEP 50 weak scalars, every dtype pair that
 * matters, NaN/±inf/±0 outer products, integer division by zero, complex, 0-d, empty, views,
 * errors). Tolerances: real arithmetic, comparisons, extrema and floor division/remainder are
 * bit-exact (signed zeros included); power/arctan2/hypot rtol 1e-15 (libm differences of an
 * ulp); complex results rtol 1e-13 (NumPy's build contracts complex products into FMAs).
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { loadFixture } from '../helpers';
import { expectCase, operand, type EncOperand, type Expected, type Tol } from './opsFixtures';

interface Case {
  func: string;
  pair: string;
  a: EncOperand;
  b: EncOperand;
  out: Expected;
}

type F = (a: np.ArrayLike, b: np.ArrayLike) => unknown;
const FUNCS: Record<string, F> = {
  add: np.add, subtract: np.subtract, multiply: np.multiply, divide: np.divide, power: np.power,
  floor_divide: np.floorDivide, remainder: np.mod, fmod: np.fmod, maximum: np.maximum, minimum: np.minimum,
  fmax: np.fmax, fmin: np.fmin, arctan2: np.arctan2, hypot: np.hypot, equal: np.equal, not_equal: np.notEqual,
  less: np.less, less_equal: np.lessEqual, greater: np.greater, greater_equal: np.greaterEqual,
  logical_and: np.logicalAnd, logical_or: np.logicalOr, logical_xor: np.logicalXor,
};

function tolerance(c: Case): Tol {
  const complex = 'dtype' in c.out && c.out.dtype === 'complex128';
  if (complex) return { rtol: 1e-13, atol: 1e-300 };
  if (c.func === 'power' || c.func === 'arctan2' || c.func === 'hypot') {
    return 'dtype' in c.out && c.out.dtype === 'float32' ? { rtol: 2e-7 } : { rtol: 1e-15 };
  }
  return { exact: true };
}

/** numts' int32 stands in for NumPy's int64; the only place the fixtures see the difference is uint8 overflow, which both wrap. */
const cases = loadFixture<{ cases: Case[] }>('ops/binary.json').cases;

describe('binary ufuncs match NumPy', () => {
  const byFunc = new Map<string, Case[]>();
  for (const c of cases) byFunc.set(c.func, [...(byFunc.get(c.func) ?? []), c]);
  for (const [func, list] of byFunc) {
    it(`${func} (${list.length} operand pairs)`, () => {
      const f = FUNCS[func];
      expect(f, func).toBeDefined();
      for (const c of list) {
        const a = operand(c.a);
        const b = operand(c.b);
        expectCase(() => f(a, b), c.out, tolerance(c), `${func}(${c.pair})`);
        // The method spelling agrees with the function (same primitive).
        if (a instanceof np.NDArray && !('error' in c.out) && func in METHOD) {
          expectCase(() => (a as any)[METHOD[func]](b), c.out, tolerance(c), `${func}(${c.pair}) as a method`);
        }
      }
    });
  }
});

const METHOD: Record<string, string> = {
  add: 'add', subtract: 'subtract', multiply: 'multiply', divide: 'divide', power: 'power', floor_divide: 'floorDivide',
  remainder: 'mod', maximum: 'maximum', minimum: 'minimum', equal: 'eq', not_equal: 'ne', less: 'lt', less_equal: 'le',
  greater: 'gt', greater_equal: 'ge', logical_and: 'logicalAnd', logical_or: 'logicalOr', logical_xor: 'logicalXor',
};

describe('binary ufunc options', () => {
  it('writes into out, and broadcasts the inputs against it', () => {
    const out = np.zeros([2, 3]);
    expect(np.add([1, 2, 3], 1, { out })).toBe(out);
    expect(out.tolist()).toEqual([[2, 3, 4], [2, 3, 4]]);
  });
  it('casts the result into out under same_kind (float → float32 allowed, float → int refused)', () => {
    const o32 = np.zeros([2], 'float32');
    np.divide([1, 2], 3, { out: o32 });
    expect(o32.toArray()).toEqual([Math.fround(1 / 3), Math.fround(2 / 3)]);
    expect(() => np.divide([1, 2], 3, { out: np.zeros([2], 'int32') })).toThrow(
      "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
  });
  it('computes in the dtype option and checks the inputs cast to it', () => {
    expect(np.add([1, 2], [3, 4], { dtype: 'float32' }).dtype).toBe('float32');
    expect(() => np.add(np.array([1.5]), 1, { dtype: 'int32' })).toThrow(
      "Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
  });
  it('handles out that overlaps an input in another layout (through a temporary)', () => {
    const a = np.arange(6, undefined, 1, 'float64');
    np.add(a, a.get('::-1'), { out: a });
    expect(a.toArray()).toEqual([5, 5, 5, 5, 5, 5]);
    const m = np.arange(9, undefined, 1, 'float64').reshape(3, 3);
    np.subtract(m, m.T, { out: m });
    expect(m.tolist()).toEqual([[0, -2, -4], [2, 0, -2], [4, 2, 0]]);
  });
  it('keeps weak scalars weak: float32 stays float32, uint8 stays uint8 and wraps', () => {
    expect(np.multiply(np.array([1, 2], 'float32'), 0.5).dtype).toBe('float32');
    expect(np.add(np.array([250], 'uint8'), 10).toArray()).toEqual([4]);
    expect(np.add(np.array([1], 'int32'), 0.5).dtype).toBe('float64');
  });
  it('compares integer arrays with out-of-range integers exactly, as NumPy 2', () => {
    expect(np.less(np.array([1, 255], 'uint8'), 300).toArray()).toEqual([1, 1]);
    expect(np.equal(np.array([44], 'uint8'), 300).toArray()).toEqual([0]);
  });
});

describe('binary ufunc bad input', () => {
  it('every binary function rejects shapes that do not broadcast with NumPy\'s message', () => {
    for (const [name, f] of Object.entries(FUNCS)) {
      expect(() => f(np.zeros([2, 3]), np.zeros([4])), name).toThrow('operands could not be broadcast together with shapes (2,3) (4,) ');
    }
  });
  it('every binary function rejects non-array input', () => {
    for (const [name, f] of Object.entries(FUNCS)) expect(() => f({} as never, 1), name).toThrow(np.NumtsError);
  });
  it('refuses an integer scalar out of the array dtype\'s range (NumPy\'s OverflowError)', () => {
    expect(() => np.add(np.array([1], 'uint8'), 300)).toThrow('Python integer 300 out of bounds for uint8');
    expect(() => np.add(np.array([1], 'uint8'), -1)).toThrow(np.ValueError);
  });
  it('refuses out of the wrong shape or a non-array out', () => {
    expect(() => np.add([1, 2], 1, { out: np.zeros([3]) })).toThrow(np.ShapeError);
    expect(() => np.add([1, 2], [1, 2], { out: np.zeros([1]) })).toThrow(
      "non-broadcastable output operand with shape (1,) doesn't match the broadcast shape (2,)",
    );
    expect(() => np.add([1, 2], 1, { out: {} as never })).toThrow(np.DTypeError);
  });
});

describe('in-place arithmetic (a += b …)', () => {
  it('writes into the array and returns it', () => {
    const a = np.array([1, 2, 3]);
    expect(a.iadd(1)).toBe(a);
    expect(a.toArray()).toEqual([2, 3, 4]);
    a.isub([1, 1, 1]).imul(2);
    expect(a.toArray()).toEqual([2, 4, 6]);
    const f = np.array([1, 2], 'float64');
    f.idiv(4);
    expect(f.toArray()).toEqual([0.25, 0.5]);
  });
  it('follows NumPy\'s same_kind casting: intArr += 1.5 and intArr /= 2 raise', () => {
    const a = np.array([1, 2]);
    expect(() => a.iadd(1.5)).toThrow("Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    expect(() => a.idiv(2)).toThrow(np.DTypeError);
    expect(a.toArray()).toEqual([1, 2]);
    const f32 = np.array([1, 2], 'float32');
    f32.iadd(np.array([0.1, 0.2])); // float64 into float32 is same_kind
    expect(f32.toArray()).toEqual([Math.fround(1.1), Math.fround(2.2)]);
  });
  it('broadcasts the operand but never the target', () => {
    const a = np.zeros([2, 3]);
    a.iadd([1, 2, 3]);
    expect(a.tolist()).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(() => np.zeros([3]).iadd(np.ones([2, 3]))).toThrow("non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
  });
  it('writes through views into their base', () => {
    const a = np.zeros([2, 3]);
    a.get(':, 1').iadd(5);
    expect(a.tolist()).toEqual([[0, 5, 0], [0, 5, 0]]);
  });
});
