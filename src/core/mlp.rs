//! A dense multi-layer perceptron over flat buffers.
//!
//! All weights and biases live in one `params` vector with `grads` beside it (as in ConvNetJS):
//! layer by layer, a `fan_out × fan_in` row-major weight matrix, then `fan_out` biases.
//! A mini-batch of `n` points runs through the network at once: a [`pass::Pass`] holds,
//! unit by unit (input units first), that unit's values for the `n` points in blocks of four
//! (the last block padded; padding lanes carry δ = 0, so they add nothing to the gradients).
//! The kernels work a block at a time, which the compiler turns into vector arithmetic.
//! There is no object per neuron or per link.
//!
//! A batch runs in one of two widths ([`Precision`]): f64 where the numbers are read (losses,
//! gradient checks, the numerical derivative) and f32 where speed matters (training steps and
//! heatmaps). The parameters and their gradients are always kept in f64.
//!
//! With the `jit` feature, a training batch can also run through a kernel compiled for the
//! network's shape ([`Mlp::train_gradient_compiled`]); the network only calls what it is
//! handed (see [`crate::core::trainer::Kernels`]).
use crate::core::activation::Activation;
use crate::core::loss::Output;
use crate::core::regularization::Regularization;
use crate::core::rng::Pcg32;

#[cfg(feature = "jit")]
mod compiled;
pub(crate) mod kernels;
mod pass;
#[cfg(feature = "jit")]
mod rows;
use crate::core::real::Real;
#[cfg(feature = "jit")]
pub use compiled::CompiledKernel;
use pass::Pass;
#[cfg(feature = "jit")]
pub use rows::FastRows;

/// The width a batch is computed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Precision {
    /// f64: for numbers people read and for derivative checks.
    #[default]
    Exact,
    /// f32: half the memory traffic and twice the values per vector instruction; for
    /// training steps and heatmaps (about 7 significant digits).
    Fast,
}

/// Runs `$body` with `$pass` bound to the pass of the loaded batch's width (`mut`: mutably).
macro_rules! with_pass {
    ($net:expr, mut $pass:ident => $body:expr) => {
        match $net.loaded {
            Precision::Exact => {
                let $pass = &mut $net.exact;
                $body
            }
            Precision::Fast => {
                let $pass = &mut $net.fast;
                $body
            }
        }
    };
    ($net:expr, $pass:ident => $body:expr) => {
        match $net.loaded {
            Precision::Exact => {
                let $pass = &$net.exact;
                $body
            }
            Precision::Fast => {
                let $pass = &$net.fast;
                $body
            }
        }
    };
}

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

    /// This layer's shape in a batch of `blocks` blocks, as the kernels take it.
    fn shape(&self, blocks: usize) -> kernels::Shape {
        kernels::Shape {
            fan_in: self.fan_in,
            fan_out: self.fan_out,
            blocks,
        }
    }
}

/// The network: layers, parameters, gradients and per-batch scratch.
#[derive(Clone, Debug)]
pub struct Mlp {
    layers: Vec<Layer>,
    output: Output,
    /// Weights and biases, layer by layer.
    pub params: Vec<f64>,
    /// ∂objective/∂params of the last batch, as [`Mlp::batch_gradient`] leaves them.
    pub grads: Vec<f64>,
    units: usize,
    /// The width of the loaded batch, and each width's scratch.
    loaded: Precision,
    exact: Pass<f64>,
    fast: Pass<f32>,
    /// The last single-point pass's outputs, as [`Mlp::forward`] returns them.
    out: Vec<f64>,
    /// A compiled kernel's buffers.
    #[cfg(feature = "jit")]
    compiled: compiled::Scratch,
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
            units,
            loaded: Precision::Exact,
            exact: Pass::default(),
            fast: Pass::default(),
            out: Vec::new(),
            #[cfg(feature = "jit")]
            compiled: compiled::Scratch::default(),
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

    /// Whether `other` computes with the same architecture: the same layers (sizes and
    /// activations) and the same output. Then its parameters can be copied into this one.
    pub fn same_architecture(&self, other: &Mlp) -> bool {
        self.layers == other.layers && self.output == other.output
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

    /// Copies the values of unit `j` of layer `l` (0 = first hidden layer) for each point of
    /// the last batch into `dst` (as many as fit).
    pub fn unit_values(&self, l: usize, j: usize, dst: &mut [f64]) {
        let unit = self.layers[l].a_out + j;
        with_pass!(self, pass => {
            let n = pass.n;
            for (d, &v) in dst.iter_mut().zip(&pass.unit(unit)[..n]) {
                *d = v.f64();
            }
        })
    }

    /// The outputs of layer `l` for point 0 of the last batch (after [`Mlp::forward`], its
    /// only point).
    pub fn layer_output(&self, l: usize) -> Vec<f64> {
        let layer = &self.layers[l];
        let units = layer.a_out..layer.a_out + layer.fan_out;
        with_pass!(self, pass => units.map(|unit| pass.value(unit, 0)).collect())
    }

    /// The δ = ∂loss/∂z of unit `j` of layer `l` for point `s` of the last batch, as
    /// backpropagation left it in [`Mlp::batch_gradient`] (the loss of that point alone, not
    /// divided by the batch size).
    pub fn unit_delta(&self, l: usize, j: usize, s: usize) -> f64 {
        let unit = self.layers[l].a_out + j;
        with_pass!(self, pass => pass.delta(unit, s))
    }

    /// Loads a batch of input rows (each `n_inputs` long) for the next forward pass, to be
    /// computed in `precision`.
    pub fn load<'a>(
        &mut self,
        rows: impl ExactSizeIterator<Item = &'a [f64]>,
        precision: Precision,
    ) {
        let (units, width) = (self.units, self.n_inputs());
        self.loaded = precision;
        with_pass!(self, mut pass => pass.load(units, width, rows));
    }

