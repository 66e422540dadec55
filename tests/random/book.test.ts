/**
 * The book's seeded listings (`np.random.seed(0)` then module functions):
 * every random array they draw is NumPy's, bit for bit (SHA-256 of the
 * float64 bytes), and the numbers they print come out the same.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers';
import * as np from '../../src/random';
import { NDArray } from '../../src/core';
import { expectSameResult } from './replay';

const book = loadFixture<any>('random/streams.json').book;

function meanStd(a: NDArray): [number, number] {
  const v = a.toArray();
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
  return [mean, Math.sqrt(variance)];
}

describe('book listings with np.random.seed(0)', () => {
  it('ch02_02 forward pass: W, x, b', () => {
    np.seed(0);
    expectSameResult(np.randn(64, 128), book.ch02_02.W, 'W');
    expectSameResult(np.randn(128, 1), book.ch02_02.x, 'x');
    expectSameResult(np.randn(64, 1), book.ch02_02.b, 'b');
  });

  it('ch04_01 image batch (4,816,896 normals) and image', () => {
    np.seed(0);
    expectSameResult(np.randn(32, 3, 224, 224), book.ch04_01.batch, 'batch');
    expectSameResult(np.randn(3, 224, 224), book.ch04_01.image, 'image');
  });

  it('ch04_02 einsum inputs', () => {
    np.seed(0);
    expectSameResult(np.randn(3, 4), book.ch04_02.A, 'A');
    expectSameResult(np.randn(4, 5), book.ch04_02.B, 'B');
    expectSameResult(np.randn(8, 10, 64), book.ch04_02.Q, 'Q');
  });

  it('ch08_01 distributions and Xavier init print NumPy line', () => {
    np.seed(0);
    expectSameResult(np.normal(0, 1, 10000), book.ch08_01.normal, 'normal');
    expectSameResult(np.uniform(-3, 3, 10000), book.ch08_01.uniform, 'uniform');
    const w = np.normal(0, Math.sqrt(2.0 / (256 + 128)), [256, 128]) as NDArray;
    expectSameResult(w, book.ch08_01.weights, 'weights');
    const [m, s] = meanStd(w);
    expect(`Weight mean: ${m.toFixed(4)}, std: ${s.toFixed(4)}`).toBe(book.ch08_01.printed);
  });

  it('ch10_04 Metropolis–Hastings: the interleaved normal/random stream, and the printed moments', () => {
    np.seed(0);
    const draws = new Float64Array(100000);
    for (let i = 0; i < 50000; i++) {
      draws[2 * i] = np.normal(0, 1.0);
      draws[2 * i + 1] = np.random();
    }
    expectSameResult(new NDArray(draws, [100000], 'float64'), book.ch10_04_stream, 'stream');
    // the listing itself
    np.seed(0);
    const target = (x: number): number => 0.3 * Math.exp(-0.5 * (x + 2) ** 2) + 0.7 * Math.exp(-0.5 * (x - 3) ** 2);
    let x = 0;
    const samples: number[] = [];
    for (let i = 0; i < 50000; i++) {
      const xNew = x + np.normal(0, 1.0);
      if (np.random() < target(xNew) / target(x)) x = xNew;
      samples.push(x);
    }
    const kept = samples.slice(1000);
    const mean = kept.reduce((s, v) => s + v, 0) / kept.length;
    const std = Math.sqrt(kept.reduce((s, v) => s + (v - mean) ** 2, 0) / kept.length);
    expect(`Sample mean: ${mean.toFixed(3)}`).toBe('Sample mean: 1.514');
    expect(`Sample std:  ${std.toFixed(3)}`).toBe('Sample std:  2.492');
  });
});
