//! Writes the training kernel of one network [`Shape`]. It gathers a mini-batch's rows and
//! runs forward, the output δ, backpropagation and the gradient sums in f32, on tiles of up to
//! four blocks of four points, with every layer size, activation and parameter offset a
//! constant. It computes exactly what the general f32 kernels compute ([`crate::core::mlp`],
//! without dropout), operation for operation in the same order, so the two give the same bits.
use super::wasm::{Function, Op, Type};
use super::{LayerShape, Shape};

mod math;
mod tile;

use tile::Tiled;

/// The kernel's parameters, in order (all i32: addresses in the shared memory, then counts).
/// `params`: the f32 parameters (laid out as [`Shape::param_index`] says). `rows`: the
/// training set in f32, row-major, each row the inputs then the target
/// ([`crate::core::mlp::FastRows`]). `order`: the batch's row numbers, `blocks × 4` of them
/// (the padding lanes name a row of zeros). `scratch`: room for one block per parameter.
/// `grads`: where the f32 gradient sums go (one per parameter). `blocks`: blocks of four
/// points in the batch (≥ 1). `n`: points.
pub const PARAMS: u32 = 7;
const P_PARAMS: u32 = 0;
const P_ROWS: u32 = 1;
const P_ORDER: u32 = 2;
const P_SCRATCH: u32 = 3;
const P_GRADS: u32 = 4;
const P_BLOCKS: u32 = 5;
const P_N: u32 = 6;

/// Bytes per block (four f32).
const BLOCK: u32 = 16;

/// The most blocks a kernel works on at once.
pub const MAX_TILE: usize = 4;

/// Vector registers a tile's values may take: a tile of `t` blocks through a layer of width
/// `w` keeps about `t · w` vectors live, and x86-64 has 16 vector registers (V8 spills the rest
/// to the stack, which costs more than the loads a smaller tile repeats).
const LIVE_VECTORS: usize = 12;

/// The tile (blocks at once) for `layers` with mini-batches of `batch` points: a whole batch
/// of up to 16 points, as far as the widest layer leaves registers for it.
pub fn tile_for(layers: &[LayerShape], batch: usize) -> usize {
    let widest = layers
        .iter()
        .map(|l| l.fan_in.max(l.fan_out))
        .max()
        .unwrap_or(1)
        .max(1);
    batch
        .div_ceil(4)
        .min(LIVE_VECTORS / widest)
        .clamp(1, MAX_TILE)
}

/// The most instructions a kernel may have. Straight-line code stops paying beyond about this
/// (measured in V8: seven inputs and two hidden layers of 8, about 6,100 instructions, train
/// 1.3× as fast as with the general kernels; three layers of 8, about 9,300, at 0.94×): it no
/// longer fits the processor's instruction cache, and the general kernels' loops do.
pub const MAX_OPS: usize = 7_500;

/// Whether `kernel` is small enough to be faster than the general kernels ([`MAX_OPS`]).
pub fn pays(kernel: &Function) -> bool {
    kernel.body.len() <= MAX_OPS
}

/// The kernel for `shape`, working on tiles of `shape.tile` blocks at once (then single blocks
/// for the rest). A tile loads each weight once for all its blocks and keeps each gradient sum
/// in a register across them.
pub fn kernel(shape: &Shape) -> Function {
    let mut e = Emitter {
        f: Function {
            params: PARAMS,
            ..Function::default()
        },
        shape,
    };
    let n_params = shape.n_params() as u32;
    e.clear_sums(n_params);
    // Lane numbers of the current block (for the padding mask), and the block counter.
    let lane = e.f.local(Type::V128);
    e.op(Op::V128Const([0, 1, 2, 3]));
    e.op(Op::LocalSet(lane));
    let block = e.f.local(Type::I32);
    let tile = shape.tile.clamp(1, MAX_TILE);
    if tile > 1 {
        // While block + tile ≤ blocks: a tile.
        e.f.ops([
            Op::Block,
            Op::Loop,
            Op::LocalGet(block),
            Op::I32Const(tile as i32),
            Op::I32Add,
            Op::LocalGet(P_BLOCKS),
            Op::I32GtU,
            Op::BrIf(1),
        ]);
        e.tile(tile, lane, block);
        e.f.ops([Op::Br(0), Op::End, Op::End]);
    }
    // While block < blocks: one block.
    e.f.ops([
        Op::Block,
        Op::Loop,
        Op::LocalGet(block),
        Op::LocalGet(P_BLOCKS),
        Op::I32GeU,
        Op::BrIf(1),
    ]);
    e.tile(1, lane, block);
    e.f.ops([Op::Br(0), Op::End, Op::End]);
    e.lane_sums(n_params);
    e.f
}

struct Emitter<'a> {
    f: Function,
    shape: &'a Shape,
}

