/**
 * A bad-input test for every public function of the data-model area (creation, indexing, shape,
 * joining, rearranging, sorting): the numts error class and NumPy's message (checked against
 * NumPy 2.4 by hand where not already in a fixture; fixture-backed ones are in tests/core/*.test.ts
 * and tests/ops/shapeOps.test.ts). The last test fails when a public function has no entry here.
 */
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';

type Cls = new (...a: never[]) => Error;
const RAGGED = 'setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.';
const ragged = [[1], [2, 3]] as never;
const TypeErr = np.NumtsError; // numts' TypeError is a NumtsError named 'TypeError'

/** name → [thunk, class, NumPy's message (string: exact; RegExp: pattern)] */
const CASES: Record<string, [() => unknown, Cls, string | RegExp][]> = {
  array: [[() => np.array(ragged), np.ValueError, RAGGED]],
  asarray: [[() => np.asarray(ragged), np.ValueError, RAGGED]],
  zeros: [[() => np.zeros([2, -1]), np.ValueError, 'negative dimensions are not allowed']],
  ones: [[() => np.ones([1.5]), TypeErr, /'float' object cannot be interpreted as an integer/]],
  full: [[() => np.full([-1], 0), np.ValueError, 'negative dimensions are not allowed']],
  empty: [[() => np.empty([-3]), np.ValueError, 'negative dimensions are not allowed']],
  zerosLike: [[() => np.zerosLike(ragged), np.ValueError, RAGGED]],
  onesLike: [[() => np.onesLike(ragged), np.ValueError, RAGGED]],
  fullLike: [[() => np.fullLike(ragged, 1), np.ValueError, RAGGED]],
  emptyLike: [[() => np.emptyLike(ragged), np.ValueError, RAGGED]],
  eye: [
    [() => np.eye(-1), np.ValueError, 'negative dimensions are not allowed'],
    [() => np.eye(2, 2, 0.5), TypeErr, "'float' object cannot be interpreted as an integer"],
  ],
  identity: [[() => np.identity(-1), np.ValueError, 'negative dimensions are not allowed']],
  arange: [[() => np.arange(0, 1, 0), np.ValueError, 'division by zero']],
  linspace: [[() => np.linspace(0, 1, -2), np.ValueError, 'Number of samples, -2, must be non-negative.']],
  logspace: [[() => np.logspace(0, 1, -2), np.ValueError, 'Number of samples, -2, must be non-negative.']],
  diag: [[() => np.diag(np.zeros([1, 1, 1])), np.ValueError, 'Input must be 1- or 2-d.']],
  diagflat: [[() => np.diagflat([1], 1.5), TypeErr, "'float' object cannot be interpreted as an integer"]],
  tri: [[() => np.tri(-2), np.ValueError, 'negative dimensions are not allowed']],
  tril: [[() => np.tril(ragged), np.ValueError, RAGGED]],
  triu: [[() => np.triu(ragged), np.ValueError, RAGGED]],
  meshgrid: [[() => np.meshgrid([1], { indexing: 'x' as never }), np.ValueError, "Valid values for `indexing` are 'xy' and 'ij'."]],
  indices: [[() => np.indices([-1]), np.ValueError, 'negative dimensions are not allowed']],
  fromFunction: [[() => np.fromFunction((i) => i, [-1]), np.ValueError, 'negative dimensions are not allowed']],
  reshape: [[() => np.reshape(np.zeros(6), [4]), np.ValueError, 'cannot reshape array of size 6 into shape (4,)']],
  transpose: [[() => np.transpose(np.zeros([2, 3]), [1]), np.ValueError, "axes don't match array"]],
  swapaxes: [[() => np.swapaxes(np.zeros(2), -2, 0), np.AxisError, 'axis1: axis -2 is out of bounds for array of dimension 1']],
  moveaxis: [[() => np.moveaxis(np.zeros([2, 3]), 3, 0), np.AxisError, 'source: axis 3 is out of bounds for array of dimension 2']],
  broadcastTo: [[() => np.broadcastTo(np.zeros([2, 3]), [3, 3]), np.ValueError, 'operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)  and requested shape (3,3)']],
  broadcastArrays: [[() => np.broadcastArrays(np.zeros(2), np.zeros(3)), np.ValueError, 'shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (3,).']],
  expandDims: [[() => np.expandDims(np.zeros(2), [0, 5]), np.AxisError, 'axis 5 is out of bounds for array of dimension 3']],
  squeeze: [[() => np.squeeze(np.zeros([1, 2]), [0, 0]), np.ValueError, "duplicate value in 'axis'"]],
  ravel: [[() => np.ravel(ragged), np.ValueError, RAGGED]],
  copy: [[() => np.copy(ragged), np.ValueError, RAGGED]],
  flatten: [[() => np.flatten(ragged), np.ValueError, RAGGED]],
  ascontiguousarray: [[() => np.ascontiguousarray(ragged), np.ValueError, RAGGED]],
  astype: [[() => np.astype([1.5], 'int32', { casting: 'same_kind' }), TypeErr, "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'"]],
  indexUpdate: [
    [() => np.indexUpdate(np.zeros(3), 3, 1), np.IndexError, 'index 3 is out of bounds for axis 0 with size 3'],
    [() => np.indexUpdate(np.zeros([2, 3]), [[0, 1], [0, 1]], [1, 2, 3]), np.ValueError, 'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)'],
  ],
  take: [[() => np.take(np.zeros([3, 4]), [3], { axis: 0 }), np.IndexError, 'index 3 is out of bounds for axis 0 with size 3']],
  put: [
    [() => np.put(np.zeros(12), [13], [1]), np.IndexError, 'index 13 is out of bounds for axis 0 with size 12'],
    [() => np.put(np.zeros(0), [0], [1]), np.IndexError, 'cannot replace elements of an empty array'],
  ],
  takeAlongAxis: [
    [() => np.takeAlongAxis(np.zeros([2, 2]), np.zeros([2, 2]), 1), np.IndexError, '`indices` must be an integer array'],
    [() => np.takeAlongAxis(np.zeros(3), [[0]], null), np.ValueError, 'when axis=None, `indices` must have a single dimension.'],
  ],
  putAlongAxis: [[() => np.putAlongAxis(np.zeros([2, 2]), [0, 1], 1, 1), np.ValueError, '`indices` and `arr` must have the same number of dimensions']],
  nonzero: [[() => np.nonzero(5), np.ValueError, 'Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.']],
  flatnonzero: [[() => np.flatnonzero(ragged), np.ValueError, RAGGED]],
  argwhere: [[() => np.argwhere(ragged), np.ValueError, RAGGED]],
  ix_: [[() => np.ix_([[1]]), np.ValueError, 'Cross index must be 1 dimensional']],
  concatenate: [[() => np.concatenate([]), np.ValueError, 'need at least one array to concatenate']],
  stack: [[() => np.stack([np.zeros(2), np.zeros(3)]), np.ValueError, 'all input arrays must have the same shape']],
  vstack: [[() => np.vstack([np.zeros(3), np.zeros(2)]), np.ValueError, 'all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2']],
  hstack: [[() => np.hstack([]), np.ValueError, 'need at least one array to concatenate']],
  dstack: [[() => np.dstack([np.zeros(3), np.zeros(2)]), np.ValueError, /must match exactly, but along dimension 1/]],
  columnStack: [[() => np.columnStack([np.zeros(2), np.zeros(3)]), np.ValueError, /but along dimension 0, the array at index 0 has size 2 and the array at index 1 has size 3/]],
  append: [[() => np.append([[1, 2]], [3, 4], 0), np.ValueError, /all the input arrays must have same number of dimensions/]],
  atleast1d: [[() => np.atleast1d(ragged), np.ValueError, RAGGED]],
  atleast2d: [[() => np.atleast2d(ragged), np.ValueError, RAGGED]],
  atleast3d: [[() => np.atleast3d(ragged), np.ValueError, RAGGED]],
  split: [[() => np.split(np.arange(5), 2), np.ValueError, 'array split does not result in an equal division']],
  arraySplit: [[() => np.arraySplit(np.arange(5), 0), np.ValueError, 'number sections must be larger than 0.']],
  hsplit: [[() => np.hsplit(5, 1), np.ValueError, 'hsplit only works on arrays of 1 or more dimensions']],
  vsplit: [[() => np.vsplit([1, 2], 2), np.ValueError, 'vsplit only works on arrays of 2 or more dimensions']],
  dsplit: [[() => np.dsplit([[1, 2]], 2), np.ValueError, 'dsplit only works on arrays of 3 or more dimensions']],
  flip: [[() => np.flip([1, 2], 1), np.AxisError, 'axis 1 is out of bounds for array of dimension 1']],
  fliplr: [[() => np.fliplr([1, 2]), np.ValueError, 'Input must be >= 2-d.']],
  flipud: [[() => np.flipud(5), np.ValueError, 'Input must be >= 1-d.']],
  rot90: [[() => np.rot90([[1]], 1, [1, 1]), np.ValueError, 'Axes must be different.']],
  roll: [[() => np.roll([1, 2], [1, 2, 3], [0, 0]), np.ValueError, /shape mismatch: objects cannot be broadcast to a single shape/]],
  tile: [[() => np.tile([1], 1.5), TypeErr, "'float' object cannot be interpreted as an integer"]],
  repeat: [[() => np.repeat([1, 2], [1, -1]), np.ValueError, 'repeats may not contain negative values.']],
  pad: [
    [() => np.pad([1, 2], 1.5), TypeErr, '`pad_width` must be of integral type.'],
    [() => np.pad([1, 2], 1, { mode: 'foo' as never }), np.ValueError, "mode 'foo' is not supported"],
  ],
  sort: [[() => np.sort([1, 2], { kind: 'foo' as never }), np.ValueError, "sort kind must be one of 'quick', 'heap', or 'stable' (got 'foo')"]],
  argsort: [[() => np.argsort(np.zeros(3), 2), np.AxisError, 'axis 2 is out of bounds for array of dimension 1']],
  unique: [[() => np.unique(np.zeros(3), { axis: 1 }), np.AxisError, 'axis 1 is out of bounds for array of dimension 1']],
  searchsorted: [[() => np.searchsorted([1, 2], 1, { side: 'middle' as never }), np.ValueError, "search side must be 'left' or 'right' (got 'middle')"]],
  getIndex: [[() => np.zeros([2, 3]).get(0, 0, 0), np.IndexError, 'too many indices for array: array is 2-dimensional, but 3 were indexed']],
  setIndex: [[() => np.zeros([2, 3]).set([0, 1], [0, 1], [1, 2, 3]), np.ValueError, 'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)']],
};

