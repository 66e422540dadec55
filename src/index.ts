/**
 * numts: NumPy, the parts of SciPy you need, and JAX-style autodiff in pure
 * TypeScript. `import * as np from 'numts'` gives the NumPy namespace.
 */
export * from './core/public';
export * from './ops';
export * from './tensor';
export * as linalg from './linalg';
export * as random from './random';
