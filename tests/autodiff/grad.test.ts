/**
 * Reverse and forward mode on ordinary numts code: values, pytrees, argnums,
 * hasAux, nesting to any order, in-place writes, and the errors (non-scalar
 * output, bool inputs, no differentiable dependence, escaped tracers).
 * Expected values are closed-form derivatives; tolerances are stated per check.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { NDArray, TracerError, ValueError, DTypeError } from '../../src/index';
import { rebind, traceDepth } from '../../src/core';
import { grad, jvp, valueAndGrad, vjp, stopGradient } from '../../src/autodiff';
import { expectAllClose } from '../helpers';

const tol = { rtol: 1e-12, atol: 1e-14 };

describe('grad', () => {
  it('differentiates np functions and methods on arrays', () => {
    const f = (x: NDArray) => np.sum(np.square(x));
    expectAllClose(grad(f)(np.array([1, 2, 3])), [2, 4, 6], tol);
    const g = (x: NDArray) => x.mul(x).sum();
    expectAllClose(grad(g)(np.array([[1, -2], [0.5, 4]])), [[2, -4], [1, 8]], tol);
  });

  it('returns a number for a number and an array (float64) for an int array', () => {
    const d = grad((x: NDArray) => np.sin(np.square(x)))(2);
    expect(typeof d).toBe('number');
    expect(d).toBeCloseTo(Math.cos(4) * 4, 14);
    const gi = grad((x: NDArray) => np.sum(x.mul(x)))(np.array([1, 2]));
    expect(gi.dtype).toBe('float64');
    const g32 = grad((x: NDArray) => np.sum(x.mul(x)))(np.array([1, 2]).astype('float32'));
    expect(g32.dtype).toBe('float32');
  });

  it('nests to any order', () => {
    const f = (x: NDArray) => np.sin(np.square(x));
    // f'' = 2cos(x²) - 4x² sin(x²); f''' = -12x sin(x²) - 8x³ cos(x²)
    const x = 2;
    expect(grad(grad(f))(x)).toBeCloseTo(2 * Math.cos(4) - 16 * Math.sin(4), 12);
    expect(grad(grad(grad(f)))(x)).toBeCloseTo(-24 * Math.sin(4) - 64 * Math.cos(4), 11);
    const cube = (x: NDArray) => x.mul(x).mul(x);
    expect(grad(grad(grad(cube)))(1.5)).toBeCloseTo(6, 13);
  });

  it('handles closures over outer tracers (no perturbation confusion)', () => {
    // d/dx [ d/dy (x·y) at y=1 ] = d/dx x = 1
    const h = grad((x: NDArray) => grad((y: NDArray) => np.multiply(x, y))(1));
    expect(h(2)).toBeCloseTo(1, 15);
    // d/dx [x · d/dy (x + y)] = d/dx [x] = 1 (Siskind & Pearlmutter's example)
    const k = grad((x: NDArray) => np.multiply(x, grad((y: NDArray) => np.add(x, y))(1)));
    expect(k(3)).toBeCloseTo(1, 15);
  });

  it('takes argnums: one index, several (a tuple), negative', () => {
    const f = (x: NDArray, y: NDArray) => np.add(np.multiply(np.square(x), y), np.multiply(3, np.multiply(x, np.square(y))));
    expect(grad(f)(2, 3)).toBeCloseTo(39, 12);
    expect(grad(f, { argnums: 1 })(2, 3)).toBeCloseTo(4 + 36, 12);
    expect(grad(f, { argnums: -1 })(2, 3)).toBeCloseTo(40, 12);
    const [gx, gy] = grad(f, { argnums: [0, 1] })(2, 3);
    expect([gx, gy]).toEqual([39, 40]);
  });

  it('differentiates pytrees: objects and arrays of arrays', () => {
    const loss = (p: { w: NDArray; b: NDArray }, x: NDArray) => np.sum(np.square(np.add(np.matmul(x, p.w), p.b)));
    const x = np.array([[1, 2], [3, 4]]);
    const params = { w: np.array([0.5, -1]), b: 0.25 };
    const g = grad(loss)(params, x);
    // r = x w + b = [-1.25, -2.25]; dL/dw = 2 xᵀ r, dL/db = 2 Σ r
    expectAllClose(g.w, [2 * (1 * -1.25 + 3 * -2.25), 2 * (2 * -1.25 + 4 * -2.25)], tol);
    expect(g.b).toBeCloseTo(2 * (-1.25 - 2.25), 14);
    const list = grad((ws: NDArray[]) => np.sum(np.multiply(ws[0], ws[1])))([np.array([1, 2]), np.array([3, 4])]);
    expectAllClose(list[0], [3, 4], tol);
    expectAllClose(list[1], [1, 2], tol);
  });

  it('reads an array literal as one array', () => {
    const g = grad((x: NDArray) => np.sum(np.square(x)))([1, 2, 3]);
    expect(g).toBeInstanceOf(NDArray);
    expectAllClose(g, [2, 4, 6], tol);
  });

  it('passes aux through with hasAux', () => {
    const f = (x: NDArray): [number, { sq: NDArray }] => {
      const sq = np.square(x);
      return [np.sum(sq), { sq }];
    };
    const [g, aux] = grad(f, { hasAux: true })(np.array([1, 2]));
    expectAllClose(g, [2, 4], tol);
    expect(aux.sq.isTraced()).toBe(false);
    expectAllClose(aux.sq, [1, 4], tol);
  });

  it('does not modify the input arrays', () => {
    const x = np.array([1, 2, 3]).astype('float64');
    grad((v: NDArray) => {
      v.set(0, 10);
      v.iadd(1);
      return np.sum(v);
    })(x);
    expectAllClose(x, [1, 2, 3], { rtol: 0 });
  });
});

describe('valueAndGrad and vjp', () => {
  it('returns the value as a number beside the gradient', () => {
    const [v, g] = valueAndGrad((w: NDArray) => np.sum(np.square(w)))(np.array([1, 2]));
    expect(v).toBe(5);
    expectAllClose(g, [2, 4], tol);
    const [[v2, aux], g2] = valueAndGrad((w: NDArray): [number, string] => [np.sum(w), 'note'], { hasAux: true })(np.array([1, 2]));
    expect([v2, aux]).toEqual([3, 'note']);
    expectAllClose(g2, [1, 1], tol);
  });

  it('follows JAX for complex inputs: the gradient of |z|² at 3+4i is 6-8i', () => {
    const g = grad((z: NDArray) => np.real(np.multiply(z, np.conj(z))))(new np.Complex(3, 4));
    expect(g).toEqual(new np.Complex(6, -8));
  });

  it('vjp pulls back any cotangent, repeatedly', () => {
    const [y, pullback] = vjp((x: NDArray) => np.multiply(x, x), np.array([1, 2]));
    expectAllClose(y, [1, 4], tol);
    expectAllClose(pullback(np.array([1, 1]))[0], [2, 4], tol);
    expectAllClose(pullback(np.array([0, 3]))[0], [0, 12], tol);
    expect(() => pullback(np.array([1, 2, 3]))).toThrow(ValueError);
  });

  it('vjp of several arguments and a tree output', () => {
    const [out, pullback] = vjp((a: NDArray, b: NDArray) => ({ s: np.add(a, b), p: np.multiply(a, b) }), 2, 5);
    expect(out).toEqual({ s: 7, p: 10 });
    const [ga, gb] = pullback({ s: 1, p: 1 });
    expect([ga, gb]).toEqual([6, 3]);
  });

  it('gives zeros for an argument the output does not use', () => {
    const [ga, gb] = grad((a: NDArray, _b: NDArray) => np.sum(np.square(a)), { argnums: [0, 1] })(np.array([1, 2]), np.array([5, 6, 7]));
    expectAllClose(ga, [2, 4], tol);
    expectAllClose(gb, [0, 0, 0], { rtol: 0 });
  });
});

describe('jvp', () => {
  it('pushes tangents forward', () => {
    const [y, t] = jvp((x: NDArray) => np.sin(x), [0.5], [1]);
    expect(y).toBeCloseTo(Math.sin(0.5), 15);
    expect(t).toBeCloseTo(Math.cos(0.5), 15);
    const [p, tp] = jvp((a: NDArray, b: NDArray) => np.multiply(a, b), [np.array([1, 2]), np.array([3, 4])], [np.array([1, 0]), np.array([0, 1])]);
    expectAllClose(p, [3, 8], tol);
    expectAllClose(tp, [3, 2], tol);
  });

  it('composes with grad both ways (forward-over-reverse and reverse-over-forward)', () => {
    const f = (x: NDArray) => np.sin(np.square(x));
    const f2 = 2 * Math.cos(4) - 16 * Math.sin(4);
    expect(jvp(grad(f), [2], [1])[1]).toBeCloseTo(f2, 12);
    expect(grad((x: NDArray) => jvp(f, [x], [1])[1])(2)).toBeCloseTo(f2, 12);
    expect(jvp((x: NDArray) => jvp(f, [x], [1])[1], [2], [1])[1]).toBeCloseTo(f2, 12);
  });

  it('un-broadcasts tangents and cotangents', () => {
    const f = (x: NDArray) => np.sum(np.add(x, np.array([[1], [2]])), { axis: 0 });
    const [y, t] = jvp(f, [np.array([1, 2, 3])], [np.array([1, 1, 1])]);
    expectAllClose(y, [5, 7, 9], tol);
    expectAllClose(t, [2, 2, 2], tol);
    const g = grad((b: NDArray) => np.sum(np.multiply(np.ones([4, 3]), b)))(np.array([[1, 2, 3]]));
    expectAllClose(g, [[4, 4, 4]], tol);
  });

  it('rejects tangents that do not match', () => {
    expect(() => jvp((x: NDArray) => x, [np.array([1, 2])], [np.array([1, 2, 3])])).toThrow(ValueError);
    expect(() => jvp((x: NDArray) => x, [1, 2], [1])).toThrow(ValueError);
  });
});

describe('in-place writes on traced arrays', () => {
  it('set, iadd and fill differentiate through indexUpdate', () => {
    const f = (x: NDArray) => {
      const y = x.mul(1);
      y.set(0, np.multiply(y.get(1), y.get(2)));
      y.iadd(x);
      return np.sum(np.square(y));
    };
    // y = [x1x2 + x0, 2x1, 2x2]
    expectAllClose(grad(f)(np.array([1, 2, 3])), [14, 58, 52], tol);
    const masked = (x: NDArray) => {
      x.set(np.greater(x, 1), 0);
      return np.sum(x.mul(x));
    };
    expectAllClose(grad(masked)(np.array([0.5, 2, 3])), [1, 0, 0], tol);
    const filled = (x: NDArray) => {
      const y = x.mul(2);
      y.fill(3);
      return np.sum(np.add(y, x));
    };
    expectAllClose(grad(filled)(np.array([1, 2])), [1, 1], tol);
  });

  it('core rebind turns a plain buffer made inside f into a tracer (the mechanism a.set uses)', () => {
    const f = (x: NDArray) => {
      const buf = np.zeros([2]);
      rebind(buf, np.indexUpdate(buf, [1], np.sum(np.square(x))));
      expect(buf.isTraced()).toBe(true);
      return np.sum(buf);
    };
    expectAllClose(grad(f)(np.array([1, 2])), [2, 4], tol);
    expect(() => rebind(np.zeros([2]), np.zeros([3]))).toThrow(TracerError);
  });

  it('an accumulator made inside f: acc.iadd(traced) (the ops layer rebinds it)', () => {
    const f = (x: NDArray) => {
      const acc = np.zeros([2]);
      for (let k = 1; k <= 3; k++) acc.iadd(np.multiply(x, k));
      return np.sum(np.square(acc));
    };
    // acc = 6x, Σ 36 x²: gradient 72 x
    expectAllClose(grad(f)(np.array([1, -2])), [72, -144], tol);
  });

  it('in forward mode too', () => {
    const f = (x: NDArray) => {
      const y = x.mul(1);
      y.set(1, np.square(y.get(0)));
      return y;
    };
    const [, t] = jvp(f, [np.array([3, 5])], [np.array([1, 1])]);
    expectAllClose(t, [1, 6], tol);
  });
});

describe('errors', () => {
  it('non-scalar output', () => {
    expect(() => grad((x: NDArray) => np.square(x))(np.array([1, 2]))).toThrow(/scalar \(0-d\) output.*shape \(2,\)/);
    expect(() => grad((x: NDArray) => [np.sum(x), np.sum(x)])(np.array([1, 2]))).toThrow(ValueError);
  });

  it('bool inputs and integer or complex outputs', () => {
    expect(() => grad((x: NDArray) => np.sum(x))(np.array([true, false]))).toThrow(DTypeError);
    expect(() => grad((x: NDArray) => np.sum(x.astype('int32')))(np.array([1, -2]))).toThrow(/float output.*int32/);
    expect(() => grad((x: NDArray) => np.sum(x.astype('complex128')))(np.array([1, -2]))).toThrow(/real-valued output/);
  });

  it('an output that does not depend on the input differentiably', () => {
    const f = (x: NDArray) => np.mean(np.greater(x, 0));
    expect(() => grad(f)(np.array([1, -2]))).toThrow(TracerError);
    expect(() => grad(f)(np.array([1, -2]))).toThrow(/does not depend/);
    expectAllClose(grad(f, { allowUnused: true })(np.array([1, -2])), [0, 0], { rtol: 0 });
    expect(() => grad((x: NDArray) => np.sum(stopGradient(x)))(np.array([1]))).toThrow(TracerError);
  });

  it('a traced value used as a JavaScript number', () => {
    expect(() => grad((x: NDArray) => np.array(Math.exp(x as unknown as number)))(1)).toThrow(TracerError);
  });

  it('escaped tracers, detected by bind', () => {
    let leaked: NDArray | null = null;
    grad((x: NDArray) => {
      leaked = np.multiply(x, 2);
      return np.sum(x);
    })(np.array([1, 2]));
    expect(() => np.add(leaked as unknown as NDArray, 1)).toThrow(/escaped/);
    // also when a new trace now occupies the same level
    expect(() => grad((x: NDArray) => np.sum(np.add(x, leaked as unknown as NDArray)))(np.array([1, 2]))).toThrow(/escaped/);
    // and when f returns a tracer of an inner transform
    let inner: NDArray | null = null;
    expect(() =>
      grad((x: NDArray) => {
        grad((y: NDArray) => {
          inner = np.multiply(y, x);
          return np.sum(inner);
        })(np.array([1, 1]));
        return np.sum(inner as unknown as NDArray);
      })(np.array([1, 2])),
    ).toThrow(TracerError);
  });

  it('leaves the trace stack clean when f throws', () => {
    expect(() => grad((x: NDArray) => np.sum(np.add(x, np.zeros([3]))))(np.array([1, 2]))).toThrow(ValueError);
    expect(() => jvp(() => { throw new Error('boom'); }, [1], [1])).toThrow('boom');
    expect(traceDepth()).toBe(0);
    expect(grad((x: NDArray) => np.sum(np.square(x)))(3)).toBe(6);
  });

  it('bad argnums and hasAux shapes', () => {
    expect(() => grad((x: NDArray) => np.sum(x), { argnums: 2 })(1)).toThrow(/out of range/);
    expect(() => grad((x: NDArray, y: NDArray) => np.sum(np.add(x, y)), { argnums: [0, 0] })(1, 2)).toThrow(/repeated/);
    expect(() => grad((x: NDArray) => np.sum(x), { hasAux: true })(1)).toThrow(/\[output, aux\]/);
    expect(() => grad((x: NDArray) => np.sum(x))('a' as unknown as number)).toThrow(/expected a number/);
  });
});
