//! Writes the training kernel of one network shape: forward, output δ, backpropagation and
//! the gradient sums of a mini-batch in f32, four points at a time, with every layer size,
//! activation and parameter offset a constant. It computes exactly what the general f32
//! kernels compute ([`crate::core::mlp`], with no dropout), operation for operation in the
//! same order, so the two give the same bits.
use super::wasm::{Function, Op, Type};
use crate::core::activation::{Activation, ELU_ALPHA, LEAKY_SLOPE};
use crate::core::fastmath;
use crate::core::loss::Output;
use crate::core::mlp::Mlp;

/// The kernel's parameters, in order (all i32: addresses in the shared memory, then counts).
/// `params`: the f32 parameters (as laid out in [`Mlp::params`]). `acts`: the input units,
/// each `blocks` blocks of four f32 (one block = four points). `targets`: one f32 per point,
/// `blocks × 4` of them. `scratch`: room for one block per parameter. `grads`: where the f32
/// gradient sums go (one per parameter). `blocks`: blocks in the batch (≥ 1). `n`: points.
pub const PARAMS: u32 = 7;
const P_PARAMS: u32 = 0;
const P_ACTS: u32 = 1;
const P_TARGETS: u32 = 2;
const P_SCRATCH: u32 = 3;
const P_GRADS: u32 = 4;
const P_BLOCKS: u32 = 5;
const P_N: u32 = 6;

/// Bytes per block (four f32).
const BLOCK: u32 = 16;

