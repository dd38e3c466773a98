//! Training work: a frame's epochs within its time budget (each model's own frame is in its
//! run's file), one epoch of mini-batches, the gradient check, and one point's
//! backpropagation step by step.
use super::budget::Budget;
use super::{Run, Trainer, GRADIENT_CHECK_POINTS};
use crate::core::backprop::{backprop_table, BackpropTable};
use crate::core::gradients::{Batch, GradientMethod};
use crate::core::mlp::Precision;
use crate::core::regularization::Regularization;

impl Trainer {
    /// Trains `epochs` epochs, then measures the losses once. Does nothing once diverged.
    pub fn step(&mut self, epochs: u32) -> u32 {
        self.run_frame(epochs, f64::INFINITY, &mut || 0.0)
    }

    /// Trains up to `max_epochs` epochs, stopping early when `now()` (milliseconds) passes
    /// `budget_ms` after the start, then measures the losses once. Returns the epochs trained
    /// (finished): 0 with an epoch still in progress, see [`Trainer::epoch_progress`].
    ///
    /// Never inlined: WebAssembly engines swap in optimized code for a function only when it is
    /// next called, so the frame's loop must be a function of its own that each frame calls
    /// (inlined into a caller that runs for many frames, such as the benchmark's, it would keep
    /// running baseline code).
    #[inline(never)]
    pub fn run_frame(
        &mut self,
        max_epochs: u32,
        budget_ms: f64,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        match self.run {
            Run::Perceptron(_) => self.run_perceptron(max_epochs, budget_ms, now),
            Run::Adaline(_) => self.run_adaline(max_epochs, budget_ms, now),
            Run::Line(_) => self.run_line(max_epochs, budget_ms, now),
            Run::Mlp | Run::Logistic | Run::Curve | Run::Digits(_) => {
                self.run_network(max_epochs, budget_ms, now)
            }
        }
    }

    /// The network's frame (the MLP, logistic regression, the curve): up to `max_epochs`
    /// epochs within the budget, an epoch that outlasts it going on in the next frame (see
    /// [`Trainer::epoch_progress`]); nothing once diverged, stopped early or without training
    /// points.
    fn run_network(
        &mut self,
        max_epochs: u32,
        budget_ms: f64,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        if self.diverged || self.stopped_at.is_some() || self.inputs.train_len() == 0 {
            return 0;
        }
        let mut budget = Budget::start(budget_ms, now);
        let epochs = self.train_within(max_epochs, &mut budget, now);
        // A frame that only got on with an epoch has nothing new to measure.
        if epochs > 0 || self.cursor.is_none() {
            self.evaluate();
        }
        epochs
    }

    /// One epoch: a pass over the training points in shuffled mini-batches (backprop or the
    /// numerical derivative), or one random-search trial on the whole training set.
    pub(super) fn train_epoch(&mut self) {
        let cfg = &self.config;
        if cfg.gradient == GradientMethod::RandomSearch {
            self.search_epoch();
            return;
        }
        let n = self.inputs.train_len();
        let size = cfg.batch_size.clamp(1, n.max(1));
        let lr = cfg.learning_rate_at(self.epoch);
        self.shuffle_rng.shuffle(&mut self.order);
        let kernel = self.compiled_kernel();
        let order = std::mem::take(&mut self.order);
        for chunk in order.chunks(size) {
            self.minibatch_gradient(kernel, chunk);
            self.apply_step(lr);
        }
        self.order = order;
        self.epoch += 1;
    }

    /// One optimizer step with the gradients in `net.grads` at rate `lr`, for whole epochs and
    /// epochs in slices alike. With L1 on, a weight the step carries across 0 stops at 0 (as
    /// the Playground's does).
    pub(super) fn apply_step(&mut self, lr: f64) {
        let cfg = &self.config;
        let l1 = cfg.regularization == Regularization::L1 && cfg.regularization_rate > 0.0;
        if l1 {
            self.before_step.clear();
            self.before_step.extend_from_slice(&self.net.params);
        }
        self.optimizer
            .step(&mut self.net.params, &self.net.grads, lr);
        if l1 {
            let limit = lr * self.config.regularization_rate;
            self.net.stop_l1_crossings(&self.before_step, limit);
        }
    }

