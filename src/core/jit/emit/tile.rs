//! One tile of a kernel: gathering a tile's rows, the forward pass, the output δ, and
//! backpropagation into the gradient sums, block by block.
use super::{Emitter, BLOCK, P_N, P_ORDER, P_ROWS};
use crate::core::jit::wasm::{Op, Type};
use crate::core::loss::Output;

/// A value for each block of a tile: one v128 local each.
pub(super) type Tiled = Vec<u32>;

/// A tile's values, layer by layer (the inputs first), unit by unit; and the hidden layers'
/// derivatives.
struct Forward {
    values: Vec<Vec<Tiled>>,
    derivs: Vec<Vec<Tiled>>,
}

impl Emitter<'_> {
    /// One tile of `t` blocks, starting at block `block` with lane numbers `lane`: gathers the
    /// rows, runs forward, finds the output δ, adds to the gradient sums and backpropagates;
    /// then moves `lane`, `block` and the order pointer on by `t` blocks.
    pub(super) fn tile(&mut self, t: usize, lane: u32, block: u32) {
        let rows = self.gather_rows(t);
        let width = self.shape.inputs() as u32;
        let x: Vec<Tiled> = (0..width)
            .map(|c| rows.iter().map(|r| self.column(r, c)).collect())
            .collect();
        let target: Tiled = rows.iter().map(|r| self.column(r, width)).collect();
        let weight = self.f.local(Type::V128);
        let forward = self.forward(x, t, weight);
        let outputs = forward.values.last().expect("the output layer's values");
        let deltas = self.output_deltas(outputs, &target, lane);
        self.backward(&forward, deltas, weight);
        self.f.ops([
            Op::LocalGet(lane),
            Op::I32Const(4 * t as i32),
            Op::I32x4Splat,
            Op::I32x4Add,
            Op::LocalSet(lane),
        ]);
        self.advance(block, t as i32);
    }

    /// Each of `t` blocks' four row addresses, `rows + order[k] · row_bytes`, in i32 locals;
    /// then moves the order pointer on past them.
    fn gather_rows(&mut self, t: usize) -> Vec<[u32; 4]> {
        let row_bytes = (self.shape.inputs() as i32 + 1) * 4;
        let rows = (0..t)
            .map(|b| {
                std::array::from_fn(|k| {
                    let r = self.f.local(Type::I32);
                    self.f.ops([
                        Op::LocalGet(P_ROWS),
                        Op::LocalGet(P_ORDER),
                        Op::I32Load(4 * (4 * b + k) as u32),
                        Op::I32Const(row_bytes),
                        Op::I32Mul,
                        Op::I32Add,
                        Op::LocalSet(r),
                    ]);
                    r
                })
            })
            .collect();
        self.advance(P_ORDER, (t as u32 * BLOCK) as i32);
        rows
    }

    /// Column `c` of a block's four rows, one per lane, in a new local.
    fn column(&mut self, row: &[u32; 4], c: u32) -> u32 {
        self.f.ops(row.iter().rev().map(|&r| Op::LocalGet(r)));
        self.op(Op::Load32Splat(4 * c));
        for lane in 1..4 {
            self.op(Op::Load32Lane(4 * c, lane));
        }
        self.keep()
    }

    /// The forward pass of a tile of `t` blocks with inputs `x`: each layer's values, and the
    /// derivatives of the hidden ones (then softmax across the outputs, if that is the output).
    fn forward(&mut self, x: Vec<Tiled>, t: usize, weight: u32) -> Forward {
        let shape = self.shape;
        let last = shape.layers.len() - 1;
        let mut values = vec![x];
        let mut derivs = Vec::new();
        for (l, layer) in shape.layers.iter().enumerate() {
            let hidden = l < last;
            let activation = if hidden {
                layer.activation
            } else {
                shape.output.unit_activation()
            };
            let (mut outs, mut ds) = (Vec::new(), Vec::new());
            for j in 0..layer.fan_out {
                let sums = self.unit_sums(l, j, &values[l], t, weight);
                let (mut vs, mut dv) = (Vec::new(), Vec::new());
                for &sum in &sums {
                    self.op(Op::LocalGet(sum));
                    let (v, d) = self.activation(activation, hidden);
                    vs.push(v);
                    dv.extend(d);
                }
                outs.push(vs);
                ds.push(dv);
            }
            values.push(outs);
            derivs.push(ds);
        }
        if let Output::Softmax(_) = shape.output {
            for b in 0..t {
                let units: Vec<u32> = values[last + 1].iter().map(|o| o[b]).collect();
                self.softmax(&units);
            }
        }
        Forward { values, derivs }
    }

    /// Unit `j` of layer `l`'s sums for each of `t` blocks: the bias, then w · x input by
    /// input.
    fn unit_sums(&mut self, l: usize, j: usize, x: &[Tiled], t: usize, weight: u32) -> Tiled {
        self.param(self.shape.param_index(l, j, None));
        self.op(Op::LocalSet(weight));
        let sums: Tiled = (0..t)
            .map(|_| {
                self.op(Op::LocalGet(weight));
                self.keep()
            })
            .collect();
        for (i, x) in x.iter().enumerate() {
            self.multiply_add(self.shape.param_index(l, j, Some(i)), weight, &sums, x);
        }
        sums
    }

    /// The output δ of each output unit's `outputs` against `target`, block by block, 0 in
    /// the padding lanes (lane number ≥ n).
    fn output_deltas(&mut self, outputs: &[Tiled], target: &Tiled, lane: u32) -> Vec<Tiled> {
        let output = self.shape.output;
        outputs
            .iter()
            .enumerate()
            .map(|(unit, o)| {
                (0..o.len())
                    .map(|b| {
                        self.output_delta(output, unit, o[b], target[b]);
                        self.op(Op::LocalGet(lane));
                        if b > 0 {
                            self.f
                                .ops([Op::I32Const(4 * b as i32), Op::I32x4Splat, Op::I32x4Add]);
                        }
                        self.f
                            .ops([Op::LocalGet(P_N), Op::I32x4Splat, Op::I32x4LtS, Op::V128And]);
                        self.keep()
                    })
                    .collect()
            })
            .collect()
    }

    /// Backward, output layer first, from the output `deltas`: each layer's gradient sums,
    /// then δ of the layer below.
    fn backward(&mut self, forward: &Forward, mut deltas: Vec<Tiled>, weight: u32) {
        for l in (0..self.shape.layers.len()).rev() {
            for (j, dj) in deltas.iter().enumerate() {
                self.accumulate(self.shape.param_index(l, j, None), dj, None);
                for (i, xi) in forward.values[l].iter().enumerate() {
                    self.accumulate(self.shape.param_index(l, j, Some(i)), dj, Some(xi));
                }
            }
            if l == 0 {
                break;
            }
            deltas = (0..self.shape.layers[l].fan_in)
                .map(|i| self.delta_below(l, i, &deltas, &forward.derivs[l - 1][i], weight))
                .collect();
        }
    }

    /// δ of input `i` of layer `l`, block by block: Σⱼ w · δⱼ from 0, in output order, then
    /// times the derivative `deriv`.
    fn delta_below(
        &mut self,
        l: usize,
        i: usize,
        deltas: &[Tiled],
        deriv: &Tiled,
        weight: u32,
    ) -> Tiled {
        let sums: Tiled = deriv
            .iter()
            .map(|_| {
                self.splat(0.0);
                self.keep()
            })
            .collect();
        for (j, dj) in deltas.iter().enumerate() {
            self.multiply_add(self.shape.param_index(l, j, Some(i)), weight, &sums, dj);
        }
        sums.iter()
            .zip(deriv)
            .map(|(&sum, &d)| {
                self.f
                    .ops([Op::LocalGet(sum), Op::LocalGet(d), Op::F32x4Mul]);
                self.keep()
            })
            .collect()
    }
}
