/**
 * real / imag / conj / angle and where: values from NumPy 2.4 (quoted in the
 * tests), views that write through, dtypes, and bad input.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';

const C = (re: number, im: number) => new np.Complex(re, im);

describe('complex parts', () => {
  it('real and imag are float64 views of a complex array; writes go through', () => {
    const z = np.array([C(1, 2), C(-3, -0.5)]);
    const re = np.real(z), im = np.imag(z);
    expect(re.toArray()).toEqual([1, -3]);
    expect(im.toArray()).toEqual([2, -0.5]);
    re.set(0, 10);
    im.set(1, 7);
    expect(z.tolist()).toEqual([C(10, 2), C(-3, 7)]);
    expect(z.real.toArray()).toEqual([10, -3]);
  });
  it('real of a real array is the array itself; imag is zeros of its dtype', () => {
    const x = np.array([1, 2]);
    expect(np.real(x)).toBe(x);
    expect(np.imag(x).dtype).toBe('int32');
    expect(np.imag(np.array([1.5], 'float32')).dtype).toBe('float32');
    expect(np.imag([1.5, 2]).toArray()).toEqual([0, 0]);
  });
  it('conj negates imaginary parts and is the identity on reals', () => {
    expect(np.conj(np.array([C(1, 2), C(0, -1)])).tolist()).toEqual([C(1, -2), C(0, 1)]);
    expect(np.conj([1.5, -2]).toArray()).toEqual([1.5, -2]);
  });
  it('angle matches np.angle, including -0 (π) and NaN', () => {
    // np.angle([1+2j, -3-0.5j, -2+0j, 0j, complex(-0.0, -1)])
    expect(np.angle(np.array([C(1, 2), C(-3, -0.5), C(-2, 0), C(0, 0), C(-0, -1)])).toArray()).toEqual([
      1.1071487177940904, -2.976443976175166, 3.141592653589793, 0, -1.5707963267948966,
    ]);
    // np.angle([-1., -0., 0., 2., nan])
    const r = np.angle([-1, -0, 0, 2, NaN]).toArray();
    expect(r.slice(0, 4)).toEqual([Math.PI, Math.PI, 0, 0]);
    expect(r[4]).toBeNaN();
  });
  it('rejects non-array input', () => {
    for (const f of [np.real, np.imag, np.conj, np.angle]) expect(() => f({} as never)).toThrow(np.NumtsError);
  });
});

describe('where', () => {
  it('selects with broadcasting and promotes x and y (np.where([1, 0, 2], [1.5, 2.5, 3.5], 0) = [1.5 0. 3.5])', () => {
    expect(np.where(np.array([1, 0, 2]), [1.5, 2.5, 3.5], 0).toArray()).toEqual([1.5, 0, 3.5]);
    expect(np.where([true, false], 1, 2.5).dtype).toBe('float64');
    expect(np.where([[true], [false]], [1, 2], [10, 20]).tolist()).toEqual([[1, 2], [10, 20]]);
    expect(np.where([true, false], np.array([C(1, 1), C(2, 2)]), 0).tolist()).toEqual([C(1, 1), C(0, 0)]);
  });
  it('with only a condition gives the indices of the non-zero elements', () => {
    const [i] = np.where([0, 3, 0, 4]);
    expect(i.toArray()).toEqual([1, 3]);
  });
  it('rejects one of x/y alone and shapes that do not broadcast', () => {
    expect(() => np.where([true], 1, undefined as never)).toThrow('either both or neither of x and y should be given');
    expect(() => np.where(np.zeros([2, 3]), np.zeros([4]), 0)).toThrow(np.ShapeError);
    expect(() => np.where({} as never, 1, 2)).toThrow(np.NumtsError);
  });
});