    /// One random-search trial on the whole training set.
    fn search_epoch(&mut self) {
        let cfg = &self.config;
        let (rows, targets) = self.inputs.train_set();
        let batch = Batch {
            rows,
            width: self.inputs.width(),
            targets,
            reg: cfg.regularization,
            rate: cfg.regularization_rate,
        };
        batch.random_search(&mut self.net, cfg.search_step, &mut self.search_rng);
        self.epoch += 1;
    }

    /// The network's gradient for the training rows numbered `chunk`, by the general kernels
    /// (backpropagation with the config's dropout, or the numerical derivative).
    pub(super) fn batch_gradient(&mut self, chunk: &[usize]) {
        let cfg = &self.config;
        let (reg, rate) = (cfg.regularization, cfg.regularization_rate);
        self.targets.clear();
        self.targets
            .extend(chunk.iter().map(|&i| self.inputs.train(i).1));
        if cfg.gradient == GradientMethod::Numerical {
            self.rows.clear();
            self.rows
                .extend(chunk.iter().flat_map(|&i| self.inputs.train(i).0));
            let batch = Batch {
                rows: &self.rows,
                width: self.inputs.width(),
                targets: &self.targets,
                reg,
                rate,
            };
            batch.numerical(&mut self.net, cfg.epsilon);
        } else {
            self.net.load(
                chunk.iter().map(|&i| self.inputs.train(i).0),
                Precision::Fast,
            );
            self.net.train_gradient(
                &self.targets,
                cfg.dropout,
                Some(&mut self.dropout_rng),
                reg,
                rate,
            );
        }
    }

    /// The network's gradient for the training rows numbered `chunk`, by `kernel` (compiled
    /// for the network's shape: see [`Trainer::compiled_kernel`]).
    #[cfg(feature = "jit")]
    pub(super) fn compiled_gradient(
        &mut self,
        kernel: crate::core::mlp::CompiledKernel,
        chunk: &[usize],
    ) {
        let (reg, rate) = (self.config.regularization, self.config.regularization_rate);
        let set = self.inputs.train_fast();
        self.net
            .train_gradient_compiled(kernel, set, chunk, reg, rate);
    }

    /// The gradient check on up to [`GRADIENT_CHECK_POINTS`] training points: the largest
    /// |backprop − numerical| over all weights, with the config's ε. `None` without data.
    pub fn gradient_check(&mut self) -> Option<f64> {
        let n = self.inputs.train_len().min(GRADIENT_CHECK_POINTS);
        if n == 0 {
            return None;
        }
        let (rows, targets) = self.inputs.train_set();
        let width = self.inputs.width();
        let cfg = &self.config;
        let batch = Batch {
            rows: &rows[..n * width],
            width,
            targets: &targets[..n],
            reg: cfg.regularization,
            rate: cfg.regularization_rate,
        };
        Some(batch.gradient_check(&mut self.net, cfg.epsilon))
    }

    /// Backpropagation, step by step, of data point `point` (its index in [`Trainer::points`])
    /// through the network as it is now, with the config's ε for the numerical check; and
    /// whether it is a test point. `None` past the points, or for the models that are no
    /// network (the perceptron, Adaline, the line).
    pub fn backprop_of(&self, point: usize) -> Option<(BackpropTable, bool)> {
        if !matches!(self.run, Run::Mlp | Run::Logistic | Run::Curve) {
            return None;
        }
        let is_test = *self.test_mask.get(point)?;
        let before = self.test_mask[..point].iter().filter(|&&t| t == is_test);
        let i = before.count();
        let (row, target) = if is_test {
            self.inputs.test(i)
        } else {
            self.inputs.train(i)
        };
        let table = backprop_table(&self.net, row, target, self.config.epsilon);
        Some((table, is_test))
    }
}
