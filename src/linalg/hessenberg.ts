/**
 * Reduction to upper Hessenberg form, A = Q H Qᵀ, by Householder reflectors
 * (LAPACK's dgehd2), and the formation of Q (dorghr, through the blocked QR
 * code). The second step of the nonsymmetric eigensolver, after balancing.
 * ILO/IHI are LAPACK's 1-based bounds from the balancing.
 */
import { makeReflector, reflectLeft, reflectRight } from './householder';
import { qrFormQ } from './qr';

/**
 * dgehd2 on the n×n row-major `a`: H in the upper Hessenberg part, reflector
 * I (1-based, ILO ≤ I < IHI) below the subdiagonal of column I with `tau[I−1]`.
 * `work` needs n doubles.
 */
export function hessenberg(a: Float64Array, n: number, ilo: number, ihi: number, tau: Float64Array, work: Float64Array): void {
  for (let I = ilo; I < ihi; I++) {
    const c = I - 1; // 0-based column of the reflector
    const sub = I * n + c; // A(I+1, I)
    const t = makeReflector(a, sub, sub + n, ihi - I, n);
    tau[c] = t;
    const alpha = a[sub];
    a[sub] = 1;
    // A(1:IHI, I+1:IHI) := A H, then A(I+1:IHI, I+1:N) := H A
    reflectRight(a, 0, n, 0, I, ihi, ihi - I, a, sub, n, t, work);
    reflectLeft(a, 0, n, I, I, ihi - I, n - I, a, sub, n, t, work);
    a[sub] = alpha;
  }
}

/** dorghr: Q (n×n row-major into `q`) from the reflectors {@link hessenberg} left in `a`. */
export function hessenbergQ(a: Float64Array, n: number, ilo: number, ihi: number, tau: Float64Array, q: Float64Array, work: Float64Array): void {
  q.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const nh = ihi - ilo;
  if (nh <= 0) return;
  // Reflector j of the block sits at A(ILO+1+j…, ILO+j): a QR-shaped layout from (ILO+1, ILO).
  qrFormQ(a, ilo * n + (ilo - 1), n, nh, nh, tau.subarray(ilo - 1), q, ilo * n + ilo, n, nh, work);
}
