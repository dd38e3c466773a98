//! Backpropagation, step by step, for one training point (the notes' Lesson "Backpropagation"):
//! the feedforward (each unit's sum z and activation a), the error E of that point, and going
//! back, each unit's δ = ∂E/∂z and each weight's ∂E/∂w = δ·a, beside the numerical derivative
//! (central difference) of the same E as a check.
//!
//! Every number comes from the engine the app trains with ([`Mlp`]): its forward pass, its
//! backward pass (δ and the gradient), and [`Batch::numerical`]. Only the sums z are added up
//! here again, from the weights and the previous layer's activations, because the engine keeps
//! only a. E is the point's loss without the regularization penalty, and without dropout.
use crate::core::activation::Activation;
use crate::core::gradients::Batch;
use crate::core::loss::Output;
use crate::core::mlp::{Mlp, Precision};
use crate::core::regularization::Regularization;

mod text;
pub use text::subscript;

/// The largest network shown whole: up to this many hidden layers...
pub const SMALL_LAYERS: usize = 3;
/// ...and up to this many units in every layer (inputs and outputs included). Larger networks
/// show one chosen weight's chain.
pub const SMALL_UNITS: usize = 4;

/// One unit in the feedforward and in the backward pass.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitStep {
    /// 1 for the first hidden layer; the output layer is the last.
    pub layer: usize,
    /// The unit's number in its layer, from 0.
    pub unit: usize,
    /// The unit's activation (for softmax outputs `Linear`: softmax mixes the units after).
    pub activation: Activation,
    /// The sum z = Σᵢ wᵢ·aᵢ + b.
    pub z: f64,
    /// The activation a = f(z) (softmax outputs: the probability).
    pub a: f64,
    /// f'(z) for hidden units; `None` for output units, whose δ comes from the loss.
    pub slope: Option<f64>,
    /// δ = ∂E/∂z, as the engine's backward pass left it.
    pub delta: f64,
}

/// One weight (or bias) and its derivative.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightStep {
    /// The layer it feeds (1 = first hidden layer).
    pub layer: usize,
    /// The unit it feeds.
    pub to: usize,
    /// The unit of the previous layer (or input) it comes from; `None` for the bias.
    pub from: Option<usize>,
    /// Its index in the network's parameters.
    pub index: usize,
    /// Its value.
    pub w: f64,
    /// What it multiplies: the previous unit's activation (the input xᵢ in layer 1), 1 for
    /// the bias.
    pub a_in: f64,
    /// The δ of the unit it feeds.
    pub delta: f64,
    /// The engine's ∂E/∂w (backpropagation).
    pub grad: f64,
    /// The central difference (E(w + ε) − E(w − ε)) / 2ε.
    pub numerical: f64,
}

/// Backpropagation of one point through a network, every number of it.
#[derive(Clone, Debug, PartialEq)]
pub struct BackpropTable {
    /// The input vector x (the features, standardized if training standardizes them).
    pub input: Vec<f64>,
    /// The target y as the output layer reads it.
    pub target: f64,
    /// The output layer and its loss.
    pub output: Output,
    /// Units per layer, inputs first.
    pub sizes: Vec<usize>,
    /// Hidden and output units, layer by layer.
    pub units: Vec<UnitStep>,
    /// The error E of this point.
    pub loss: f64,
    /// Every weight and bias, layer by layer; in each layer unit by unit, its weights from
    /// each input and then its bias (the order of the parameters).
    pub weights: Vec<WeightStep>,
    /// The central difference's step.
    pub epsilon: f64,
}

