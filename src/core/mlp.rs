//! A dense multi-layer perceptron over flat buffers.
//!
//! All weights and biases live in one `params` vector with `grads` beside it (as in ConvNetJS):
//! layer by layer, a `fan_out × fan_in` row-major weight matrix, then `fan_out` biases.
//! Per-point scratch buffers (`acts`, `dact`, `delta`) are laid out the same way, unit by
//! unit, input units first. There is no object per neuron or per link.
use crate::core::activation::Activation;
use crate::core::loss::Output;
use crate::core::rng::Pcg32;

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

/// The network: layers, parameters, gradients and per-point scratch.
#[derive(Clone, Debug)]
pub struct Mlp {
    layers: Vec<Layer>,
    output: Output,
    /// Weights and biases, layer by layer.
    pub params: Vec<f64>,
    /// ∂loss/∂params, accumulated by [`Mlp::backward`] until [`Mlp::zero_grad`].
    pub grads: Vec<f64>,
    acts: Vec<f64>,
    dact: Vec<f64>,
    delta: Vec<f64>,
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
            acts: vec![0.0; units],
            dact: vec![1.0; units],
            delta: vec![0.0; units],
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
        let layer = &self.layers[l];
        self.params[layer.w + j * layer.fan_in + i]
    }

    /// The bias of unit `j` of layer `l`.
    pub fn bias(&self, l: usize, j: usize) -> f64 {
        self.params[self.layers[l].b() + j]
    }

    /// The index in `params` of a weight, or of a bias with `i = None`.
    pub fn param_index(&self, l: usize, j: usize, i: Option<usize>) -> usize {
        let layer = &self.layers[l];
        match i {
            Some(i) => layer.w + j * layer.fan_in + i,
            None => layer.b() + j,
        }
    }

    /// The outputs of layer `l` (0 = first hidden layer) for the last forward pass.
    pub fn layer_output(&self, l: usize) -> &[f64] {
        let layer = &self.layers[l];
        &self.acts[layer.a_out..layer.a_out + layer.fan_out]
    }

    /// Inference: the outputs (probabilities, or the value for regression) for one input.
    pub fn forward(&mut self, input: &[f64]) -> &[f64] {
        self.forward_impl(input, None)
    }

    /// Training pass: like [`Mlp::forward`], but drops each hidden unit with probability
    /// `dropout` (inverted dropout: survivors are scaled by 1/(1 − dropout)) and keeps what
    /// [`Mlp::backward`] needs.
    pub fn forward_train(&mut self, input: &[f64], dropout: f64, rng: &mut Pcg32) -> &[f64] {
        if dropout > 0.0 {
            self.forward_impl(input, Some((dropout, rng)))
        } else {
            self.forward_impl(input, None)
        }
    }

    fn forward_impl(&mut self, input: &[f64], mut dropout: Option<(f64, &mut Pcg32)>) -> &[f64] {
        let n_in = self.n_inputs();
        self.acts[..n_in].copy_from_slice(&input[..n_in]);
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let (fan_in, fan_out) = (layer.fan_in, layer.fan_out);
            let (before, after) = self.acts.split_at_mut(layer.a_out);
            let x = &before[layer.a_in..];
            let out = &mut after[..fan_out];
            let weights = &self.params[layer.w..layer.b()];
            let biases = &self.params[layer.b()..layer.b() + fan_out];
            for ((o, row), &b) in out.iter_mut().zip(weights.chunks_exact(fan_in)).zip(biases) {
                *o = row.iter().zip(x).fold(b, |s, (w, x)| s + w * x);
            }
            if l == last {
                self.output.activate(out);
                break;
            }
            let dact = &mut self.dact[layer.a_out..layer.a_out + fan_out];
            let act = layer.activation;
            for (o, d) in out.iter_mut().zip(dact.iter_mut()) {
                let z = *o;
                *o = act.value(z);
                *d = act.derivative(z, *o);
            }
            if let Some((rate, rng)) = dropout.as_mut() {
                let keep = 1.0 / (1.0 - *rate);
                for (o, d) in out.iter_mut().zip(dact.iter_mut()) {
                    let mask = if rng.uniform() < *rate { 0.0 } else { keep };
                    *o *= mask;
                    *d *= mask;
                }
            }
        }
        let out = &self.layers[last];
        &self.acts[out.a_out..out.a_out + out.fan_out]
    }

    /// Backpropagation of one point's loss against `target`, after a forward pass on it.
    /// Adds ∂loss/∂params to `grads`.
    pub fn backward(&mut self, target: f64) {
        let last = self.layers.len() - 1;
        let out = &self.layers[last];
        let range = out.a_out..out.a_out + out.fan_out;
        self.output
            .delta(&self.acts[range.clone()], target, &mut self.delta[range]);
        for l in (0..=last).rev() {
            let layer = &self.layers[l];
            let (fan_in, fan_out) = (layer.fan_in, layer.fan_out);
            let (prev_delta, delta) = self.delta.split_at_mut(layer.a_out);
            let delta = &delta[..fan_out];
            let x = &self.acts[layer.a_in..layer.a_out];
            let (gw, gb) = self.grads[layer.w..layer.b() + fan_out].split_at_mut(fan_in * fan_out);
            for ((grow, &d), gb) in gw.chunks_exact_mut(fan_in).zip(delta).zip(gb) {
                *gb += d;
                for (g, &xi) in grow.iter_mut().zip(x) {
                    *g += d * xi;
                }
            }
            if l == 0 {
                break;
            }
            let prev = &mut prev_delta[layer.a_in..];
            prev.fill(0.0);
            let weights = &self.params[layer.w..layer.b()];
            for (row, &d) in weights.chunks_exact(fan_in).zip(delta) {
                for (p, &w) in prev.iter_mut().zip(row) {
                    *p += w * d;
                }
            }
            for (p, &da) in prev.iter_mut().zip(&self.dact[layer.a_in..layer.a_out]) {
                *p *= da;
            }
        }
    }

    /// Sets every gradient to 0.
    pub fn zero_grad(&mut self) {
        self.grads.fill(0.0);
    }

    /// Divides the accumulated gradients by `batch` (so the loss is a mean over the batch) and
    /// adds the regularization gradient of every weight (not of the biases).
    pub fn finish_batch(
        &mut self,
        batch: usize,
        reg: crate::core::regularization::Regularization,
        rate: f64,
    ) {
        let scale = 1.0 / batch.max(1) as f64;
        for g in &mut self.grads {
            *g *= scale;
        }
        if rate > 0.0 && reg != crate::core::regularization::Regularization::None {
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
    pub fn penalty(&self, reg: crate::core::regularization::Regularization, rate: f64) -> f64 {
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

    /// Whether every parameter is finite.
    pub fn is_finite(&self) -> bool {
        self.params.iter().all(|w| w.is_finite())
    }
}

#[cfg(test)]
mod tests;
