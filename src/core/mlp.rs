//! A dense multi-layer perceptron over flat buffers.
//!
//! All weights and biases live in one `params` vector with `grads` beside it (as in ConvNetJS):
//! layer by layer, a `fan_out × fan_in` row-major weight matrix, then `fan_out` biases.
//! A mini-batch of `n` points runs through the network at once: the scratch buffers (`acts`,
//! `dact`, `delta`) hold, unit by unit (input units first), that unit's values for the `n`
//! points in blocks of [`LANES`] (the last block padded; padding lanes carry δ = 0, so they
//! add nothing to the gradients). The kernels work a block at a time, which the compiler
//! turns into vector arithmetic. There is no object per neuron or per link.
use crate::core::activation::Activation;
use crate::core::loss::Output;
use crate::core::regularization::Regularization;
use crate::core::rng::Pcg32;

mod kernels;
use kernels::{dense_backward, dense_forward, dense_grads, Block, LANES};

/// How the weights are initialized. Biases start at 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Init {
    /// Glorot/Xavier uniform: U(−√(6/(fan_in+fan_out)), +√(6/(fan_in+fan_out))). Suits tanh, sigmoid.
    #[default]
    Xavier,
    /// He normal: N(0, 2/fan_in). Suits ReLU.
    He,
    /// Every weight 0: shows why symmetric starts cannot learn different features.
    Zero,
}

impl Init {
    /// Every choice, in UI order.
    pub const ALL: [Init; 3] = [Init::Xavier, Init::He, Init::Zero];

    /// The link name.
    pub fn name(self) -> &'static str {
        match self {
            Init::Xavier => "xavier",
            Init::He => "he",
            Init::Zero => "zero",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|i| i.name().eq_ignore_ascii_case(name))
    }
}

/// One dense layer's place in the flat buffers.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub fan_in: usize,
    pub fan_out: usize,
    /// Hidden layers' non-linearity; the last layer's is given by the network's [`Output`].
    pub activation: Activation,
    /// Offset of the weight matrix in `params`; the biases follow it.
    w: usize,
    /// Offset of this layer's input units and output units in the per-unit buffers.
    a_in: usize,
    a_out: usize,
}

impl Layer {
    fn b(&self) -> usize {
        self.w + self.fan_in * self.fan_out
    }
}

/// The network: layers, parameters, gradients and per-batch scratch.
#[derive(Clone, Debug)]
pub struct Mlp {
    layers: Vec<Layer>,
    output: Output,
    /// Weights and biases, layer by layer.
    pub params: Vec<f64>,
    /// ∂loss/∂params, summed over the points by [`Mlp::backward_batch`] until [`Mlp::zero_grad`].
    pub grads: Vec<f64>,
    /// Points in the current batch.
    n: usize,
    /// Blocks per unit in the scratch buffers: `n` rounded up to whole blocks.
    blocks: usize,
    units: usize,
    acts: Vec<Block>,
    dact: Vec<Block>,
    delta: Vec<Block>,
    /// The last single-point pass's outputs, as [`Mlp::forward`] returns them.
    out: Vec<f64>,
}

impl Mlp {
    /// A network `n_inputs → hidden[0] → … → output.units()`. `activations[l]` is hidden layer
    /// `l`'s activation (the last one repeats if the list is short). Weights come from `rng`.
    pub fn new(
        n_inputs: usize,
        hidden: &[usize],
        activations: &[Activation],
        output: Output,
        init: Init,
        rng: &mut Pcg32,
    ) -> Self {
        let mut sizes = vec![n_inputs.max(1)];
        sizes.extend(hidden.iter().map(|&h| h.max(1)));
        sizes.push(output.units());
        let mut layers = Vec::with_capacity(sizes.len() - 1);
        let (mut w, mut a_in) = (0, 0);
        for (l, pair) in sizes.windows(2).enumerate() {
            let activation = activations
                .get(l)
                .or(activations.last())
                .copied()
                .unwrap_or_default();
            let (fan_in, fan_out) = (pair[0], pair[1]);
            layers.push(Layer {
                fan_in,
                fan_out,
                activation,
                w,
                a_in,
                a_out: a_in + fan_in,
            });
            w += fan_in * fan_out + fan_out;
            a_in += fan_in;
        }
        let units: usize = sizes.iter().sum();
        let mut net = Mlp {
            layers,
            output,
            params: vec![0.0; w],
            grads: vec![0.0; w],
            n: 0,
            blocks: 0,
            units,
            acts: Vec::new(),
            dact: Vec::new(),
            delta: Vec::new(),
            out: Vec::new(),
        };
        net.init_weights(init, rng);
        net
    }