/// Backpropagation of the point `input` (with target `target`) through `net`, with the
/// numerical derivative of the same error (step `epsilon`) beside it. `net` is not changed.
/// An `input` shorter than the network's inputs is padded with 0.
pub fn backprop_table(net: &Mlp, input: &[f64], target: f64, epsilon: f64) -> BackpropTable {
    let mut net = net.clone();
    let sizes = net.sizes();
    let mut x = input.to_vec();
    x.resize(sizes[0], 0.0);
    net.load(std::iter::once(&x[..]), Precision::Exact);
    net.forward_batch(0.0, None);
    let output = net.output();
    let mut out = vec![0.0; output.units()];
    net.output_of(0, &mut out);
    let loss = output.loss(&out, target);
    net.batch_gradient(&[target], Regularization::None, 0.0);
    let grads = net.grads.clone();
    let last = net.layers().len() - 1;
    let mut units = Vec::new();
    let mut prev = x.clone();
    for (l, layer) in net.layers().iter().enumerate() {
        let a = net.layer_output(l);
        let activation = if l == last {
            output.unit_activation()
        } else {
            layer.activation
        };
        for (j, &a_j) in a.iter().enumerate() {
            let z = (0..layer.fan_in)
                .map(|i| net.weight(l, j, i) * prev[i])
                .sum::<f64>()
                + net.bias(l, j);
            units.push(UnitStep {
                layer: l + 1,
                unit: j,
                activation,
                z,
                a: a_j,
                slope: (l < last).then(|| activation.derivative(z, a_j)),
                delta: net.unit_delta(l, j, 0),
            });
        }
        prev = a;
    }
    let batch = Batch {
        rows: &x,
        width: x.len(),
        targets: &[target],
        reg: Regularization::None,
        rate: 0.0,
    };
    batch.numerical(&mut net, epsilon);
    let mut weights = Vec::with_capacity(grads.len());
    let mut a_prev = x.clone();
    for (l, layer) in net.layers().iter().enumerate() {
        for j in 0..layer.fan_out {
            let delta = net.unit_delta(l, j, 0);
            let froms = (0..layer.fan_in).map(Some).chain(std::iter::once(None));
            for from in froms {
                let index = net.param_index(l, j, from);
                weights.push(WeightStep {
                    layer: l + 1,
                    to: j,
                    from,
                    index,
                    w: net.params[index],
                    a_in: from.map_or(1.0, |i| a_prev[i]),
                    delta,
                    grad: grads[index],
                    numerical: net.grads[index],
                });
            }
        }
        a_prev = units
            .iter()
            .filter(|u| u.layer == l + 1)
            .map(|u| u.a)
            .collect();
    }
    BackpropTable {
        input: x,
        target,
        output,
        sizes,
        units,
        loss,
        weights,
        epsilon,
    }
}

impl BackpropTable {
    /// Whether the network is small enough to show whole (see [`SMALL_LAYERS`]).
    pub fn is_small(&self) -> bool {
        self.sizes.len() <= SMALL_LAYERS + 2 && self.sizes.iter().all(|&n| n <= SMALL_UNITS)
    }

    /// The output layer's number (1 = first hidden layer).
    pub fn output_layer(&self) -> usize {
        self.sizes.len() - 1
    }

    /// Unit `unit` of layer `layer` (1 = first hidden layer).
    pub fn unit(&self, layer: usize, unit: usize) -> Option<&UnitStep> {
        self.units
            .iter()
            .find(|u| u.layer == layer && u.unit == unit)
    }

    /// The units of layer `layer`.
    pub fn layer(&self, layer: usize) -> impl Iterator<Item = &UnitStep> {
        self.units.iter().filter(move |u| u.layer == layer)
    }

    /// The weights feeding unit `to` of layer `layer`, bias last.
    pub fn weights_into(&self, layer: usize, to: usize) -> impl Iterator<Item = &WeightStep> {
        self.weights
            .iter()
            .filter(move |w| w.layer == layer && w.to == to)
    }

    /// The largest |backprop − numerical| over every weight and bias.
    pub fn largest_gap(&self) -> f64 {
        self.weights
            .iter()
            .map(|w| (w.grad - w.numerical).abs())
            .fold(0.0, f64::max)
    }

    /// The units one weight's chain runs through: the unit it feeds, and the units of the
    /// next layer, whose δ that unit's δ is made of. What a large network shows for a chosen
    /// weight.
    pub fn chain_units(&self, weight: &WeightStep) -> Vec<&UnitStep> {
        self.units
            .iter()
            .filter(|u| {
                u.layer == weight.layer + 1 || (u.layer == weight.layer && u.unit == weight.to)
            })
            .collect()
    }

    /// The weight with parameter index `index`.
    pub fn weight(&self, index: usize) -> Option<&WeightStep> {
        self.weights.iter().find(|w| w.index == index)
    }
}

#[cfg(test)]
mod tests;
