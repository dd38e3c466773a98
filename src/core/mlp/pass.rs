//! One width's per-batch buffers and the passes over them. The network keeps a [`Pass`] for
//! each width it computes in; the weights stay f64 in the network, and the kernels round each
//! to the pass's width where they use it. The network reads the pass's gradient sums back as
//! f64.
use super::kernels::{dense_backward, dense_forward, dense_grads, Block, Shape, LANES};
use super::Layer;
use crate::core::activation::PairUser;
use crate::core::loss::Output;
use crate::core::real::Real;
use crate::core::rng::Pcg32;

/// [`dense_forward`] with the activation it is run with (see [`PairUser`]).
struct Forward<'a, F> {
    weights: &'a [f64],
    biases: &'a [f64],
    x: &'a [Block<F>],
    out: &'a mut [Block<F>],
    dact: Option<&'a mut [Block<F>]>,
    shape: Shape,
}

impl<F: Real> PairUser<F> for Forward<'_, F> {
    type Output = ();
    #[inline(always)]
    fn run<P: Fn(F) -> (F, F) + Copy>(self, pair: P) {
        let Forward { x, out, dact, .. } = self;
        dense_forward(self.weights, self.biases, x, out, dact, self.shape, pair);
    }
}

/// Scratch for one batch, unit by unit (input units first), each unit's values for the `n`
/// points in blocks of [`LANES`] (the last block padded; padding lanes carry δ = 0).
#[derive(Clone, Debug, Default)]
pub(super) struct Pass<F> {
    /// Points in the batch.
    pub n: usize,
    /// Blocks per unit: `n` rounded up to whole blocks.
    pub blocks: usize,
    acts: Vec<Block<F>>,
    dact: Vec<Block<F>>,
    delta: Vec<Block<F>>,
    /// This batch's gradient sums, before they are added to the network's (a compiled kernel
    /// writes them too).
    pub(super) grads: Vec<F>,
}