    /// Draws fresh weights (biases 0), as Reset does.
    pub fn init_weights(&mut self, init: Init, rng: &mut Pcg32) {
        self.params.fill(0.0);
        for layer in &self.layers {
            let (fan_in, fan_out) = (layer.fan_in as f64, layer.fan_out as f64);
            let weights = &mut self.params[layer.w..layer.b()];
            for w in weights {
                *w = match init {
                    Init::Xavier => {
                        let limit = (6.0 / (fan_in + fan_out)).sqrt();
                        rng.range(-limit, limit)
                    }
                    Init::He => rng.normal() * (2.0 / fan_in).sqrt(),
                    Init::Zero => 0.0,
                };
            }
        }
    }

    /// The layers, input side first.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The output layer's kind.
    pub fn output(&self) -> Output {
        self.output
    }

    /// The number of inputs.
    pub fn n_inputs(&self) -> usize {
        self.layers[0].fan_in
    }

    /// Units per layer, inputs first, outputs last.
    pub fn sizes(&self) -> Vec<usize> {
        let mut s = vec![self.n_inputs()];
        s.extend(self.layers.iter().map(|l| l.fan_out));
        s
    }

    /// The weight from unit `i` of layer `l`'s input to its unit `j`.
    pub fn weight(&self, l: usize, j: usize, i: usize) -> f64 {
        self.params[self.param_index(l, j, Some(i))]
    }

    /// The bias of unit `j` of layer `l`.
    pub fn bias(&self, l: usize, j: usize) -> f64 {
        self.params[self.param_index(l, j, None)]
    }

    /// The index in `params` of a weight, or of a bias with `i = None`.
    pub fn param_index(&self, l: usize, j: usize, i: Option<usize>) -> usize {
        let layer = &self.layers[l];
        match i {
            Some(i) => layer.w + j * layer.fan_in + i,
            None => layer.b() + j,
        }
    }

    /// The values of unit `j` of layer `l` (0 = first hidden layer) for each point of the
    /// last batch.
    pub fn unit_values(&self, l: usize, j: usize) -> &[f64] {
        &self.unit(&self.acts, self.layers[l].a_out + j)[..self.n]
    }

    /// The outputs of layer `l` for point 0 of the last batch (after [`Mlp::forward`], its
    /// only point).
    pub fn layer_output(&self, l: usize) -> Vec<f64> {
        let layer = &self.layers[l];
        (layer.a_out..layer.a_out + layer.fan_out)
            .map(|unit| self.acts[unit * self.blocks][0])
            .collect()
    }

