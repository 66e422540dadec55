/**
 * The ops layer's public functions: elementwise math, reductions, shape,
 * indexing, joining and sorting — what `np` shows. The primitives behind them
 * and the helpers other layers build on are in `./internal`.
 */
import './methods';
export { add, subtract, multiply, divide, power } from './binary';
export * from './compare';
export { negative, positive, abs, absolute, sign, square, sqrt, cbrt, reciprocal, isnan, isinf, isfinite } from './unary';
export { floorDivide, mod, remainder, fmod } from './division';
export { maximum, minimum, fmax, fmin } from './extrema';
export { exp, exp2, expm1, log, log2, log10, log1p } from './exponential';
export { sin, cos, tan, arcsin, arccos, arctan, arctan2, hypot, deg2rad, rad2deg, radians, degrees } from './trig';
export { sinh, cosh, tanh, arcsinh, arccosh, arctanh } from './hyperbolic';
export { floor, ceil, trunc, fix, rint, round, around } from './rounding';
export { clip, nanToNum } from './clip';
export type { NanToNumOptions } from './clip';
export { sum, prod, max, min, amax, amin, all, any } from './reduce';
export { mean, var, std, ptp } from './moments';
export { nansum, nanprod, nanmean, nanvar, nanstd, nanmax, nanmin } from './nanReduce';
export { argmax, argmin } from './argReduce';
export { cumsum, cumprod } from './cumulative';
export type { CumulativeOptions } from './cumulative';
export { reshape, transpose, swapaxes, moveaxis, broadcastTo, expandDims, squeeze, ravel, copy, flatten, ascontiguousarray, astype, broadcastArrays } from './movement';
export type { AstypeOptions } from './movement';
export { where } from './where';
export { indexUpdate, take, put, takeAlongAxis, putAlongAxis, nonzero, flatnonzero, argwhere, ix_ } from './indexing';
export type { TakeOptions } from './indexing';
export { real, imag, conj, angle } from './complexParts';
export { array, diag, diagflat, tri, triu, tril, meshgrid, indices, fromFunction } from './creation';
export type { MeshgridOptions } from './creation';
export { concatenate, stack, vstack, hstack, dstack, columnStack, atleast1d, atleast2d, atleast3d, split, arraySplit, hsplit, vsplit, dsplit, append } from './join';
export type { ConcatOptions, SplitOptions } from './join';
export { flip, fliplr, flipud, rot90, roll, tile, repeat, pad } from './rearrange';
export type { PadOptions } from './rearrange';
export { sort, argsort } from './sort';
export type { SortOptions } from './sort';
export { unique, searchsorted } from './unique';
export type { UniqueOptions, UniqueResult, SearchsortedOptions } from './unique';
export * from './closeness';
