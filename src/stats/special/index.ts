/**
 * Special functions (scipy.special's names in camelCase): the error and
 * normal functions, the gamma and beta families with their incomplete and
 * inverse forms, the logistic functions, xlogy, logsumexp and softmax.
 * Every function takes arrays (broadcasting), returns a number for number
 * inputs, and differentiates where SciPy's function is differentiable.
 */
export { erf, erfc, erfcx, erfinv, erfcinv, ndtr, ndtri, logNdtr } from './errorFunctions';
export { gammaln, gamma, gammasgn, digamma, psi, polygamma, betaln } from './gammaFunctions';
export { gammainc, gammaincc, gammaincinv, gammainccinv, betainc, betaincc, betaincinv } from './incomplete';
export { expit, logit, logExpit } from './logistic';
export { xlogy, xlog1py } from './xlogy';
export { logsumexp, softmax, logSoftmax, type LogsumexpOptions, type LogsumexpSigned, type SoftmaxOptions } from './logsumexp';
export type { SpecialUnary, SpecialBinary, SpecialTernary } from './define';