impl Emitter<'_> {
    /// Sets every block of gradient sums in the scratch to 0.
    fn clear_sums(&mut self, n_params: u32) {
        for p in 0..n_params {
            self.op(Op::LocalGet(P_SCRATCH));
            self.splat(0.0);
            self.op(Op::V128Store(p * BLOCK));
        }
    }

    /// Writes each gradient sum: its block's lanes, added pairwise, (l0 + l1) + (l2 + l3).
    /// Four sums at a time with shuffles: [a0+a1, a2+a3, b0+b1, b2+b3] and the same for c, d,
    /// then those pairs; the rest one at a time.
    fn lane_sums(&mut self, n_params: u32) {
        let whole = n_params / 4 * 4;
        let (pairs_ab, pairs_cd) = (self.f.local(Type::V128), self.f.local(Type::V128));
        for p in (0..whole).step_by(4) {
            for (first, pairs) in [(p, pairs_ab), (p + 2, pairs_cd)] {
                self.pairwise(
                    &[Op::LocalGet(P_SCRATCH), Op::V128Load(first * BLOCK)],
                    &[Op::LocalGet(P_SCRATCH), Op::V128Load((first + 1) * BLOCK)],
                );
                self.op(Op::LocalSet(pairs));
            }
            self.op(Op::LocalGet(P_GRADS));
            self.pairwise(&[Op::LocalGet(pairs_ab)], &[Op::LocalGet(pairs_cd)]);
            self.op(Op::V128Store(p * 4));
        }
        let sum = self.f.local(Type::V128);
        for p in whole..n_params {
            self.f.ops([
                Op::LocalGet(P_GRADS),
                Op::LocalGet(P_SCRATCH),
                Op::V128Load(p * BLOCK),
                Op::LocalTee(sum),
                Op::F32x4ExtractLane(0),
                Op::LocalGet(sum),
                Op::F32x4ExtractLane(1),
                Op::F32Add,
                Op::LocalGet(sum),
                Op::F32x4ExtractLane(2),
                Op::LocalGet(sum),
                Op::F32x4ExtractLane(3),
                Op::F32Add,
                Op::F32Add,
                Op::F32Store(p * 4),
            ]);
        }
    }

    fn op(&mut self, op: Op) {
        self.f.body.push(op);
    }

    /// Pushes `v` in every lane.
    fn splat(&mut self, v: f32) {
        self.op(Op::V128Const([v.to_bits(); 4]));
    }

    /// Pushes parameter `index` in every lane.
    fn param(&mut self, index: usize) {
        self.f
            .ops([Op::LocalGet(P_PARAMS), Op::Load32Splat(index as u32 * 4)]);
    }

    /// Adds `by` to the i32 local `local`.
    fn advance(&mut self, local: u32, by: i32) {
        self.f.ops([
            Op::LocalGet(local),
            Op::I32Const(by),
            Op::I32Add,
            Op::LocalSet(local),
        ]);
    }

    /// Stores the stack's top in a new v128 local; its index.
    fn keep(&mut self) -> u32 {
        let v = self.f.local(Type::V128);
        self.op(Op::LocalSet(v));
        v
    }

    /// Each block's `sums[b] += w · by[b]`, with parameter `index` as `w` (loaded once into
    /// the local `weight`).
    fn multiply_add(&mut self, index: usize, weight: u32, sums: &[u32], by: &[u32]) {
        self.param(index);
        self.op(Op::LocalSet(weight));
        for (&sum, &v) in sums.iter().zip(by) {
            self.f.ops([
                Op::LocalGet(sum),
                Op::LocalGet(weight),
                Op::LocalGet(v),
                Op::F32x4Mul,
                Op::F32x4Add,
                Op::LocalSet(sum),
            ]);
        }
    }

    /// Pushes `[a0 + a1, a2 + a3, b0 + b1, b2 + b3]` for the vectors `a` and `b` that the two
    /// lists of ops push.
    fn pairwise(&mut self, a: &[Op], b: &[Op]) {
        let lanes = |l: [u8; 4]| -> [u8; 16] {
            std::array::from_fn(|byte| l[byte / 4] * 4 + (byte % 4) as u8)
        };
        for pick in [[0, 2, 4, 6], [1, 3, 5, 7]] {
            self.f.ops(a.iter().chain(b).copied());
            self.op(Op::I8x16Shuffle(lanes(pick)));
        }
        self.op(Op::F32x4Add);
    }

    /// Scratch sum of parameter `index` += δ (a bias) or δ · x (a weight), block by block.
    fn accumulate(&mut self, index: usize, delta: &[u32], x: Option<&Tiled>) {
        let offset = index as u32 * BLOCK;
        self.f.ops([
            Op::LocalGet(P_SCRATCH),
            Op::LocalGet(P_SCRATCH),
            Op::V128Load(offset),
        ]);
        for (b, &d) in delta.iter().enumerate() {
            self.op(Op::LocalGet(d));
            if let Some(x) = x {
                self.f.ops([Op::LocalGet(x[b]), Op::F32x4Mul]);
            }
            self.op(Op::F32x4Add);
        }
        self.op(Op::V128Store(offset));
    }
}
