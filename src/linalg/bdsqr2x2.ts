/**
 * The 2×2 upper triangular singular value problems of the bidiagonal QR
 * iteration: values only (LAPACK's dlas2) and the full SVD with its
 * rotations (dlasv2), both accurate to a few ulps without overflow.
 */

const EPS = 1.1102230246251565e-16;

/** Singular values of [[f, g], [0, h]]: out[0] = smaller, out[1] = larger (dlas2). */
export function sv2(f: number, g: number, h: number, out: Float64Array): void {
  const fa = Math.abs(f), ga = Math.abs(g), ha = Math.abs(h);
  const fhmn = Math.min(fa, ha), fhmx = Math.max(fa, ha);
  let ssmin: number, ssmax: number;
  if (fhmn === 0) {
    ssmin = 0;
    ssmax = fhmx === 0 ? ga : Math.max(fhmx, ga) * Math.sqrt(1 + (Math.min(fhmx, ga) / Math.max(fhmx, ga)) ** 2);
  } else if (ga < fhmx) {
    const as = 1 + fhmn / fhmx, at = (fhmx - fhmn) / fhmx, au = (ga / fhmx) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    ssmin = fhmn * c;
    ssmax = fhmx / c;
  } else {
    const au = fhmx / ga;
    if (au === 0) {
      ssmin = (fhmn * fhmx) / ga;
      ssmax = ga;
    } else {
      const as = 1 + fhmn / fhmx, at = (fhmx - fhmn) / fhmx;
      const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
      ssmin = fhmn * c * au;
      ssmin += ssmin;
      ssmax = ga / (c + c);
    }
  }
  out[0] = ssmin;
  out[1] = ssmax;
}

/** Fortran's SIGN(a, b): |a| with the sign of b (−0 counts as negative). */
export const sign = (a: number, b: number): number => (b >= 0 && !Object.is(b, -0) ? Math.abs(a) : -Math.abs(a));

/**
 * SVD of [[f, g], [0, h]] (dlasv2): out = [ssmin, ssmax, snr, csr, snl, csl],
 * with [csl snl; −snl csl] [f g; 0 h] [csr −snr; snr csr] = diag(ssmax, ssmin).
 */
export function svd2x2(f: number, g: number, h: number, out: Float64Array): void {
  let ft = f, fa = Math.abs(ft), ht = h, ha = Math.abs(h);
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    [ft, ht] = [ht, ft];
    [fa, ha] = [ha, fa];
  }
  const gt = g, ga = Math.abs(gt);
  let ssmin: number, ssmax: number, clt: number, crt: number, slt: number, srt: number;
  if (ga === 0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let gasmal = true;
    ssmin = ssmax = clt = crt = slt = srt = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < EPS) {
        gasmal = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gasmal) {
      const dd = fa - ha;
      let l = dd === fa ? 1 : dd / fa;
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m, tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) t = l === 0 ? sign(2, ft) * sign(1, gt) : gt / sign(dd, ft) + m / t;
      else t = (m / (s + t) + m / (r + l)) * (1 + a);
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  let csl: number, snl: number, csr: number, snr: number;
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  let tsign = 1;
  if (pmax === 1) tsign = sign(1, csr) * sign(1, csl) * sign(1, f);
  if (pmax === 2) tsign = sign(1, snr) * sign(1, csl) * sign(1, g);
  if (pmax === 3) tsign = sign(1, snr) * sign(1, snl) * sign(1, h);
  out[0] = sign(ssmin, tsign * sign(1, f) * sign(1, h));
  out[1] = sign(ssmax, tsign);
  out[2] = snr;
  out[3] = csr;
  out[4] = snl;
  out[5] = csl;
}
