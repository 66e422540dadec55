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
export { pairwiseSum } from './reduce';
