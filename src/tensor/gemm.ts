/**
 * The float64 GEMM kernel, `C += alpha · A · B`, in plain JavaScript: the
 * BLIS design (Van Zee & van de Geijn, "BLIS: A Framework for Rapidly
 * Instantiating BLAS Functionality", ACM TOMS 2015; Goto & van de Geijn,
 * "Anatomy of High-Performance Matrix Multiplication", ACM TOMS 2008).
 *
 * Loops, outermost first: columns of B in blocks of NC; the depth in blocks of
 * KC (the KC×NC panel of B is packed); rows of A in blocks of MC (the MC×KC
 * block of A is packed); then NR-wide and MR-tall micro-tiles, each computed
 * by a register-blocked micro-kernel whose MR·NR accumulators are scalar
 * locals. Packing reads A and B through arbitrary strides (transposed, sliced,
 * negative, the stride-2 planes of complex storage), so callers never copy.
 *
 * Tuning on this machine (AMD EPYC Zen 4 at 2.6 GHz, Node 20 / V8 11.3, one
 * thread, 1024×1024 float64, GFLOPS of the best of 5–8 runs; a plain i-k-j
 * loop does 1.1, ml-matrix 0.7). MR×NR micro-kernel shapes against the way the
 * packed panels are held (MC=128, KC=256 unless noted):
 *
 *   Float64Array arguments:       4×4 4.3–4.6, 4×3 4.5, 3×4 4.2, 2×4 4.3, 4×2 4.3,
 *                                 6×2 4.1, 2×6 3.9, 8×2 4.3, 2×8 4.3, 2×2 3.0
 *   … indices as `(p + c) | 0`:   4×4 4.1, 4×3 4.4, 4×2 4.6, 2×4 4.6, 3×3 5.0
 *   … k loop unrolled ×2 / ×4:    4×4 2.7, 4×3 4.1, 3×3 3.9 / 3.2, 2×2 3.5 (worse: more spills)
 *   one JS double array for A, B: 4×3 5.6, 3×4 5.6, 5×2 5.7, 2×5 5.6, 4×4 5.3,
 *                                 6×2 5.5, 5×3 5.2, 3×3 5.1, 4×2 4.6
 *   module-level const buffer:    4×3 6.1, 3×4 6.0, 4×4 5.9, 2×6 5.8, 5×2 5.8,
 *                                 5×3 5.7, 3×5 5.7, 6×2 5.4, 3×3 5.2, 8×2 5.1, 4×5 5.0
 *   block sizes: MC 64–520, KC 128–512, NC 512–4096 changed any shape by < 3%
 *
 * What decides it is the instruction count per multiply-add, not the cache:
 * V8 emits no FMA and no SIMD, checks bounds on every load, and, for a typed
 * array passed as an argument, re-checks its map and reloads its length and
 * data pointer on every loop iteration. A typed array that TurboFan sees as a
 * constant has its data pointer and length embedded, so a load is one compare
 * plus one `vmovsd`. Tiles
 * with more than 12 accumulators spill (V8 schedules all products of an
 * iteration before the sums), and unrolling the k loop made every shape
 * slower. Kept: 4×3, MC = 128, KC = 256, NC = 510 (small buffers at full
 * speed: 1.3 MB). `np.matmul` in a bundled build: 5.7 GFLOPS at n = 1024
 * (best of 5; median 5.3 beside other jobs), 5.0 at 512, 4.5 at 128.
 * Under `tsx` (npm run bench) expect ~20% less: its off-thread module loader
 * transfers (detaches) ArrayBuffers, which makes V8 check every typed-array
 * loop for a detached buffer from then on, in this and any other kernel.
 *
 * Why everything lives inside {@link createGemm}: the buffer must be a
 * constant to the optimizer whatever tool bundles this file. A module-level
 * `const` is one in an unbundled ES module, but bundlers (esbuild, tsup)
 * rewrite top-level `const` to `var`, and a module-level `var` is not folded:
 * the same kernel then ran at 4.4 GFLOPS (n = 512). A `const` inside a
 * function that runs once, read by closures created once, is folded in ES
 * module and CommonJS bundles alike (checked in TurboFan's output: the
 * kernel compares indices against the literal buffer length).
 */

