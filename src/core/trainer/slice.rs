//! Epochs in slices. An epoch that takes longer than a frame's budget (the numerical
//! derivative of a large network, or any epoch seen to overrun) stops where the budget ran out
//! and goes on in the next frame, from the same mini-batch and, for the numerical derivative,
//! the same weight. The weights come out the same, bit for bit, as from the epoch in one go:
//! the slices do the same arithmetic in the same order. Epochs that fit the budget keep the
//! plain loop, which checks the budget only between epochs.
use super::budget::Budget;
use super::Trainer;
use crate::core::gradients::{Batch, GradientMethod};

/// An epoch of more weight·point products than this (the weights times the training points,
/// each a step of the forward and the backward pass) goes in slices from the first: about
/// 10 ms in the browser. Otherwise the first epoch of every fresh network (each of the random
/// restarts) would run whole before it was seen to overrun: 70–90 ms of the page's thread on
/// the largest network of issue 19 (2,166 weights × 1,800 points, 3.9 million). Digits mode
/// (1,210 weights × about 900 points) keeps whole epochs, which fit a frame.
const SLICED_WORK: usize = 2_000_000;

/// An epoch in progress: where the next slice resumes it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct EpochCursor {
    /// The mini-batch size and the learning rate the epoch began with.
    size: usize,
    lr: f64,
    /// The next mini-batch, numbered along the epoch's shuffled order.
    batch: usize,
    /// The numerical derivative's next weight in that mini-batch (0: not begun).
    weight: usize,
}

impl Trainer {
    /// Trains up to `max_epochs` epochs while `budget` lasts; returns the epochs finished. An
    /// epoch left unfinished is kept and resumed by the next call.
    pub(super) fn train_within(
        &mut self,
        max_epochs: u32,
        budget: &mut Budget,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        if self.cursor.is_none() && !self.slices_epochs() {
            return self.train_whole(max_epochs, budget, now);
        }
        let mut epochs = 0;
        while epochs < max_epochs {
            if self.config.gradient == GradientMethod::RandomSearch {
                // One trial is two passes over the data: a unit of its own.
                self.train_epoch();
                epochs += 1;
                if !budget.tick(now) {
                    break;
                }
                continue;
            }
            let mut cursor = match self.cursor.take() {
                Some(cursor) => cursor,
                None => self.begin_epoch(),
            };
            let in_time = self.train_batches(&mut cursor, budget, now);
            if cursor.batch * cursor.size >= self.order.len() {
                self.epoch += 1;
                epochs += 1;
            } else {
                self.cursor = Some(cursor);
            }
            if !in_time {
                break;
            }
        }
        epochs
    }

    /// Whole epochs, the budget checked between them. An epoch that alone outlasts the budget
    /// makes the next ones go in slices.
    fn train_whole(
        &mut self,
        max_epochs: u32,
        budget: &mut Budget,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        let mut epochs = 0;
        while epochs < max_epochs {
            self.train_epoch();
            epochs += 1;
            if !budget.tick(now) {
                // The frame's first unit of work outlasted the budget.
                self.slow_epochs |= budget.done() == 1;
                break;
            }
        }
        epochs
    }

    /// Whether epochs go in slices: the numerical derivative's always (each weight costs two
    /// passes over the mini-batch), others once one epoch outlasted a frame's budget, or from
    /// the first epoch where it would ([`SLICED_WORK`]).
    pub(super) fn slices_epochs(&self) -> bool {
        self.slow_epochs
            || self.config.gradient == GradientMethod::Numerical
            || self.net.params.len() * self.inputs.train_len() > SLICED_WORK
    }

    /// How far the epoch in progress got, from 0 to 1; `None` between epochs.
    pub fn epoch_progress(&self) -> Option<f64> {
        let cursor = self.cursor.as_ref()?;
        let batches = self.order.len().div_ceil(cursor.size).max(1);
        let within = cursor.weight as f64 / self.net.params.len().max(1) as f64;
        Some(((cursor.batch as f64 + within) / batches as f64).min(1.0))
    }

    /// Drops the epoch in progress (after the weights or the data changed under it): the
    /// mini-batches it trained stay trained, and the next epoch begins afresh.
    pub(super) fn drop_partial_epoch(&mut self) {
        self.cursor = None;
    }

    /// Begins an epoch as [`Trainer::train_epoch`] does: its batch size and learning rate,
    /// and the shuffle.
    fn begin_epoch(&mut self) -> EpochCursor {
        let n = self.inputs.train_len();
        let size = self.config.batch_size.clamp(1, n.max(1));
        let lr = self.config.learning_rate_at(self.epoch);
        self.shuffle_rng.shuffle(&mut self.order);
        EpochCursor {
            size,
            lr,
            batch: 0,
            weight: 0,
        }
    }

    /// Trains the epoch's mini-batches from `cursor` on, one budget unit per mini-batch (per
    /// weight for the numerical derivative), and moves the cursor. Returns whether the budget
    /// lasted.
    fn train_batches(
        &mut self,
        cursor: &mut EpochCursor,
        budget: &mut Budget,
        now: &mut dyn FnMut() -> f64,
    ) -> bool {
        let numerical = self.config.gradient == GradientMethod::Numerical;
        let kernel = self.compiled_kernel();
        let order = std::mem::take(&mut self.order);
        let mut in_time = true;
        for chunk in order.chunks(cursor.size).skip(cursor.batch) {
            if numerical {
                let (done, lasted) = self.numerical_slice(chunk, &mut cursor.weight, budget, now);
                in_time = lasted;
                if !done {
                    break;
                }
            } else {
                self.minibatch_gradient(kernel, chunk);
                in_time = budget.tick(now);
            }
            self.apply_step(cursor.lr);
            cursor.batch += 1;
            cursor.weight = 0;
            if !in_time {
                break;
            }
        }
        self.order = order;
        in_time
    }

    /// The numerical gradient of the mini-batch `chunk`, from weight `*next` on, one budget
    /// unit per weight. Returns (whether the gradient is complete, whether the budget lasted).
    fn numerical_slice(
        &mut self,
        chunk: &[usize],
        next: &mut usize,
        budget: &mut Budget,
        now: &mut dyn FnMut() -> f64,
    ) -> (bool, bool) {
        let cfg = &self.config;
        self.targets.clear();
        self.targets
            .extend(chunk.iter().map(|&i| self.inputs.train(i).1));
        self.rows.clear();
        self.rows
            .extend(chunk.iter().flat_map(|&i| self.inputs.train(i).0));
        let batch = Batch {
            rows: &self.rows,
            width: self.inputs.width(),
            targets: &self.targets,
            reg: cfg.regularization,
            rate: cfg.regularization_rate,
        };
        let len = self.net.params.len();
        while *next < len {
            batch.numerical_at(&mut self.net, cfg.epsilon, *next);
            *next += 1;
            if !budget.tick(now) {
                return (*next == len, false);
            }
        }
        (true, true)
    }
}

impl Trainer {
    /// Whether the next epoch goes in slices (an epoch is in progress, or epochs are cut),
    /// so that a Step may take more than one frame.
    pub fn epochs_in_slices(&self) -> bool {
        self.cursor.is_some() || self.slices_epochs()
    }

    /// Goes back to `before`, this trainer as it was before some work (a cancelled Step), as
    /// a new version for the views.
    pub fn restore(&mut self, before: Trainer) {
        let version = self.version;
        *self = before;
        self.version = version + 1;
    }
}