    /// Inference for one input: the outputs (probabilities, or the value for regression).
    pub fn forward(&mut self, input: &[f64]) -> &[f64] {
        self.load(std::iter::once(input), Precision::Exact);
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
    /// 1/(1 − rate)) and keeps what [`Mlp::batch_gradient`] needs.
    pub fn forward_batch(&mut self, dropout: f64, rng: Option<&mut Pcg32>) {
        self.run_forward(dropout, rng, true);
    }

    /// Runs the loaded batch forward for inference only: no dropout, and nothing kept for
    /// backpropagation (so [`Mlp::batch_gradient`] must not follow).
    pub fn infer_batch(&mut self) {
        self.run_forward(0.0, None, false);
    }

    fn run_forward(&mut self, dropout: f64, rng: Option<&mut Pcg32>, training: bool) {
        let (layers, params, output) = (&self.layers, &self.params, self.output);
        with_pass!(self, mut pass => pass.forward(layers, params, output, dropout, rng, training));
    }

    /// The outputs for point `s` of the last batch, copied into `out` (one per output unit).
    pub fn output_of(&self, s: usize, out: &mut [f64]) {
        let layer = &self.layers[self.layers.len() - 1];
        let units = layer.a_out..layer.a_out + layer.fan_out;
        with_pass!(self, pass => {
            for (o, unit) in out.iter_mut().zip(units) {
                *o = pass.value(unit, s);
            }
        })
    }

    /// The gradient of what training minimizes for the loaded batch, after
    /// [`Mlp::forward_batch`] with the same `params` (backpropagation reads them again): the
    /// mean loss over its `targets` plus the regularization penalty of the weights (not the
    /// biases). Replaces `grads`, in one pass over the batch's sums.
    pub fn batch_gradient(&mut self, targets: &[f64], reg: Regularization, rate: f64) {
        self.backward_sums(targets);
        self.gradient_from_sums(targets.len(), reg, rate);
    }

    /// A training step's gradient for the loaded batch: [`Mlp::forward_batch`] with `dropout`
    /// and `rng`, then [`Mlp::batch_gradient`].
    pub fn train_gradient(
        &mut self,
        targets: &[f64],
        dropout: f64,
        rng: Option<&mut Pcg32>,
        reg: Regularization,
        rate: f64,
    ) {
        self.forward_batch(dropout, rng);
        self.batch_gradient(targets, reg, rate);
    }

    /// `grads` from the pass's gradient sums over `points` points: their mean, plus the
    /// regularization penalty's gradient for the weights.
    fn gradient_from_sums(&mut self, points: usize, reg: Regularization, rate: f64) {
        let scale = 1.0 / points.max(1) as f64;
        let reg = (rate > 0.0 && reg != Regularization::None).then_some(reg);
        with_pass!(self, pass => {
            let sums = pass.grad_sums();
            debug_assert_eq!(sums.len(), self.grads.len(), "a sum for every parameter");
            let Some(reg) = reg else {
                // No penalty: weights and biases alike, in one loop.
                for (g, s) in self.grads.iter_mut().zip(sums) {
                    *g = s.f64() * scale;
                }
                return;
            };
            for layer in &self.layers {
                let (weights, biases) = (layer.w..layer.b(), layer.b()..layer.b() + layer.fan_out);
                let pairs = self.grads[weights.clone()].iter_mut().zip(&sums[weights.clone()]);
                for ((g, s), &w) in pairs.zip(&self.params[weights]) {
                    *g = s.f64() * scale + reg.grad(w, rate);
                }
                for (g, s) in self.grads[biases.clone()].iter_mut().zip(&sums[biases]) {
                    *g = s.f64() * scale;
                }
            }
        })
    }

    /// Backpropagates the loaded batch into its pass's gradient sums.
    fn backward_sums(&mut self, targets: &[f64]) {
        let (layers, params, output) = (&self.layers, &self.params, self.output);
        with_pass!(self, mut pass => pass.backward(layers, params, output, targets));
    }

    /// L1's rule at zero (the soft threshold of proximal gradient descent; the TensorFlow
    /// Playground stops weights at zero likewise): a weight (not a bias) that a step carried
    /// across zero from its value in `before` stops at exactly 0, and a weight at 0 stays there
    /// while the step would move it by at most `limit` (η·λ: its data gradient is weaker than
    /// λ). So L1 leaves unneeded weights at exactly 0, the notes' sparsity (1, 0, 0, 1, 0),
    /// where its step of ±η·λ alone would make them hop around zero.
    pub fn stop_l1_crossings(&mut self, before: &[f64], limit: f64) {
        for layer in &self.layers {
            let weights = layer.w..layer.b();
            let pairs = self.params[weights.clone()]
                .iter_mut()
                .zip(&before[weights]);
            for (w, &was) in pairs {
                let crossed = was != 0.0 && *w != 0.0 && w.signum() != was.signum();
                let held = was == 0.0 && w.abs() <= limit;
                if crossed || held {
                    *w = 0.0;
                }
            }
        }
    }

    /// How many weights (not biases) are exactly 0, and how many weights there are.
    pub fn zero_weights(&self) -> (usize, usize) {
        let weights = || self.layers.iter().flat_map(|l| &self.params[l.w..l.b()]);
        (weights().filter(|w| **w == 0.0).count(), weights().count())
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