impl<F: Real> Pass<F> {
    /// Loads input rows (each at least `width` long) into a network of `units` units.
    pub fn load<'a>(
        &mut self,
        units: usize,
        width: usize,
        rows: impl ExactSizeIterator<Item = &'a [f64]>,
    ) {
        let n = rows.len();
        let blocks = n.div_ceil(LANES);
        (self.n, self.blocks) = (n, blocks);
        let size = units * blocks;
        for buf in [&mut self.acts, &mut self.dact, &mut self.delta] {
            if buf.len() < size {
                buf.resize(size, [F::ZERO; LANES]);
            }
        }
        // Padding lanes are 0, so every value computed from them stays finite.
        self.acts[..width * blocks].fill([F::ZERO; LANES]);
        for (s, row) in rows.enumerate() {
            for (i, &x) in row[..width].iter().enumerate() {
                self.acts[i * blocks + s / LANES][s % LANES] = F::of(x);
            }
        }
    }

    /// One unit's values (all its blocks, padding included), flattened.
    pub fn unit(&self, unit: usize) -> &[F] {
        self.acts[unit * self.blocks..(unit + 1) * self.blocks].as_flattened()
    }

    /// Unit `unit`'s value for point `s`.
    pub fn value(&self, unit: usize, s: usize) -> f64 {
        self.acts[unit * self.blocks + s / LANES][s % LANES].f64()
    }

    /// Unit `unit`'s δ = ∂loss/∂z for point `s`, as of the last [`Pass::backward`] (input
    /// units have none: 0).
    pub fn delta(&self, unit: usize, s: usize) -> f64 {
        self.delta
            .get(unit * self.blocks + s / LANES)
            .map_or(0.0, |block| block[s % LANES].f64())
    }

    /// Runs the loaded batch forward through `layers` with `params`. With `training`, keeps
    /// the derivatives for [`Pass::backward`] and applies dropout (with a `dropout` rate and a
    /// `rng`: inverted dropout, survivors scaled by 1/(1 − rate)).
    pub fn forward(
        &mut self,
        layers: &[Layer],
        params: &[f64],
        output: Output,
        dropout: f64,
        mut rng: Option<&mut Pcg32>,
        training: bool,
    ) {
        let blocks = self.blocks;
        if blocks == 0 {
            return;
        }
        let last = layers.len() - 1;
        for (l, layer) in layers.iter().enumerate() {
            let (fan_out, shape) = (layer.fan_out, layer.shape(blocks));
            let (before, after) = self.acts.split_at_mut(layer.a_out * blocks);
            let x = &before[layer.a_in * blocks..];
            let out = &mut after[..fan_out * blocks];
            let weights = &params[layer.w..layer.b()];
            let biases = &params[layer.b()..layer.b() + fan_out];
            let units = layer.a_out * blocks..(layer.a_out + fan_out) * blocks;
            // The derivatives are kept for backpropagation through hidden layers only.
            let hidden = l < last;
            let dact = (training && hidden).then(|| &mut self.dact[units.clone()]);
            let activation = if hidden {
                layer.activation
            } else {
                output.unit_activation()
            };
            activation.with_pair(Forward {
                weights,
                biases,
                x,
                out: &mut *out,
                dact,
                shape,
            });
            if !hidden {
                output.mix_batch(out.as_flattened_mut(), blocks * LANES);
                break;
            }
            if let (true, Some(rng)) = (training && dropout > 0.0, rng.as_mut()) {
                self.drop_units(units, dropout, rng);
            }
        }
    }

    /// Inverted dropout on the units whose blocks are `units`: drops each unit's value and
    /// derivative for each real point with probability `dropout` (one draw each, unit by unit,
    /// point by point), and scales the survivors by 1/(1 − dropout). Padding lanes are left
    /// alone.
    fn drop_units(&mut self, units: std::ops::Range<usize>, dropout: f64, rng: &mut Pcg32) {
        let (n, blocks) = (self.n, self.blocks);
        let out = self.acts[units.clone()].as_flattened_mut();
        let dact = self.dact[units].as_flattened_mut();
        let keep = F::of(1.0 / (1.0 - dropout));
        for (o, d) in out
            .chunks_exact_mut(blocks * LANES)
            .zip(dact.chunks_exact_mut(blocks * LANES))
        {
            for (o, d) in o[..n].iter_mut().zip(&mut d[..n]) {
                let mask = if rng.uniform() < dropout {
                    F::ZERO
                } else {
                    keep
                };
                *o *= mask;
                *d *= mask;
            }
        }
    }

    /// This batch's gradient sums ∂(Σ losses)/∂params, as of the last [`Pass::backward`].
    pub fn grad_sums(&self) -> &[F] {
        &self.grads
    }

    /// Backpropagation of the batch against `targets` (one per point), after a training
    /// [`Pass::forward`] with the same `params`: leaves ∂(Σ losses)/∂params in
    /// [`Pass::grad_sums`] (every one is written, so nothing needs clearing first).
    pub fn backward(&mut self, layers: &[Layer], params: &[f64], output: Output, targets: &[f64]) {
        self.grads.resize(params.len(), F::ZERO);
        let blocks = self.blocks;
        if blocks == 0 {
            self.grads.fill(F::ZERO);
            return;
        }
        let last = layers.len() - 1;
        let out = &layers[last];
        let range = out.a_out * blocks..(out.a_out + out.fan_out) * blocks;
        output.delta_batch(
            self.acts[range.clone()].as_flattened(),
            targets,
            self.delta[range].as_flattened_mut(),
            blocks * LANES,
        );
        for l in (0..=last).rev() {
            let layer = &layers[l];
            let (fan_in, fan_out) = (layer.fan_in, layer.fan_out);
            let (prev_delta, delta) = self.delta.split_at_mut(layer.a_out * blocks);
            let delta = &delta[..fan_out * blocks];
            let x = &self.acts[layer.a_in * blocks..layer.a_out * blocks];
            let (gw, gb) = self.grads[layer.w..layer.b() + fan_out].split_at_mut(fan_in * fan_out);
            dense_grads(delta, x, gw, gb, layer.shape(blocks));
            if l == 0 {
                break;
            }
            let weights = &params[layer.w..layer.b()];
            let dact = &self.dact[layer.a_in * blocks..layer.a_out * blocks];
            dense_backward(
                weights,
                delta,
                dact,
                &mut prev_delta[layer.a_in * blocks..],
                layer.shape(blocks),
            );
        }
    }
}