    /// One unit's values in `buf` (all its blocks, padding included), flattened.
    fn unit<'a>(&self, buf: &'a [Block], unit: usize) -> &'a [f64] {
        buf[unit * self.blocks..(unit + 1) * self.blocks].as_flattened()
    }

    /// Loads a batch of input rows (each `n_inputs` long) for the next forward pass.
    pub fn load<'a>(&mut self, rows: impl ExactSizeIterator<Item = &'a [f64]>) {
        let n = rows.len();
        let blocks = n.div_ceil(LANES);
        (self.n, self.blocks) = (n, blocks);
        let size = self.units * blocks;
        for buf in [&mut self.acts, &mut self.dact, &mut self.delta] {
            if buf.len() < size {
                buf.resize(size, [0.0; LANES]);
            }
        }
        let width = self.n_inputs();
        // Padding lanes are 0, so every value computed from them stays finite.
        self.acts[..width * blocks].fill([0.0; LANES]);
        for (s, row) in rows.enumerate() {
            for (i, &x) in row[..width].iter().enumerate() {
                self.acts[i * blocks + s / LANES][s % LANES] = x;
            }
        }
    }

    /// Inference for one input: the outputs (probabilities, or the value for regression).
    pub fn forward(&mut self, input: &[f64]) -> &[f64] {
        self.load(std::iter::once(input));
        self.infer_batch();
        let units = self.output.units();
        let mut out = std::mem::take(&mut self.out);
        out.resize(units, 0.0);
        self.output_of(0, &mut out);
        self.out = out;
        &self.out
    }

    /// Runs the loaded batch forward. With a `dropout` rate and a `rng` (training), drops each
    /// hidden unit with that probability (inverted dropout: survivors are scaled by
    /// 1/(1 − rate)) and keeps what [`Mlp::backward_batch`] needs.
    pub fn forward_batch(&mut self, dropout: f64, rng: Option<&mut Pcg32>) {
        self.run_forward(dropout, rng, true);
    }

    /// Runs the loaded batch forward for inference only: no dropout, and nothing kept for
    /// backpropagation (so [`Mlp::backward_batch`] must not follow).
    pub fn infer_batch(&mut self) {
        self.run_forward(0.0, None, false);
    }

    fn run_forward(&mut self, dropout: f64, mut rng: Option<&mut Pcg32>, training: bool) {
        let (n, blocks) = (self.n, self.blocks);
        if blocks == 0 {
            return;
        }
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let fan_out = layer.fan_out;
            let (before, after) = self.acts.split_at_mut(layer.a_out * blocks);
            let x = &before[layer.a_in * blocks..];
            let out = &mut after[..fan_out * blocks];
            let weights = &self.params[layer.w..layer.b()];
            let biases = &self.params[layer.b()..layer.b() + fan_out];
            dense_forward(weights, biases, x, out, blocks);
            let out = out.as_flattened_mut();
            if l == last {
                self.output.activate_batch(out, blocks * LANES);
                break;
            }
            if !training {
                layer.activation.apply_values(out);
                continue;
            }
            let dact = &mut self.dact[layer.a_out * blocks..(layer.a_out + fan_out) * blocks];
            let dact = dact.as_flattened_mut();
            layer.activation.apply_slice(out, dact);
            if let (true, Some(rng)) = (dropout > 0.0, rng.as_mut()) {
                let keep = 1.0 / (1.0 - dropout);
                // One draw per unit and real point; padding lanes are left alone.
                for (o, d) in out
                    .chunks_exact_mut(blocks * LANES)
                    .zip(dact.chunks_exact_mut(blocks * LANES))
                {
                    for (o, d) in o[..n].iter_mut().zip(&mut d[..n]) {
                        let mask = if rng.uniform() < dropout { 0.0 } else { keep };
                        *o *= mask;
                        *d *= mask;
                    }
                }
            }
        }
    }

    /// The outputs for point `s` of the last batch, copied into `out` (one per output unit).
    pub fn output_of(&self, s: usize, out: &mut [f64]) {
        let layer = &self.layers[self.layers.len() - 1];
        for (k, o) in out.iter_mut().enumerate().take(layer.fan_out) {
            *o = self.acts[(layer.a_out + k) * self.blocks + s / LANES][s % LANES];
        }
    }

    /// Backpropagation of the loaded batch against `targets` (one per point), after
    /// [`Mlp::forward_batch`]. Adds ∂(Σ losses)/∂params to `grads`.
    pub fn backward_batch(&mut self, targets: &[f64]) {
        let blocks = self.blocks;
        if blocks == 0 {
            return;
        }
        let last = self.layers.len() - 1;
        let out = &self.layers[last];
        let range = out.a_out * blocks..(out.a_out + out.fan_out) * blocks;
        self.output.delta_batch(
            self.acts[range.clone()].as_flattened(),
            targets,
            self.delta[range].as_flattened_mut(),
            blocks * LANES,
        );
        for l in (0..=last).rev() {
            let layer = &self.layers[l];
            let (fan_in, fan_out) = (layer.fan_in, layer.fan_out);
            let (prev_delta, delta) = self.delta.split_at_mut(layer.a_out * blocks);
            let delta = &delta[..fan_out * blocks];
            let x = &self.acts[layer.a_in * blocks..layer.a_out * blocks];
            let (gw, gb) = self.grads[layer.w..layer.b() + fan_out].split_at_mut(fan_in * fan_out);
            dense_grads(delta, x, gw, gb, blocks);
            if l == 0 {
                break;
            }
            let weights = &self.params[layer.w..layer.b()];
            let dact = &self.dact[layer.a_in * blocks..layer.a_out * blocks];
            dense_backward(
                weights,
                delta,
                dact,
                &mut prev_delta[layer.a_in * blocks..],
                blocks,
            );
        }
    }

    /// Sets every gradient to 0.
    pub fn zero_grad(&mut self) {
        self.grads.fill(0.0);
    }

    /// Divides the accumulated gradients by `batch` (so the loss is a mean over the batch) and
    /// adds the regularization gradient of every weight (not of the biases).
    pub fn finish_batch(&mut self, batch: usize, reg: Regularization, rate: f64) {
        let scale = 1.0 / batch.max(1) as f64;
        for g in &mut self.grads {
            *g *= scale;
        }
        if rate > 0.0 && reg != Regularization::None {
            for layer in &self.layers {
                let range = layer.w..layer.b();
                for (g, &w) in self.grads[range.clone()]
                    .iter_mut()
                    .zip(&self.params[range])
                {
                    *g += reg.grad(w, rate);
                }
            }
        }
    }

    /// The regularization penalty of all weights.
    pub fn penalty(&self, reg: Regularization, rate: f64) -> f64 {
        self.layers
            .iter()
            .flat_map(|l| &self.params[l.w..l.b()])
            .map(|&w| reg.penalty(w, rate))
            .sum()
    }

    /// The loss of one point (inference pass).
    pub fn loss(&mut self, input: &[f64], target: f64) -> f64 {
        let output = self.output;
        output.loss(self.forward(input), target)
    }

    /// The mean |gradient| of each layer's weights (input side first), from `grads`.
    pub fn layer_grad_magnitudes(&self) -> Vec<f64> {
        self.layers
            .iter()
            .map(|l| {
                let g = &self.grads[l.w..l.b()];
                g.iter().map(|v| v.abs()).sum::<f64>() / g.len().max(1) as f64
            })
            .collect()
    }

    /// Whether every parameter is finite.
    pub fn is_finite(&self) -> bool {
        self.params.iter().all(|w| w.is_finite())
    }
}

#[cfg(test)]
mod tests;
