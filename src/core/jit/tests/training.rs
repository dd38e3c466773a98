//! Whole training runs with a compiled kernel (run in the engine) handed to the trainer, as
//! the browser app hands it: the same weights as the general kernels, bit for bit, and the
//! kernel used only for its shape.
use super::engine::WasmKernel;
use crate::core::activation::Activation;
use crate::core::config::ExperimentConfig;
use crate::core::dataset::Problem;
use crate::core::jit::module;
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;
use crate::core::trainer::{Kernels, Trainer};
use std::cell::{Cell, RefCell};

// The kernel in the engine behind a function pointer, as the browser's function table gives
// it: a native function that copies the buffers it is given into the engine's memory and the
// sums back.
thread_local! {
    /// The kernel the trainer calls, with its network's parameter count and the number of
    /// f32 in the training rows.
    static ENGINE: RefCell<Option<(WasmKernel, usize, usize)>> = const { RefCell::new(None) };
    static CALLS: Cell<usize> = const { Cell::new(0) };
}

extern "C" fn engine_kernel(
    params: *const f32,
    rows: *const f32,
    order: *const u32,
    _scratch: *mut [f32; 4],
    grads: *mut f32,
    blocks: u32,
    n: u32,
) {
    CALLS.set(CALLS.get() + 1);
    ENGINE.with_borrow_mut(|engine| {
        let (kernel, n_params, values) = engine.as_mut().expect("a compiled kernel");
        let lanes = blocks as usize * 4;
        // SAFETY: `Mlp::train_gradient_compiled` passes buffers of these lengths (the test's
        // premise).
        let (params, rows, order) = unsafe {
            (
                std::slice::from_raw_parts(params, *n_params),
                std::slice::from_raw_parts(rows, *values),
                std::slice::from_raw_parts(order, lanes),
            )
        };
        let sums = kernel.run(params, rows, order, n as usize);
        // SAFETY: as above, `grads` holds one f32 per parameter.
        unsafe { std::slice::from_raw_parts_mut(grads, *n_params) }.copy_from_slice(&sums);
    });
}

/// Compiles the kernel `trainer` asks for, if there is one, and hands it over; whether it did.
fn hand_kernel(trainer: &mut Trainer) -> bool {
    let Some(shape) = trainer.kernel_shape() else {
        return false;
    };
    let Some(module) = module(&shape) else {
        return false;
    };
    let (n_train, width) = (trainer.metrics().n_train, trainer.net().n_inputs());
    let sizes = (trainer.net().params.len(), (n_train + 1) * (width + 1));
    ENGINE.set(Some((WasmKernel::new(&module), sizes.0, sizes.1)));
    trainer.set_kernels(Kernels::compiled(shape, engine_kernel));
    true
}

/// Trains `config` for `epochs` epochs without and with the compiled kernel: the same weights,
/// bit for bit. Returns how many batches went through the kernel, and how many batches there
/// were.
fn train_both_ways(config: ExperimentConfig, epochs: u32) -> (usize, usize) {
    let mut general = Trainer::new(config.clone());
    general.step(epochs);

    let mut compiled = Trainer::new(config);
    CALLS.set(0);
    hand_kernel(&mut compiled);
    compiled.step(epochs);
    ENGINE.set(None);
    assert_eq!(
        general.param_bits(),
        compiled.param_bits(),
        "weights after {epochs} epochs"
    );
    let loss = |t: &Trainer| t.metrics().train_loss.map(f64::to_bits);
    assert_eq!(loss(&general), loss(&compiled));
    let batches = compiled
        .metrics()
        .n_train
        .div_ceil(compiled.config().batch_size);
    (CALLS.get(), batches * epochs as usize)
}

#[test]
fn training_on_a_compiled_kernel_gives_the_same_weights() {
    let small = crate::bench::scenarios().remove(0).config;
    let (calls, batches) = train_both_ways(small.clone(), 30);
    assert_eq!(calls, batches, "every batch through the kernel");

    // Seven inputs and two hidden layers of 8, ReLU: the biggest kind compiled.
    let mid = ExperimentConfig {
        network_shape: vec![8, 8],
        ..crate::bench::scenarios().remove(1).config
    };
    let (calls, batches) = train_both_ways(mid, 5);
    assert_eq!(calls, batches);

    let regression = ExperimentConfig {
        problem: Problem::Regression,
        optimizer: OptimizerKind::Adam,
        regularization: Regularization::L2,
        regularization_rate: 0.01,
        batch_size: 7,
        activation: Activation::Elu,
        ..small.clone()
    };
    let (calls, batches) = train_both_ways(regression, 10);
    assert_eq!(calls, batches);

    // Dropout keeps the general kernels (they draw the masks).
    let dropout = ExperimentConfig {
        dropout: 0.2,
        ..small.clone()
    };
    assert_eq!(train_both_ways(dropout, 5).0, 0);

    // Three classes: softmax.
    let three = ExperimentConfig {
        dataset: crate::core::dataset::DatasetKind::Blobs,
        classes: 3,
        ..small
    };
    let (calls, batches) = train_both_ways(three, 10);
    assert_eq!(calls, batches);
}

/// A kernel is used only while the trainer's shape is the one it was compiled for: a change
/// of batch size (another tile) or dropout leaves it aside, a rebuild to the same shape
/// keeps it.
#[test]
fn a_kernel_is_used_only_for_its_shape() {
    let small = crate::bench::scenarios().remove(0).config;
    let mut trainer = Trainer::new(small.clone());
    assert!(
        !trainer.uses_compiled_kernel(),
        "the general kernels at first"
    );
    assert!(hand_kernel(&mut trainer));
    assert!(trainer.uses_compiled_kernel());
    let mut general = Trainer::new(small.clone());
    CALLS.set(0);
    let mut both = |config: &ExperimentConfig, epochs| {
        trainer.apply(config.clone());
        general.apply(config.clone());
        trainer.step(epochs);
        general.step(epochs);
        assert_eq!(trainer.param_bits(), general.param_bits(), "{config:?}");
        trainer.uses_compiled_kernel()
    };
    assert!(both(&small, 2));
    let calls = CALLS.get();
    assert!(calls > 0);
    let tiny_batches = ExperimentConfig {
        batch_size: 3,
        ..small.clone()
    };
    assert!(!both(&tiny_batches, 2), "another tile");
    let with_dropout = ExperimentConfig {
        dropout: 0.1,
        ..small.clone()
    };
    assert!(!both(&with_dropout, 2));
    assert_eq!(
        CALLS.get(),
        calls,
        "no batch through a kernel of another shape"
    );
    assert!(both(&small, 1), "the kernel's shape again");
    let other_seed = ExperimentConfig {
        seed: small.seed + 1,
        ..small.clone()
    };
    assert!(both(&other_seed, 1), "a rebuild to the same shape");
    let wider = ExperimentConfig {
        network_shape: vec![5, 2],
        ..other_seed
    };
    assert!(!both(&wider, 1), "another network");
    ENGINE.set(None);
}

/// Digits mode's 64-16-10 softmax network: whether or not a kernel pays for its shape, the
/// trainer's weights are those of the general kernels.
#[test]
fn digits_train_the_same_with_or_without_a_compiled_kernel() {
    let digits = crate::bench::scenarios().remove(2).config;
    let (calls, batches) = train_both_ways(digits, 2);
    assert!(calls == 0 || calls == batches, "{calls} of {batches}");
}
