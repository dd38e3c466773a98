//! Training kernels written at run time for one network shape.
//!
//! The general kernels ([`crate::core::mlp`]) loop over any shape. For the small networks a
//! lecture uses, most of their time goes to the loops themselves. [`emit`] writes, for one
//! [`Shape`], a WebAssembly function that gathers a mini-batch's rows and runs its forward
//! pass, backpropagation and gradient sums, with every size and offset a constant and every
//! value in a register. It computes the same operations in the same order as the general f32
//! path, so the results are the same bits: a run gives the same weights whether or not, or
//! from which batch on, a compiled kernel is used.
//!
//! This module stays pure and knows the network only by its [`Shape`]: it writes bytes
//! ([`module`]). Whoever can compile them (the browser app, `src/app/jit.rs`) does so and
//! hands the function to the trainer ([`crate::core::trainer::Kernels`]), which calls it
//! through [`crate::core::mlp::CompiledKernel`]. Until then, and wherever there is none
//! (natively, for dropout, or where straight-line code does not pay), the general kernels
//! train.
use crate::core::activation::Activation;
use crate::core::loss::Output;

pub mod emit;
pub mod wasm;

/// One dense layer of a [`Shape`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LayerShape {
    pub fan_in: usize,
    pub fan_out: usize,
    /// A hidden layer's non-linearity (the last layer's is the [`Shape`]'s output's).
    pub activation: Activation,
}

/// What a compiled kernel depends on: the layers, the output, and the tile (blocks of four
/// points worked on at once). Two networks of one shape share a kernel, whatever their
/// weights.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Shape {
    /// Input side first; at least one.
    pub layers: Vec<LayerShape>,
    pub output: Output,
    /// 1 to [`emit::MAX_TILE`].
    pub tile: usize,
}

impl Shape {
    /// The shape of `layers` with `output`, trained in mini-batches of `batch` points (which
    /// sets the tile: [`emit::tile_for`]).
    pub fn new(layers: Vec<LayerShape>, output: Output, batch: usize) -> Self {
        let tile = emit::tile_for(&layers, batch);
        Shape {
            layers,
            output,
            tile,
        }
    }

    /// The number of inputs (0 without layers).
    pub fn inputs(&self) -> usize {
        self.layers.first().map_or(0, |l| l.fan_in)
    }

    /// The number of parameters: each layer's `fan_out × fan_in` weights, then its `fan_out`
    /// biases.
    pub fn n_params(&self) -> usize {
        self.layers.iter().map(|l| (l.fan_in + 1) * l.fan_out).sum()
    }

    /// The index among the parameters of the weight from input `i` of layer `l` to its unit
    /// `j`, or with `i = None` of unit `j`'s bias, laid out as [`crate::core::mlp::Mlp`]
    /// keeps them: layer by layer, a row-major `fan_out × fan_in` matrix, then the biases.
    pub fn param_index(&self, l: usize, j: usize, i: Option<usize>) -> usize {
        let start: usize = self.layers[..l]
            .iter()
            .map(|l| (l.fan_in + 1) * l.fan_out)
            .sum();
        let layer = &self.layers[l];
        match i {
            Some(i) => start + j * layer.fan_in + i,
            None => start + layer.fan_in * layer.fan_out + j,
        }
    }
}

/// The WebAssembly module of `shape`'s kernel ([`emit::kernel`], exported as
/// [`wasm::EXPORT`]), or `None` where straight-line code would be slower than the general
/// kernels ([`emit::pays`]).
pub fn module(shape: &Shape) -> Option<Vec<u8>> {
    Some(emit::kernel(shape))
        .filter(emit::pays)
        .map(|f| wasm::module(&f))
}

#[cfg(test)]
mod tests;
