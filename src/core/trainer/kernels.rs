//! Which kernels train the network's mini-batches: the general ones, or one compiled for its
//! shape (the `jit` feature). The trainer owns the choice. Whoever can compile kernels (the
//! browser app) asks [`Trainer::kernel_shape`] what to compile, and hands the function over
//! with [`Trainer::set_kernels`]; the trainer uses it while its network and config still have
//! that shape.
use super::Trainer;
#[cfg(feature = "jit")]
use crate::core::gradients::GradientMethod;
#[cfg(feature = "jit")]
use crate::core::jit::{LayerShape, Shape};
#[cfg(feature = "jit")]
pub(super) use crate::core::mlp::CompiledKernel;

/// Without the `jit` feature no kernel is ever compiled: a type with no values, so that the
/// training loops choose their kernel the same way with the feature and without it.
#[cfg(not(feature = "jit"))]
#[derive(Clone, Copy, Debug)]
pub(super) enum CompiledKernel {}

/// What trains the mini-batches. Either gives the same weights, to the bit.
#[derive(Clone, Debug, Default)]
pub enum Kernels {
    /// The general kernels, for any shape.
    #[default]
    General,
    /// `kernel`, compiled for `shape` (see [`crate::core::jit`]); where the trainer's shape is
    /// another, the general kernels train.
    #[cfg(feature = "jit")]
    Compiled {
        shape: Shape,
        kernel: CompiledKernel,
    },
}

#[cfg(feature = "jit")]
impl Kernels {
    /// `kernel`, compiled from [`crate::core::jit::module`] of `shape`.
    pub fn compiled(shape: Shape, kernel: CompiledKernel) -> Self {
        Kernels::Compiled { shape, kernel }
    }

    /// The compiled kernel, if it is `shape`'s.
    fn for_shape(&self, shape: &Shape) -> Option<CompiledKernel> {
        match self {
            Kernels::Compiled { shape: own, kernel } if own == shape => Some(*kernel),
            _ => None,
        }
    }
}

impl Trainer {
    /// Sets what trains the mini-batches from the next one on (see [`Kernels`]).
    pub fn set_kernels(&mut self, kernels: Kernels) {
        self.kernels = kernels;
    }

    /// What was set to train the mini-batches (a compiled kernel may not fit the shape now).
    pub fn kernels(&self) -> &Kernels {
        &self.kernels
    }

    /// Whether the next epoch trains on a compiled kernel: never without the `jit` feature.
    pub fn uses_compiled_kernel(&self) -> bool {
        self.compiled_kernel().is_some()
    }

    /// The gradient of the training rows numbered `chunk`: by `kernel`, the one compiled for
    /// the shape (see [`Trainer::compiled_kernel`]), or by the general kernels without one.
    pub(super) fn minibatch_gradient(&mut self, kernel: Option<CompiledKernel>, chunk: &[usize]) {
        match kernel {
            #[cfg(feature = "jit")]
            Some(kernel) => self.compiled_gradient(kernel, chunk),
            _ => self.batch_gradient(chunk),
        }
    }

    /// The shape a compiled kernel for this network and config would have, if one can train
    /// it: the network's mini-batches by backpropagation, without dropout (the kernels draw
    /// no masks), on input rows as wide as the network's input.
    #[cfg(feature = "jit")]
    pub fn kernel_shape(&self) -> Option<Shape> {
        let cfg = &self.config;
        let n = self.inputs.train_len();
        let trains_net = self.run.model().uses_network() && n > 0;
        let fits = self.inputs.width() == self.net.n_inputs();
        let backprop = cfg.gradient == GradientMethod::Backprop && cfg.dropout == 0.0;
        (trains_net && fits && backprop).then(|| {
            let layers = self.net.layers().iter().map(|l| LayerShape {
                fan_in: l.fan_in,
                fan_out: l.fan_out,
                activation: l.activation,
            });
            let batch = cfg.batch_size.clamp(1, n);
            Shape::new(layers.collect(), self.net.output(), batch)
        })
    }

    /// The compiled kernel that trains the next epoch, if one was set for the shape that
    /// [`Trainer::kernel_shape`] gives now.
    #[cfg(feature = "jit")]
    pub(super) fn compiled_kernel(&self) -> Option<CompiledKernel> {
        self.kernel_shape()
            .and_then(|shape| self.kernels.for_shape(&shape))
    }

    /// No compiled kernel ever trains without the `jit` feature.
    #[cfg(not(feature = "jit"))]
    pub(super) fn compiled_kernel(&self) -> Option<CompiledKernel> {
        None
    }
}
