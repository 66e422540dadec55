/**
 * Reverse mode: the tape. A {@link ReverseTrace} records every primitive
 * applied to its tracers (after Autodidax's "JVP + transpose", simplified to a
 * Wengert list, since every primitive already carries its VJP). The backward
 * pass walks the tape in reverse, calling each primitive's `vjp` with public
 * ops; because that happens after the trace has left the stack, any outer
 * trace (an enclosing `grad` or `jvp`) records the backward pass itself, which
 * is how derivatives of any order work.
 *
 * The tape refers to values by node number, read when an entry is recorded, so
 * an in-place write on a tracer (`x.set`, which rebinds the object to a new
 * node) cannot rewrite history.
 */
import { bind, NDArray, shapeText, TracerError, type Primitive, type Trace } from '../core';
import { add } from '../ops';
import { DiffTracer } from './inplace';

/** `wanted` of a call whose arguments are all tracked, by arity (shared: never mutated). */
const ALL_WANTED: readonly (readonly boolean[])[] = [[], [true], [true, true], [true, true, true]].map((w) => Object.freeze(w));

/** One recorded primitive call. */
interface TapeEntry {
  readonly p: Primitive<any>;
  readonly params: unknown;
  /** The arguments, lowered: this trace's tracers replaced by their primals. */
  readonly args: NDArray[];
  /** Node number of each argument, or -1 for a value this trace does not track. */
  readonly inNodes: number[];
  /** Whether each argument is tracked (the VJP's `wanted`). */
  readonly wanted: readonly boolean[];
  /** The primal result. */
  readonly out: NDArray;
  readonly outNode: number;
}

/** A value tracked by a {@link ReverseTrace}: its primal and its node on the tape. */
export class TapeTracer extends DiffTracer {
  constructor(
    owner: ReverseTrace,
    primal: NDArray,
    /** Node number on the owner's tape. */
    readonly node: number,
  ) {
    super(owner, primal);
  }
}

/** The trace that records a tape for reverse-mode differentiation. */
export class ReverseTrace implements Trace {
  private readonly tape: TapeEntry[] = [];
  private nodes = 0;

  constructor(readonly level: number) {}

  /** A new tracked input with value `x`. */
  input(x: NDArray): TapeTracer {
    return new TapeTracer(this, x, this.nodes++);
  }

  /** The node of `x` if this trace tracks it, else -1. */
  nodeOf(x: unknown): number {
    return x instanceof TapeTracer && x.owner === this ? x.node : -1;
  }

  /** `x` one level down: its primal if this trace tracks it, else `x` itself. */
  lower<T>(x: T): T | NDArray {
    return x instanceof TapeTracer && x.owner === this ? x.primal : x;
  }

  process<P>(p: Primitive<P>, args: NDArray[], params: P): NDArray {
    const lowered = new Array<NDArray>(args.length);
    const inNodes = new Array<number>(args.length);
    let untracked = 0;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a instanceof TapeTracer && a.owner === this) {
        lowered[i] = a.primal;
        inNodes[i] = a.node;
      } else {
        lowered[i] = a;
        inNodes[i] = -1;
        untracked++;
      }
    }
    // Re-bind on the lowered arguments so that outer traces see the call too.
    const out = bind(p, lowered, params);
    const outNode = this.nodes++;
    const wanted = untracked === 0 && args.length <= 3 ? ALL_WANTED[args.length] : inNodes.map((n) => n >= 0);
    this.tape.push({ p, params, args: lowered, inNodes, wanted, out, outNode });
    return new TapeTracer(this, out, outNode);
  }

  /**
   * The backward pass: given cotangents of some nodes, the accumulated
   * cotangent of every node (undefined where none flows). Cotangents of
   * intermediate nodes are released as soon as they have been propagated.
   * Call it after the trace has left the stack.
   */
  backward(seeds: ReadonlyArray<readonly [node: number, cotangent: NDArray]>): (NDArray | undefined)[] {
    const ct = new Array<NDArray | undefined>(this.nodes);
    for (const [node, g] of seeds) ct[node] = ct[node] === undefined ? g : add(ct[node] as NDArray, g);
    for (let e = this.tape.length - 1; e >= 0; e--) {
      const entry = this.tape[e];
      const g = ct[entry.outNode];
      if (g === undefined) continue;
      ct[entry.outNode] = undefined;
      const { p, args, inNodes, params, out, wanted } = entry;
      const cts = p.vjp(g, out, args, params, wanted);
      if (cts.length !== args.length) {
        throw new TracerError(`internal: the VJP of '${p.name}' returned ${cts.length} cotangents for ${args.length} arguments`);
      }
      for (let i = 0; i < args.length; i++) {
        const node = inNodes[i];
        const c = cts[i];
        if (node < 0 || c === null || c === undefined) continue;
        checkCotangent(p, i, c, args[i]);
        const prev = ct[node];
        ct[node] = prev === undefined ? c : add(prev, c);
      }
    }
    return ct;
  }
}

/** A VJP rule that returns the wrong shape is a bug in the rule: say which. */
function checkCotangent(p: Primitive<any>, i: number, c: NDArray, arg: NDArray): void {
  const a = arg.shape;
  const s = c.shape;
  if (a.length === s.length) {
    let same = true;
    for (let k = 0; k < a.length; k++) if (a[k] !== s[k]) same = false;
    if (same) return;
  }
  throw new TracerError(
    `internal: the VJP of '${p.name}' returned a cotangent of shape ${shapeText(s)} for argument ${i} of shape ${shapeText(a)}`,
  );
}
