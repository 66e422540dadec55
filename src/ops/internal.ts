/**
 * What other layers build on but users do not call: the ops layer's
 * primitives (for autodiff's registry and custom rules) and reduction helpers.
 * Not part of the `np` namespace.
 */
import './methods';
export {
  sumTo, reduceParams, scalarOrArray, expandReduced, reducedShape, sumP, prodP, maxP, minP, allP, anyP, type ReduceParams,
} from './reduce';
export { pairwiseSum } from './pairwise';
export { reshapeP, transposeP, broadcastToP, copyP, astypeP } from './movement';
export { whereP } from './where';
export { getIndex, setIndex } from './indexing';
export { realP, imagP } from './complexParts';
export { concatenateP } from './join';
export { sortP } from './sort';
export { gatherP, scatterAddP, indexUpdateP, sliceP, sliceScatterP } from './gather';
