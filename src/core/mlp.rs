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
use crate::core::rng::Pcg32;

#[cfg(feature = "jit")]
mod compiled;
mod init;
pub(crate) mod kernels;
mod pass;
#[cfg(feature = "jit")]
mod rows;
use crate::core::real::Real;
#[cfg(feature = "jit")]
pub use compiled::CompiledKernel;
pub use init::Init;
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

// After the macro, which it uses.
mod gradient;

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
