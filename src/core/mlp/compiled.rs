//! Training batches through a kernel compiled for the network's shape (the `jit` feature):
//! the function's type, and the call with the buffers it reads and writes.
use super::kernels::{Block, LANES};
use super::{FastRows, Mlp, Precision};
use crate::core::regularization::Regularization;

/// A compiled training kernel, callable from Rust, with [`crate::core::jit::emit`]'s
/// parameters: the f32 parameters, the training rows, the batch's row numbers, scratch (one
/// block per parameter), the gradient sums, the number of blocks (at least 1) and the number
/// of points. Unsafe to call: it reads and writes wherever those addresses and numbers say
/// ([`Mlp::train_gradient_compiled`] calls it with buffers that fit).
pub type CompiledKernel =
    unsafe extern "C" fn(*const f32, *const f32, *const u32, *mut Block<f32>, *mut f32, u32, u32);

/// The buffers a compiled kernel works in, kept between batches.
#[derive(Clone, Debug, Default)]
pub(super) struct Scratch {
    /// The network's parameters in f32.
    params: Vec<f32>,
    /// The batch's row numbers, one per lane.
    order: Vec<u32>,
    /// One block per parameter.
    sums: Vec<Block<f32>>,
}

impl Mlp {
    /// [`Mlp::train_gradient`] without dropout on the rows of `set` numbered `batch`, by
    /// `kernel`, compiled for this network's shape: the same bits as loading those rows in
    /// [`Precision::Fast`] and training on them. The f32 pass's values stay those of the last
    /// batch loaded.
    ///
    /// Panics if `set`'s rows are not as wide as the network's input or a row number is out
    /// of range (the kernel would read past the rows). The kernel must have been compiled for
    /// this network's shape (the trainer checks it).
    pub fn train_gradient_compiled(
        &mut self,
        kernel: CompiledKernel,
        set: &FastRows,
        batch: &[usize],
        reg: Regularization,
        rate: f64,
    ) {
        self.loaded = Precision::Fast;
        let grads = &mut self.fast.grads;
        self.compiled.run(
            kernel,
            &self.params,
            set,
            batch,
            self.layers[0].fan_in,
            grads,
        );
        self.gradient_from_sums(batch.len(), reg, rate);
    }
}

impl Scratch {
    /// Runs `kernel` on `params`, for a network of `inputs` inputs, on the rows of `set`
    /// numbered `batch`: leaves the batch's f32 gradient sums in `grads`.
    fn run(
        &mut self,
        kernel: CompiledKernel,
        params: &[f64],
        set: &FastRows,
        batch: &[usize],
        inputs: usize,
        grads: &mut Vec<f32>,
    ) {
        assert_eq!(set.width(), inputs, "rows as wide as the network's input");
        assert!(
            batch.iter().all(|&i| i < set.rows()),
            "row numbers within the set"
        );
        let n = batch.len();
        let blocks = n.div_ceil(LANES);
        self.params.clear();
        self.params.extend(params.iter().map(|&w| w as f32));
        grads.resize(params.len(), 0.0);
        if blocks == 0 {
            grads.fill(0.0);
            return;
        }
        // Padding lanes read the row of zeros, as the general kernels' padding is 0.
        self.order.clear();
        self.order.extend(batch.iter().map(|&i| i as u32));
        self.order.resize(blocks * LANES, set.zero_row());
        self.sums.resize(params.len(), [0.0; LANES]);
        // SAFETY: the kernel reads `params.len()` parameters, and rows of `inputs + 1` values
        // at the row numbers in `order` (`blocks × 4` of them), all checked above to be within
        // `set` (its last row, the zeros, included); it writes `params.len()` blocks of scratch
        // and `params.len()` sums, the sizes given to `sums` and `grads` here.
        unsafe {
            kernel(
                self.params.as_ptr(),
                set.values().as_ptr(),
                self.order.as_ptr(),
                self.sums.as_mut_ptr(),
                grads.as_mut_ptr(),
                blocks as u32,
                n as u32,
            );
        }
    }
}