/** Builds the kernel and its buffers once; see the file comment for why they are closed over. */
function createGemm() {
  const MR = 4;
  const NR = 3;
  const MC = 128;
  const KC = 256;
  const NC = 510;
  /** Where the packed B panel starts in {@link W}. */
  const B_OFF = MC * KC;
  /** The packed A block (MC×KC, MR-row micro-panels) followed by the packed B panel (KC×NC, NR-column micro-panels). */
  const W = new Float64Array(MC * KC + KC * NC);
  /** A full micro-tile, for tiles at the right and bottom edges of C. */
  const EDGE = new Float64Array(MR * NR);

  /** Up to this many multiply-adds (3×3×3) a direct loop beats packing; from 4×4×4 the packed path is faster (measured: 0.18 µs against 0.23 µs). */
  const SMALL = 27;

  /**
   * The 4×3 micro-kernel: `C[co + i·cr + j·cc] += Σ_p Ap[p][i] · Bp[p][j]` over
   * `kc` steps of the packed micro-panels at `pa` and `pb` in {@link W}.
   */
  function kernel(kc: number, pa: number, pb: number, C: Float64Array, co: number, cr: number, cc: number): void {
    let c00 = 0, c01 = 0, c02 = 0, c10 = 0, c11 = 0, c12 = 0;
    let c20 = 0, c21 = 0, c22 = 0, c30 = 0, c31 = 0, c32 = 0;
    for (let p = 0; p < kc; p++) {
      const a0 = W[pa], a1 = W[pa + 1], a2 = W[pa + 2], a3 = W[pa + 3];
      const b0 = W[pb];
      c00 += a0 * b0; c10 += a1 * b0; c20 += a2 * b0; c30 += a3 * b0;
      const b1 = W[pb + 1];
      c01 += a0 * b1; c11 += a1 * b1; c21 += a2 * b1; c31 += a3 * b1;
      const b2 = W[pb + 2];
      c02 += a0 * b2; c12 += a1 * b2; c22 += a2 * b2; c32 += a3 * b2;
      pa += MR;
      pb += NR;
    }
    let r = co;
    C[r] += c00; C[r + cc] += c01; C[r + 2 * cc] += c02;
    r += cr;
    C[r] += c10; C[r + cc] += c11; C[r + 2 * cc] += c12;
    r += cr;
    C[r] += c20; C[r + cc] += c21; C[r + 2 * cc] += c22;
    r += cr;
    C[r] += c30; C[r + cc] += c31; C[r + 2 * cc] += c32;
  }

  /** Packs `alpha ·` the mc×kc block of A into MR-row micro-panels (zero rows pad the last one). */
  function packA(A: Float64Array, ao: number, ars: number, acs: number, mc: number, kc: number, alpha: number): void {
    let q = 0;
    for (let i0 = 0; i0 < mc; i0 += MR) {
      const mr = Math.min(MR, mc - i0);
      let col = ao + i0 * ars;
      for (let p = 0; p < kc; p++, col += acs) {
        let s = col;
        let i = 0;
        if (alpha === 1) for (; i < mr; i++, s += ars) W[q++] = A[s];
        else for (; i < mr; i++, s += ars) W[q++] = alpha * A[s];
        for (; i < MR; i++) W[q++] = 0;
      }
    }
  }

  /** Packs the kc×nc panel of B into NR-column micro-panels (zero columns pad the last one). */
  function packB(B: Float64Array, bo: number, brs: number, bcs: number, kc: number, nc: number): void {
    let q = B_OFF;
    for (let j0 = 0; j0 < nc; j0 += NR) {
      const nr = Math.min(NR, nc - j0);
      let row = bo + j0 * bcs;
      for (let p = 0; p < kc; p++, row += brs) {
        let s = row;
        let j = 0;
        for (; j < nr; j++, s += bcs) W[q++] = B[s];
        for (; j < NR; j++) W[q++] = 0;
      }
    }
  }

  /** The blocked product for large operands. */
  function gemmBlocked(
    m: number, n: number, k: number, alpha: number,
    A: Float64Array, ao: number, ars: number, acs: number,
    B: Float64Array, bo: number, brs: number, bcs: number,
    C: Float64Array, co: number, crs: number, ccs: number,
  ): void {
    for (let jc = 0; jc < n; jc += NC) {
      const nc = Math.min(NC, n - jc);
      for (let pc = 0; pc < k; pc += KC) {
        const kc = Math.min(KC, k - pc);
        packB(B, bo + pc * brs + jc * bcs, brs, bcs, kc, nc);
        for (let ic = 0; ic < m; ic += MC) {
          const mc = Math.min(MC, m - ic);
          packA(A, ao + ic * ars + pc * acs, ars, acs, mc, kc, alpha);
          for (let jr = 0; jr < nc; jr += NR) {
            const nr = Math.min(NR, nc - jr);
            const pb = B_OFF + jr * kc;
            for (let ir = 0; ir < mc; ir += MR) {
              const mr = Math.min(MR, mc - ir);
              const cij = co + (ic + ir) * crs + (jc + jr) * ccs;
              if (mr === MR && nr === NR) kernel(kc, ir * kc, pb, C, cij, crs, ccs);
              else {
                // Edge tile: compute the full (zero-padded) tile aside, add the valid part.
                EDGE.fill(0);
                kernel(kc, ir * kc, pb, EDGE, 0, NR, 1);
                for (let i = 0; i < mr; i++) for (let j = 0; j < nr; j++) C[cij + i * crs + j * ccs] += EDGE[i * NR + j];
              }
            }
          }
        }
      }
    }
  }

  /**
   * `y += alpha · M · x` for an m×k matrix M. The vector side goes through the
   * constant buffer {@link W} (x copied in, or y accumulated there), for the
   * same reason as the packing: loads from W skip the per-iteration checks that
   * a typed-array argument costs. Row-major M: a dot product per row;
   * column-major M: column updates with unit stride. Blocks of {@link W}'s
   * length keep any size in bounds.
   */
  function gemv(
    m: number, k: number, alpha: number,
    M: Float64Array, mo: number, mrs: number, mcs: number,
    x: Float64Array, xo: number, xs: number,
    y: Float64Array, yo: number, ys: number,
  ): void {
    const cap = W.length;
    if (mrs === 1 && mcs !== 1) {
      // Column-major M: W[i] += x_p · M[i, p] over p, then y += alpha · W.
      for (let i0 = 0; i0 < m; i0 += cap) {
        const mb = Math.min(cap, m - i0);
        W.fill(0, 0, mb);
        for (let p = 0; p < k; p++) {
          const xp = x[xo + p * xs];
          let s = mo + i0 + p * mcs;
          for (let i = 0; i < mb; i++, s++) W[i] += xp * M[s];
        }
        let t = yo + i0 * ys;
        for (let i = 0; i < mb; i++, t += ys) y[t] += alpha * W[i];
      }
      return;
    }
    for (let p0 = 0; p0 < k; p0 += cap) {
      const kb = Math.min(cap, k - p0);
      for (let p = 0, t = xo + p0 * xs; p < kb; p++, t += xs) W[p] = x[t];
      for (let i = 0; i < m; i++) {
        let s = mo + i * mrs + p0 * mcs;
        // Four partial sums: independent add chains run in parallel.
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        let p = 0;
        for (; p + 3 < kb; p += 4, s += 4 * mcs) {
          s0 += M[s] * W[p];
          s1 += M[s + mcs] * W[p + 1];
          s2 += M[s + 2 * mcs] * W[p + 2];
          s3 += M[s + 3 * mcs] * W[p + 3];
        }
        for (; p < kb; p++, s += mcs) s0 += M[s] * W[p];
        y[yo + i * ys] += alpha * ((s0 + s1) + (s2 + s3));
      }
    }
  }

  /** Small products: one dot product per element of C, no packing. */
  function gemmSmall(
    m: number, n: number, k: number, alpha: number,
    A: Float64Array, ao: number, ars: number, acs: number,
    B: Float64Array, bo: number, brs: number, bcs: number,
    C: Float64Array, co: number, crs: number, ccs: number,
  ): void {
    for (let i = 0; i < m; i++) {
      const ai = ao + i * ars;
      for (let j = 0; j < n; j++) {
        let s = 0;
        let pa = ai;
        let pb = bo + j * bcs;
        for (let p = 0; p < k; p++, pa += acs, pb += brs) s += A[pa] * B[pb];
        C[co + i * crs + j * ccs] += alpha * s;
      }
    }
  }

  /** The exported {@link gemm}: dispatch on the shape. */
  function gemm(
    m: number, n: number, k: number, alpha: number,
    A: Float64Array, ao: number, ars: number, acs: number,
    B: Float64Array, bo: number, brs: number, bcs: number,
    C: Float64Array, co: number, crs: number, ccs: number,
  ): void {
    if (m === 0 || n === 0 || k === 0) return;
    if (n === 1) gemv(m, k, alpha, A, ao, ars, acs, B, bo, brs, C, co, crs);
    else if (m === 1) gemv(n, k, alpha, B, bo, bcs, brs, A, ao, acs, C, co, ccs);
    else if (m * n * k <= SMALL) gemmSmall(m, n, k, alpha, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs);
    else gemmBlocked(m, n, k, alpha, A, ao, ars, acs, B, bo, brs, bcs, C, co, crs, ccs);
  }

  return gemm;
}

/**
 * `C += alpha · A · B` for an m×k matrix A, a k×n matrix B and an m×n matrix
 * C, all float64, each given as a buffer, an offset and a row and column
 * stride in elements (any sign; 0 for broadcast). C must not overlap A or B.
 * Matrix-vector shapes take a GEMV loop, tiny ones a direct loop, the rest
 * the packed, cache-blocked kernel.
 */
export const gemm: (
  m: number, n: number, k: number, alpha: number,
  A: Float64Array, ao: number, ars: number, acs: number,
  B: Float64Array, bo: number, brs: number, bcs: number,
  C: Float64Array, co: number, crs: number, ccs: number,
) => void = createGemm();
