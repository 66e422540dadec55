/**
 * Differential tests against ml-matrix (a second, independent
 * implementation: JAMA's algorithms) on random well-conditioned matrices of
 * sizes 1…40: inverse, determinant, solve, Cholesky, QR (R up to row signs),
 * singular values, symmetric and general eigenvalues, pseudo-inverse; and
 * against mathjs for inv, det, lusolve and symmetric eigenvalues (entries of
 * order 1: mathjs's det is unreliable on small-magnitude matrices, DESIGN.md).
 * Tolerance: 1e-9 relative to the largest entry (both codes are backward
 * stable; the matrices have condition numbers below ~1e3).
 */
import fc from 'fast-check';
import { CholeskyDecomposition, EVD, Matrix, QrDecomposition, SVD, determinant, inverse, pseudoInverse, solve } from 'ml-matrix';
import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import * as np from '../../src/index';
import { expectNear, expectSameEigenvalues, maxAbs } from './util';

const L = np.linalg;

/** A seeded random matrix, diagonally shifted so it is well conditioned. */
const wellConditioned = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([n, seed]) => {
    let s = seed;
    const rand = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    const rows = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rand() + (i === j ? n : 0)));
    return rows;
  });

const RUNS = { numRuns: 12 };
const tol = (x: unknown): number => 1e-9 * Math.max(1, maxAbs(x));

describe('against ml-matrix', () => {
  it('inverse, determinant, solve', () => {
    fc.assert(
      fc.property(wellConditioned, (rows) => {
        const M = new Matrix(rows);
        expectNear(L.inv(rows), inverse(M).to2DArray(), tol(inverse(M).to2DArray()), 'inv');
        const d = determinant(M);
        expect(Math.abs((L.det(rows) as number) - d)).toBeLessThanOrEqual(1e-9 * Math.abs(d));
        const b = rows.map((_, i) => [i + 1]);
        expectNear(L.solve(rows, b), solve(M, new Matrix(b)).to2DArray(), tol(b), 'solve');
      }),
      RUNS,
    );
  });

  it('Cholesky and QR', () => {
    fc.assert(
      fc.property(wellConditioned, (rows) => {
        const a = np.array(rows);
        const spd = np.add(np.matmul(a, a.T), np.eye(rows.length));
        const ch = new CholeskyDecomposition(new Matrix(spd.tolist() as number[][]));
        expectNear(L.cholesky(spd), ch.lowerTriangularMatrix.to2DArray(), tol(spd), 'L');
        // R is unique up to the signs of its rows.
        const R = L.qr(a).R.tolist() as number[][];
        const R2 = new QrDecomposition(new Matrix(rows)).upperTriangularMatrix.to2DArray();
        const fix = (r: number[][]): number[][] => r.map((row, i) => (row[i] < 0 ? row.map((x) => -x) : row));
        expectNear(fix(R), fix(R2), tol(R2), 'R');
      }),
      RUNS,
    );
  });

  it('singular values, eigenvalues (symmetric and general), pseudo-inverse', () => {
    fc.assert(
      fc.property(wellConditioned, (rows) => {
        const M = new Matrix(rows);
        const s = new SVD(M).diagonal;
        expectNear(L.svd(rows, { computeUv: false }), s, tol(s), 'S');
        const sym = np.add(np.array(rows), np.array(rows).T);
        const evd = new EVD(new Matrix(sym.tolist() as number[][]), { assumeSymmetric: true });
        expectNear(L.eigvalsh(sym), [...evd.realEigenvalues].sort((x, y) => x - y), tol(sym), 'eigvalsh');
        const g = new EVD(M);
        const expected = g.realEigenvalues.map((re, i) => ({ re, im: g.imaginaryEigenvalues[i] }));
        expectSameEigenvalues(L.eigvals(rows), expected, tol(rows), 'eigvals');
        expectNear(L.pinv(rows), pseudoInverse(M).to2DArray(), tol(pseudoInverse(M).to2DArray()), 'pinv');
      }),
      RUNS,
    );
  });
});

describe('against mathjs', () => {
  it('inv, det, lusolve, eigs of symmetric matrices', () => {
    fc.assert(
      fc.property(wellConditioned.filter((r) => r.length <= 12), (rows) => {
        expectNear(L.inv(rows), math.inv(rows) as number[][], tol(rows), 'inv');
        const d = math.det(rows) as number;
        expect(Math.abs((L.det(rows) as number) - d)).toBeLessThanOrEqual(1e-9 * Math.abs(d));
        const b = rows.map((_, i) => [i + 1]);
        expectNear(L.solve(rows, b), math.lusolve(rows, b) as number[][], tol(b), 'lusolve');
        const sym = np.add(np.array(rows), np.array(rows).T).tolist() as number[][];
        const values = (math.eigs(sym).values as unknown as number[]).slice().sort((x, y) => x - y);
        expectNear(L.eigvalsh(sym), values, tol(sym), 'eigs');
      }),
      RUNS,
    );
  });
});
