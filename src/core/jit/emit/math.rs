//! The arithmetic the kernels share with [`crate::core::activation`], [`crate::core::fastmath`]
//! and [`crate::core::loss`], written as the same f32 operations in the same order.
use super::Emitter;
use crate::core::activation::{Activation, ELU_ALPHA, LEAKY_SLOPE};
use crate::core::fastmath;
use crate::core::jit::wasm::Op;
use crate::core::loss::Output;

impl Emitter<'_> {
    /// Applies `activation` to the sum on the stack: the value's local and, for `hidden`
    /// layers, the derivative's (as [`Activation::with_pair`] computes them).
    pub(super) fn activation(
        &mut self,
        activation: Activation,
        hidden: bool,
    ) -> (u32, Option<u32>) {
        let z = self.keep();
        let (value, deriv) = match activation {
            Activation::Linear => {
                self.splat(1.0);
                (z, self.keep())
            }
            Activation::Sigmoid => self.sigmoid_pair(z),
            Activation::Tanh => self.tanh_pair(z),
            Activation::Relu => self.relu_pair(z),
            Activation::LeakyRelu => self.leaky_relu_pair(z),
            Activation::Elu => self.elu_pair(z),
            Activation::Step => self.step_pair(z),
        };
        (value, hidden.then_some(deriv))
    }

    /// The sigmoid of `z` and its derivative s · (1 − s), in new locals.
    fn sigmoid_pair(&mut self, z: u32) -> (u32, u32) {
        self.sigmoid(z);
        let s = self.keep();
        self.op(Op::LocalGet(s));
        self.splat(1.0);
        self.f.ops([Op::LocalGet(s), Op::F32x4Sub, Op::F32x4Mul]);
        (s, self.keep())
    }

    /// tanh of `z` and its derivative 1 − t², in new locals.
    fn tanh_pair(&mut self, z: u32) -> (u32, u32) {
        self.tanh(z);
        let t = self.keep();
        self.splat(1.0);
        self.f
            .ops([Op::LocalGet(t), Op::LocalGet(t), Op::F32x4Mul, Op::F32x4Sub]);
        (t, self.keep())
    }

    /// z > 0 ? z : 0, and z > 0 ? 1 : 0, in new locals.
    fn relu_pair(&mut self, z: u32) -> (u32, u32) {
        self.splat(0.0);
        self.op(Op::LocalGet(z));
        self.op(Op::F32x4Pmax);
        let v = self.keep();
        self.positive_mask(z);
        self.splat(1.0);
        self.op(Op::V128And);
        (v, self.keep())
    }

    /// z · d and d = (z > 0 ? 1 : the leak's slope), in new locals.
    fn leaky_relu_pair(&mut self, z: u32) -> (u32, u32) {
        self.splat(1.0);
        self.splat(LEAKY_SLOPE as f32);
        self.positive_mask(z);
        self.op(Op::V128Bitselect);
        let d = self.keep();
        self.f.ops([Op::LocalGet(z), Op::LocalGet(d), Op::F32x4Mul]);
        (self.keep(), d)
    }

    /// ELU of `z`: z above 0, α (eᶻ − 1) below, with derivative 1 above and that + α below,
    /// in new locals.
    fn elu_pair(&mut self, z: u32) -> (u32, u32) {
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

    /// z ≥ 0 ? 1 : 0, and derivative 0, in new locals.
    fn step_pair(&mut self, z: u32) -> (u32, u32) {
        self.f.ops([Op::LocalGet(z)]);
        self.splat(0.0);
        self.op(Op::F32x4Ge);
        self.splat(1.0);
        self.op(Op::V128And);
        let v = self.keep();
        self.splat(0.0);
        (v, self.keep())
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

    /// Softmax across the output units' values `z` (one local each) in place, as
    /// [`crate::core::loss::softmax`] computes it: shifted by the maximum, then divided by the sum.
    pub(super) fn softmax(&mut self, z: &[u32]) {
        // max = fold(−∞, Real::max): `acc > z ? acc : z`, which is pmax(z, acc).
        self.splat(f32::NEG_INFINITY);
        for &v in z {
            let acc = self.keep();
            self.f
                .ops([Op::LocalGet(v), Op::LocalGet(acc), Op::F32x4Pmax]);
        }
        let max = self.keep();
        self.splat(0.0);
        let sum = self.keep();
        for &v in z {
            self.f
                .ops([Op::LocalGet(v), Op::LocalGet(max), Op::F32x4Sub]);
            let shifted = self.keep();
            self.exp(shifted);
            self.f.ops([
                Op::LocalTee(v),
                Op::LocalGet(sum),
                Op::F32x4Add,
                Op::LocalSet(sum),
            ]);
        }
        for &v in z {
            self.f.ops([
                Op::LocalGet(v),
                Op::LocalGet(sum),
                Op::F32x4Div,
                Op::LocalSet(v),
            ]);
        }
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

    /// Pushes [`fastmath::exp_f32`] of `x`: 2^k · p(r), with x = k · ln 2 + r.
    fn exp(&mut self, x: u32) {
        let (t, r) = self.exp_reduce(x);
        self.op(Op::LocalGet(r));
        self.op(Op::LocalGet(r));
        self.op(Op::F32x4Mul);
        let r2 = self.keep();
        let q = self.exp_tail(r, r2);
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
        self.op(Op::V128Const([fastmath::ROUND_F32.to_bits(); 4]));
        self.f.ops([
            Op::I32x4Sub,
            Op::V128Const([127; 4]),
            Op::I32x4Add,
            Op::I32Const(23),
            Op::I32x4Shl,
            Op::F32x4Mul,
        ]);
    }

    /// The range reduction of [`Emitter::exp`]: `x` clamped, t = x·log₂e + round (k in its
    /// low bits), and r = (x − k·ln2_hi) − k·ln2_lo; their locals.
    fn exp_reduce(&mut self, x: u32) -> (u32, u32) {
        use fastmath::{LN2_HI_F32, LN2_LO_F32, MAX_X_F32, MIN_X_F32, ROUND_F32};
        self.clamp(x, MIN_X_F32, MAX_X_F32);
        let x = self.keep();
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
        self.op(Op::LocalGet(x));
        self.op(Op::LocalGet(k));
        self.splat(LN2_HI_F32);
        self.op(Op::F32x4Mul);
        self.op(Op::F32x4Sub);
        self.op(Op::LocalGet(k));
        self.splat(LN2_LO_F32);
        self.op(Op::F32x4Mul);
        self.op(Op::F32x4Sub);
        (t, self.keep())
    }

    /// The Taylor tail of [`Emitter::exp`] in `r` (and `r2` = r²):
    /// q = (pair(2) + pair(4)·r2) + pair(6)·(r2·r2), with pair(i) = c[i] + c[i+1]·r; its local.
    fn exp_tail(&mut self, r: u32, r2: u32) -> u32 {
        let pair = |e: &mut Self, i: usize| {
            e.splat(fastmath::TAYLOR[i] as f32);
            e.splat(fastmath::TAYLOR[i + 1] as f32);
            e.op(Op::LocalGet(r));
            e.op(Op::F32x4Mul);
            e.op(Op::F32x4Add);
        };
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
        self.keep()
    }

    /// Pushes the output δ of output unit `unit`'s value `o` against the target `t`
    /// ([`Output::delta_batch`]; for softmax, `t` is the class as [`crate::core::loss::class_of`]
    /// gives it, and the δ is `o − [t = unit]`).
    pub(super) fn output_delta(&mut self, output: Output, unit: usize, o: u32, t: u32) {
        let diff = [Op::LocalGet(o), Op::LocalGet(t), Op::F32x4Sub];
        match output {
            Output::Binary | Output::TfLinear => self.f.ops(diff),
            Output::Softmax(_) => {
                self.op(Op::LocalGet(o));
                self.op(Op::LocalGet(t));
                self.splat(unit as f32);
                self.op(Op::F32x4Eq);
                self.splat(1.0);
                self.f.ops([Op::V128And, Op::F32x4Sub]);
            }
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
