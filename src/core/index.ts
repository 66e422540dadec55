/** The core layer: data model, dtypes, errors, the loop engine, primitives. */
export * from './errors';
export * from './dtype';
export * from './complex';
export * from './shape';
export * from './ndarray';
export * from './methods';
export * from './primitive';
export * from './iterate';
export * from './convert';
export * from './create';
export * from './print';
export * from './format';
export * from './indexing';
export * from './basicIndex';
