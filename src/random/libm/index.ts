/** Placeholder: glibc-exact ports land here. */
export const log = Math.log;
export const exp = Math.exp;
export const pow = Math.pow;
export const log1p = Math.log1p;