/// The kernel for `net`, or `None` for an output it does not handle (softmax).
pub fn kernel(net: &Mlp) -> Option<Function> {
    let output = net.output();
    if matches!(output, Output::Softmax(_)) {
        return None;
    }
    let mut e = Emitter {
        f: Function {
            params: PARAMS,
            ..Function::default()
        },
    };
    let n_params = net.params.len() as u32;
    // Every gradient sum starts at 0.
    for p in 0..n_params {
        e.op(Op::LocalGet(P_SCRATCH));
        e.splat(0.0);
        e.op(Op::V128Store(p * BLOCK));
    }
    // Pointers to each input unit's current block: acts + i · blocks · 16.
    let stride = e.f.local(Type::I32);
    e.f.ops([
        Op::LocalGet(P_BLOCKS),
        Op::I32Const(BLOCK as i32),
        Op::I32Mul,
        Op::LocalSet(stride),
    ]);
    let inputs: Vec<u32> = (0..net.n_inputs() as i32)
        .map(|i| {
            let ptr = e.f.local(Type::I32);
            e.f.ops([
                Op::LocalGet(P_ACTS),
                Op::LocalGet(stride),
                Op::I32Const(i),
                Op::I32Mul,
                Op::I32Add,
                Op::LocalSet(ptr),
            ]);
            ptr
        })
        .collect();
    // Lane numbers of the current block (for the padding mask), and the block counter.
    let lane = e.f.local(Type::V128);
    e.op(Op::V128Const([0, 1, 2, 3]));
    e.op(Op::LocalSet(lane));
    let block = e.f.local(Type::I32);
    e.op(Op::Loop);
    // This block's inputs.
    let x: Vec<u32> = inputs
        .iter()
        .map(|&ptr| {
            let v = e.f.local(Type::V128);
            e.f.ops([Op::LocalGet(ptr), Op::V128Load(0), Op::LocalSet(v)]);
            e.advance(ptr, BLOCK as i32);
            v
        })
        .collect();
    // Forward: each layer's values, and the derivatives of the hidden ones.
    let layers = net.layers();
    let last = layers.len() - 1;
    let mut values = vec![x];
    let mut derivs = Vec::new();
    for (l, layer) in layers.iter().enumerate() {
        let hidden = l < last;
        let activation = if hidden {
            layer.activation
        } else {
            output.unit_activation()
        };
        let (mut outs, mut ds) = (Vec::new(), Vec::new());
        for j in 0..layer.fan_out {
            e.param(net.param_index(l, j, None));
            for (i, &xi) in values[l].iter().enumerate() {
                e.param(net.param_index(l, j, Some(i)));
                e.f.ops([Op::LocalGet(xi), Op::F32x4Mul, Op::F32x4Add]);
            }
            let (v, d) = e.activation(activation, hidden);
            outs.push(v);
            ds.extend(d);
        }
        values.push(outs);
        derivs.push(ds);
    }
    // The output δ, 0 in the padding lanes.
    let target = e.f.local(Type::V128);
    e.f.ops([
        Op::LocalGet(P_TARGETS),
        Op::V128Load(0),
        Op::LocalSet(target),
    ]);
    e.advance(P_TARGETS, BLOCK as i32);
    let mut deltas: Vec<u32> = values[last + 1]
        .iter()
        .map(|&o| {
            let d = e.f.local(Type::V128);
            e.output_delta(output, o, target);
            e.f.ops([
                Op::LocalGet(lane),
                Op::LocalGet(P_N),
                Op::I32x4Splat,
                Op::I32x4LtS,
                Op::V128And,
                Op::LocalSet(d),
            ]);
            d
        })
        .collect();
    // Backward, output layer first: the gradient sums, then δ of the layer below.
    for l in (0..=last).rev() {
        let layer = &layers[l];
        for (j, &dj) in deltas.iter().enumerate() {
            e.accumulate(net.param_index(l, j, None), dj, None);
            for (i, &xi) in values[l].iter().enumerate() {
                e.accumulate(net.param_index(l, j, Some(i)), dj, Some(xi));
            }
        }
        if l == 0 {
            break;
        }
        deltas = (0..layer.fan_in)
            .map(|i| {
                e.splat(0.0);
                for (j, &dj) in deltas.iter().enumerate() {
                    e.param(net.param_index(l, j, Some(i)));
                    e.f.ops([Op::LocalGet(dj), Op::F32x4Mul, Op::F32x4Add]);
                }
                let d = e.f.local(Type::V128);
                e.f.ops([
                    Op::LocalGet(derivs[l - 1][i]),
                    Op::F32x4Mul,
                    Op::LocalSet(d),
                ]);
                d
            })
            .collect();
    }
    // Next block: lanes + 4, and loop while block + 1 < blocks.
    e.f.ops([
        Op::LocalGet(lane),
        Op::I32Const(4),
        Op::I32x4Splat,
        Op::I32x4Add,
        Op::LocalSet(lane),
    ]);
    e.advance(block, 1);
    e.f.ops([
        Op::LocalGet(block),
        Op::LocalGet(P_BLOCKS),
        Op::I32LtU,
        Op::BrIf(0),
        Op::End,
    ]);
    // Each sum's lanes, added pairwise: (l0 + l1) + (l2 + l3).
    let sum = e.f.local(Type::V128);
    for p in 0..n_params {
        e.f.ops([
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
    Some(e.f)
}

struct Emitter {
    f: Function,
}

impl Emitter {
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

    /// Scratch sum of parameter `index` += δ (a bias) or δ · x (a weight).
    fn accumulate(&mut self, index: usize, delta: u32, x: Option<u32>) {
        let offset = index as u32 * BLOCK;
        self.f.ops([
            Op::LocalGet(P_SCRATCH),
            Op::LocalGet(P_SCRATCH),
            Op::V128Load(offset),
            Op::LocalGet(delta),
        ]);
        if let Some(x) = x {
            self.f.ops([Op::LocalGet(x), Op::F32x4Mul]);
        }
        self.f.ops([Op::F32x4Add, Op::V128Store(offset)]);
    }

    /// Applies `activation` to the sum on the stack: the value's local and, for `hidden`
    /// layers, the derivative's (as [`Activation::with_pair`] computes them).
    fn activation(&mut self, activation: Activation, hidden: bool) -> (u32, Option<u32>) {
        let z = self.keep();
        let (value, deriv) = match activation {
            Activation::Linear => {
                self.splat(1.0);
                (z, self.keep())
            }
            Activation::Sigmoid => {
                self.sigmoid(z);
                let s = self.keep();
                // s · (1 − s)
                self.op(Op::LocalGet(s));
                self.splat(1.0);
                self.f.ops([Op::LocalGet(s), Op::F32x4Sub, Op::F32x4Mul]);
                (s, self.keep())
            }
            Activation::Tanh => {
                self.tanh(z);
                let t = self.keep();
                self.splat(1.0);
                self.f
                    .ops([Op::LocalGet(t), Op::LocalGet(t), Op::F32x4Mul, Op::F32x4Sub]);
                (t, self.keep())
            }
            Activation::Relu => {
                // z > 0 ? z : 0, and z > 0 ? 1 : 0.
                self.splat(0.0);
                self.op(Op::LocalGet(z));
                self.op(Op::F32x4Pmax);
                let v = self.keep();
                self.positive_mask(z);
                self.splat(1.0);
                self.op(Op::V128And);
                (v, self.keep())
            }
            Activation::LeakyRelu => {
                self.splat(1.0);
                self.splat(LEAKY_SLOPE as f32);
                self.positive_mask(z);
                self.op(Op::V128Bitselect);
                let d = self.keep();
                self.f.ops([Op::LocalGet(z), Op::LocalGet(d), Op::F32x4Mul]);
                (self.keep(), d)
            }
            Activation::Elu => {
                // α (eᶻ − 1) below 0, with derivative that + α.
                self.splat(ELU_ALPHA as f32);
                self.exp(z);
                self.splat(1.0);
                self.f.ops([Op::F32x4Sub, Op::F32x4Mul]);
                let neg = self.keep();
                self.op(Op::LocalGet(z));
                self.op(Op::LocalGet(neg));
                self.positive_mask(z);
                self.op(Op::V128Bitselect);
                let v = self.keep();
                self.splat(1.0);
                self.op(Op::LocalGet(neg));
                self.splat(ELU_ALPHA as f32);
                self.op(Op::F32x4Add);
                self.positive_mask(z);
                self.op(Op::V128Bitselect);
                (v, self.keep())
            }
            Activation::Step => {
                self.f.ops([Op::LocalGet(z)]);
                self.splat(0.0);
                self.op(Op::F32x4Ge);
                self.splat(1.0);
                self.op(Op::V128And);
                let v = self.keep();
                self.splat(0.0);
                (v, self.keep())
            }
        };
        (value, hidden.then_some(deriv))
    }

    /// Pushes the mask z > 0.
    fn positive_mask(&mut self, z: u32) {
        self.op(Op::LocalGet(z));
        self.splat(0.0);
        self.op(Op::F32x4Gt);
    }

    /// Pushes `1 / (1 + e^−z)` ([`crate::core::activation::sigmoid`]).
    fn sigmoid(&mut self, z: u32) {
        self.splat(1.0);
        self.splat(1.0);
        self.f.ops([Op::LocalGet(z), Op::F32x4Neg]);
        let minus = self.keep();
        self.exp(minus);
        self.f.ops([Op::F32x4Add, Op::F32x4Div]);
    }

    /// Pushes `x` clamped as `f32::clamp` does (NaN stays NaN).
    fn clamp(&mut self, x: u32, lo: f32, hi: f32) {
        self.op(Op::LocalGet(x));
        self.splat(lo);
        self.op(Op::F32x4Pmax);
        self.splat(hi);
        self.op(Op::F32x4Pmin);
    }

    /// Pushes [`fastmath::tanh_f32`] of `x`.
    fn tanh(&mut self, x: u32) {
        let c = fastmath::TANH_SATURATES_F32;
        self.clamp(x, -c, c);
        let x = self.keep();
        self.f.ops([Op::LocalGet(x), Op::LocalGet(x), Op::F32x4Mul]);
        let u = self.keep();
        self.op(Op::LocalGet(x));
        self.horner(&fastmath::TANH_P, u);
        self.op(Op::F32x4Mul);
        self.horner(&fastmath::TANH_Q, u);
        self.op(Op::F32x4Div);
    }

    /// Pushes Σ cᵢ uⁱ by Horner's scheme, highest coefficient first.
    fn horner(&mut self, c: &[f32], u: u32) {
        let (&top, rest) = c.split_last().expect("coefficients");
        self.splat(top);
        for &ci in rest.iter().rev() {
            self.op(Op::LocalGet(u));
            self.op(Op::F32x4Mul);
            self.splat(ci);
            self.op(Op::F32x4Add);
        }
    }

    /// Pushes [`fastmath::exp_f32`] of `x`.
    fn exp(&mut self, x: u32) {
        use fastmath::{LN2_HI_F32, LN2_LO_F32, MAX_X_F32, MIN_X_F32, ROUND_F32, TAYLOR};
        self.clamp(x, MIN_X_F32, MAX_X_F32);
        let x = self.keep();
        // t = x·log₂e + round; k = t − round; its integer from t's bits.
        self.op(Op::LocalGet(x));
        self.splat(std::f32::consts::LOG2_E);
        self.op(Op::F32x4Mul);
        self.splat(ROUND_F32);
        self.op(Op::F32x4Add);
        let t = self.keep();
        self.op(Op::LocalGet(t));
        self.splat(ROUND_F32);
        self.op(Op::F32x4Sub);
        let k = self.keep();
        // r = (x − k·ln2_hi) − k·ln2_lo
        self.op(Op::LocalGet(x));
        self.op(Op::LocalGet(k));
        self.splat(LN2_HI_F32);
        self.op(Op::F32x4Mul);
        self.op(Op::F32x4Sub);
        self.op(Op::LocalGet(k));
        self.splat(LN2_LO_F32);
        self.op(Op::F32x4Mul);
        self.op(Op::F32x4Sub);
        let r = self.keep();
        self.f.ops([Op::LocalGet(r), Op::LocalGet(r), Op::F32x4Mul]);
        let r2 = self.keep();
        // pair(i) = c[i] + c[i+1]·r
        let pair = |e: &mut Emitter, i: usize| {
            e.splat(TAYLOR[i] as f32);
            e.splat(TAYLOR[i + 1] as f32);
            e.op(Op::LocalGet(r));
            e.op(Op::F32x4Mul);
            e.op(Op::F32x4Add);
        };
        // q = (pair(2) + pair(4)·r2) + pair(6)·(r2·r2)
        pair(self, 2);
        pair(self, 4);
        self.op(Op::LocalGet(r2));
        self.op(Op::F32x4Mul);
        self.op(Op::F32x4Add);
        pair(self, 6);
        self.f.ops([
            Op::LocalGet(r2),
            Op::LocalGet(r2),
            Op::F32x4Mul,
            Op::F32x4Mul,
        ]);
        self.op(Op::F32x4Add);
        let q = self.keep();
        // p = 1 + (r + r2·q), times 2^k = bits (k_bits + 127) << 23.
        self.splat(1.0);
        self.f.ops([
            Op::LocalGet(r),
            Op::LocalGet(r2),
            Op::LocalGet(q),
            Op::F32x4Mul,
            Op::F32x4Add,
            Op::F32x4Add,
            Op::LocalGet(t),
        ]);
        self.op(Op::V128Const([ROUND_F32.to_bits(); 4]));
        self.f.ops([
            Op::I32x4Sub,
            Op::V128Const([127; 4]),
            Op::I32x4Add,
            Op::I32Const(23),
            Op::I32x4Shl,
            Op::F32x4Mul,
        ]);
    }

    /// Pushes the output δ of output value `o` against `t` ([`Output::delta_batch`]).
    fn output_delta(&mut self, output: Output, o: u32, t: u32) {
        let diff = [Op::LocalGet(o), Op::LocalGet(t), Op::F32x4Sub];
        match output {
            Output::Binary | Output::TfLinear | Output::Softmax(_) => self.f.ops(diff),
            Output::Regression => {
                self.splat(2.0);
                self.f.ops(diff);
                self.op(Op::F32x4Mul);
            }
            Output::TfTanh => {
                self.f.ops(diff);
                self.splat(1.0);
                self.f.ops([
                    Op::LocalGet(o),
                    Op::LocalGet(o),
                    Op::F32x4Mul,
                    Op::F32x4Sub,
                    Op::F32x4Mul,
                ]);
            }
        }
    }
}