describe('bad input: numts class and NumPy message', () => {
  for (const [name, list] of Object.entries(CASES)) {
    it(name, () => {
      for (const [fn, cls, msg] of list) {
        let thrown: unknown;
        try {
          fn();
        } catch (e) {
          thrown = e;
        }
        expect(thrown, `${name} did not throw`).toBeInstanceOf(cls);
        if (cls === TypeErr) expect((thrown as Error).name).toBe('TypeError');
        if (typeof msg === 'string') expect((thrown as Error).message).toBe(msg);
        else expect((thrown as Error).message).toMatch(msg);
      }
    });
  }
  it('a.sort() needs an integer axis (the flattened sort is np.sort(a, null))', () => {
    expect(() => np.zeros(2).sort(null as never)).toThrow(np.ValueError);
  });
  it('every public function of this area has an entry', () => {
    const area = [
      'array', 'asarray', 'zeros', 'ones', 'full', 'empty', 'zerosLike', 'onesLike', 'fullLike', 'emptyLike', 'eye', 'identity', 'arange',
      'linspace', 'logspace', 'diag', 'diagflat', 'tri', 'tril', 'triu', 'meshgrid', 'indices', 'fromFunction', 'reshape', 'transpose',
      'swapaxes', 'moveaxis', 'broadcastTo', 'broadcastArrays', 'expandDims', 'squeeze', 'ravel', 'copy', 'flatten', 'ascontiguousarray',
      'astype', 'indexUpdate', 'take', 'put', 'takeAlongAxis', 'putAlongAxis', 'nonzero', 'flatnonzero', 'argwhere', 'ix_', 'concatenate',
      'stack', 'vstack', 'hstack', 'dstack', 'columnStack', 'append', 'atleast1d', 'atleast2d', 'atleast3d', 'split', 'arraySplit', 'hsplit',
      'vsplit', 'dsplit', 'flip', 'fliplr', 'flipud', 'rot90', 'roll', 'tile', 'repeat', 'pad', 'sort', 'argsort', 'unique', 'searchsorted',
    ];
    // a.get / a.set (getIndex / setIndex behind them) are methods, not np functions; their cases are above.
    expect(CASES.getIndex).toBeDefined();
    expect(CASES.setIndex).toBeDefined();
    for (const name of area) {
      expect(typeof (np as Record<string, unknown>)[name], `np.${name} is exported`).toBe('function');
      expect(CASES[name], `np.${name} has a bad-input case`).toBeDefined();
    }
  });
});
