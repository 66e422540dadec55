/**
 * Learning-rate schedules: functions from the 0-based update index to a
 * rate, usable as any optimizer's `lr` and composable (optax's
 * `join_schedules`; PyTorch's StepLR/ExponentialLR/CosineAnnealingLR;
 * warmup as in Goyal et al., "Accurate, large minibatch SGD", 2017; cosine
 * decay from Loshchilov & Hutter, "SGDR", ICLR 2017).
 */
import { ValueError } from '../../core';
import type { LearningRate, Schedule } from './optimizer';

function positive(name: string, v: number, integer = false): number {
  if (!(v > 0) || !Number.isFinite(v) || (integer && !Number.isInteger(v))) throw new ValueError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${v}`);
  return v;
}

function nonNegative(name: string, v: number): number {
  if (!(v >= 0) || !Number.isFinite(v)) throw new ValueError(`${name} must be a non-negative number, got ${v}`);
  return v;
}

/** A schedule from a constant or a schedule. */
export function asSchedule(lr: LearningRate): Schedule {
  return typeof lr === 'number' ? () => lr : lr;
}

/**
 * The same rate at every step.
 * @example constantSchedule(0.1)(1000)   // 0.1
 */
export function constantSchedule(lr: number): Schedule {
  nonNegative('lr', lr);
  return () => lr;
}

/**
 * Step decay (PyTorch's StepLR): lr·γ^⌊step/stepSize⌋.
 * @throws {ValueError} for a non-positive stepSize or a negative rate.
 * @example stepDecay(0.1, { stepSize: 10, gamma: 0.5 })(25)   // 0.025
 */
export function stepDecay(lr: number, opts: { stepSize: number; gamma?: number }): Schedule {
  nonNegative('lr', lr);
  const size = positive('stepSize', opts.stepSize, true);
  const gamma = nonNegative('gamma', opts.gamma ?? 0.1);
  return (step) => lr * gamma ** Math.floor(step / size);
}

/**
 * Exponential decay (optax.exponential_decay): lr·rate^(step/decaySteps),
 * with `staircase` the exponent rounded down; never below `endValue` (if given).
 * @example exponentialDecay(1, { decayRate: 0.5, decaySteps: 2 })(3)   // 0.35355339059327373
 */
export function exponentialDecay(lr: number, opts: { decayRate: number; decaySteps?: number; staircase?: boolean; endValue?: number }): Schedule {
  nonNegative('lr', lr);
  const rate = nonNegative('decayRate', opts.decayRate);
  const steps = positive('decaySteps', opts.decaySteps ?? 1);
  const end = opts.endValue;
  return (step) => {
    const p = step / steps;
    const v = lr * rate ** (opts.staircase ? Math.floor(p) : p);
    return end === undefined ? v : rate < 1 ? Math.max(v, end) : Math.min(v, end);
  };
}

/**
 * Cosine decay (optax.cosine_decay_schedule, SGDR without restarts):
 * lr·((1-α)·½(1 + cos(π·min(step, T)/T)) + α), reaching lr·α at step T.
 * @example cosineDecay(1, { decaySteps: 100 })(50)   // 0.5
 */
export function cosineDecay(lr: number, opts: { decaySteps: number; alpha?: number }): Schedule {
  nonNegative('lr', lr);
  const T = positive('decaySteps', opts.decaySteps, true);
  const alpha = nonNegative('alpha', opts.alpha ?? 0);
  return (step) => {
    const c = 0.5 * (1 + Math.cos((Math.PI * Math.min(step, T)) / T));
    return lr * ((1 - alpha) * c + alpha);
  };
}

/**
 * Linear warmup from `initValue` to the first rate of `then` over
 * `warmupSteps` updates, then `then` (a rate or schedule, counted from the end
 * of the warmup).
 * @example linearWarmup(0.1, { warmupSteps: 10 })(5)   // 0.05
 */
export function linearWarmup(then: LearningRate, opts: { warmupSteps: number; initValue?: number }): Schedule {
  const W = positive('warmupSteps', opts.warmupSteps, true);
  const init = nonNegative('initValue', opts.initValue ?? 0);
  const after = asSchedule(then);
  const peak = after(0);
  return (step) => (step < W ? init + ((peak - init) * step) / W : after(step - W));
}

/**
 * Schedules run one after another (optax.join_schedules): schedule i+1
 * starts at `boundaries[i]` and is counted from 0 there.
 * @throws {ValueError} unless there is one boundary fewer than schedules, increasing.
 * @example joinSchedules([constantSchedule(1), constantSchedule(0.1)], [5])(7)   // 0.1
 */
export function joinSchedules(schedules: readonly LearningRate[], boundaries: readonly number[]): Schedule {
  if (schedules.length === 0 || boundaries.length !== schedules.length - 1) {
    throw new ValueError(`joinSchedules needs one boundary fewer than schedules (got ${schedules.length} schedules, ${boundaries.length} boundaries)`);
  }
  boundaries.forEach((b, i) => {
    if (!Number.isInteger(b) || b < 0 || (i > 0 && b <= boundaries[i - 1])) throw new ValueError('boundaries must be increasing non-negative integers');
  });
  const parts = schedules.map(asSchedule);
  return (step) => {
    let k = 0;
    while (k < boundaries.length && step >= boundaries[k]) k++;
    return parts[k](step - (k === 0 ? 0 : boundaries[k - 1]));
  };
}

/**
 * Linear warmup to `peak` then cosine decay to peak·alpha at `decaySteps`
 * (optax.warmup_cosine_decay_schedule, with decaySteps counting the warmup).
 * @example warmupCosineDecay(1, { warmupSteps: 10, decaySteps: 110 })(60)   // 0.5
 */
export function warmupCosineDecay(peak: number, opts: { warmupSteps: number; decaySteps: number; initValue?: number; alpha?: number }): Schedule {
  const W = positive('warmupSteps', opts.warmupSteps, true);
  if (!(opts.decaySteps > W)) throw new ValueError('decaySteps must exceed warmupSteps');
  return linearWarmup(cosineDecay(peak, { decaySteps: opts.decaySteps - W, alpha: opts.alpha }), { warmupSteps: W, initValue: opts.initValue });
}
