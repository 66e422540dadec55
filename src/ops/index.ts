/** The ops layer: every elementwise, reduction, shape and indexing primitive and its public function. */
export { opsMethodsInstalled } from './methods';
export * from './binary';
export * from './compare';
export * from './unary';
export * from './reduce';
export * from './movement';
export * from './where';
export * from './indexing';
export * from './complexParts';
export { array, diag, diagflat, tri, triu, tril, meshgrid, indices, fromFunction, type MeshgridOptions } from './creation';
export {
  concatenate, concatenateP, stack, vstack, hstack, dstack, columnStack, atleast1d, atleast2d, atleast3d,
  split, arraySplit, hsplit, vsplit, dsplit, append, type ConcatOptions, type SplitOptions,
} from './join';
export { flip, fliplr, flipud, rot90, roll, tile, repeat, pad, type PadOptions } from './rearrange';
export { sort, sortP, argsort, type SortOptions } from './sort';
export { unique, searchsorted, type UniqueOptions, type UniqueResult, type SearchsortedOptions } from './unique';
export { pairwiseSum } from './reduce';
