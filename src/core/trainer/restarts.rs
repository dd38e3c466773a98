//! Random restarts as work in slices: [`Restarts::run`] trains the starts one after another for
//! as long as a frame's budget lasts, and the next call goes on where it stopped, so the page
//! answers while 50 starts × 1,000 epochs train. The results are those of
//! [`Trainer::random_restarts`], to the bit, and the best start's trained network is kept, so
//! keeping it costs no training again. The trainer it started from is not touched: dropping
//! the job cancels it.
use super::budget::Budget;
use super::{Kernels, Trainer};
use crate::core::config::ExperimentConfig;

/// Random restarts in progress: `starts` starts (restarts `0..starts`), `epochs` epochs each.
#[derive(Clone, Debug)]
pub struct Restarts {
    /// The experiment each start trains (its own `restart`, no early stopping).
    base: ExperimentConfig,
    starts: u32,
    epochs: u32,
    /// What trains the mini-batches (the trainer's compiled kernels, if any).
    kernels: Kernels,
    /// Whether an epoch was seen to outlast a frame's budget (in the trainer it started from,
    /// or in a start): the next starts train their epochs in slices from the first.
    slow_epochs: bool,
    /// The start training now (restart `results.len()`), once begun.
    current: Option<Trainer>,
    /// Each finished start's number and final training loss (∞ where it diverged).
    results: Vec<(u32, f64)>,
    /// The finished start with the lowest final loss (the first on ties), trained.
    best: Option<(f64, Trainer)>,
}

impl Restarts {
    /// `starts` starts of `trainer`'s experiment, its own start (restart 0) among them:
    /// restarts `0..starts`, `epochs` epochs each (the trainer's compiled kernels train them
    /// too). "Starts 10" trains 10, "Start 3 of 10".
    pub fn new(trainer: &Trainer, starts: u32, epochs: u32) -> Self {
        Restarts {
            base: ExperimentConfig {
                patience: 0,
                ..trainer.config.clone()
            },
            starts,
            epochs,
            kernels: trainer.kernels.clone(),
            slow_epochs: trainer.slow_epochs,
            current: None,
            results: Vec::new(),
            best: None,
        }
    }

    /// Trains until all starts are done or `budget_ms` (by `now()`, milliseconds) is spent.
    /// Returns whether all are done.
    pub fn run(&mut self, budget_ms: f64, now: &mut dyn FnMut() -> f64) -> bool {
        let start = now();
        let mut budget = Budget::start(budget_ms, now);
        while !self.is_done() {
            let mut t = match self.current.take() {
                Some(t) => t,
                None => self.begin(),
            };
            let trains = !t.diverged && t.inputs.train_len() > 0;
            let left = self.epochs.saturating_sub(t.epoch as u32);
            if trains && left > 0 {
                t.train_within(left, &mut budget, now);
            }
            if trains && (t.epoch as u32) < self.epochs {
                self.current = Some(t);
                return false; // the budget is spent
            }
            if trains {
                t.evaluate(); // as `Trainer::step` measures after its epochs
            }
            self.finish(t);
            if now() - start >= budget_ms {
                break;
            }
        }
        self.is_done()
    }

    /// A fresh trainer for the next start.
    fn begin(&self) -> Trainer {
        let restart = self.results.len() as u32;
        let mut t = Trainer::new(ExperimentConfig {
            restart,
            ..self.base.clone()
        });
        t.kernels = self.kernels.clone();
        t.slow_epochs = self.slow_epochs;
        t
    }

    /// Records a trained start's final loss, keeping it if it is the best so far.
    fn finish(&mut self, t: Trainer) {
        self.slow_epochs |= t.slow_epochs;
        let restart = self.results.len() as u32;
        let loss = t
            .metrics
            .train_loss
            .filter(|l| l.is_finite())
            .unwrap_or(f64::INFINITY);
        self.results.push((restart, loss));
        if self.best.as_ref().is_none_or(|(best, _)| loss < *best) {
            self.best = Some((loss, t));
        }
    }

    /// Trains with `kernels` from now on (a kernel compiled after the work began; the same
    /// bits, faster).
    pub fn set_kernels(&mut self, kernels: &Kernels) {
        if let Some(t) = &mut self.current {
            t.kernels = kernels.clone();
        }
        self.kernels = kernels.clone();
    }

    /// Whether every start is trained.
    pub fn is_done(&self) -> bool {
        self.results.len() as u32 >= self.starts
    }

    /// Each finished start's number and final training loss.
    pub fn results(&self) -> &[(u32, f64)] {
        &self.results
    }

    /// How many starts there are, and the epochs each trains.
    pub fn size(&self) -> (u32, u32) {
        (self.starts, self.epochs)
    }

    /// How far the work got, from 0 to 1, and what it is doing ("Start 3 of 10").
    pub fn progress(&self) -> (f64, String) {
        let done = self.results.len() as u32;
        let within = self.current.as_ref().map_or(0.0, |t| {
            let epochs = t.epoch as f64 + t.epoch_progress().unwrap_or(0.0);
            (epochs / f64::from(self.epochs.max(1))).min(1.0)
        });
        let fraction = (f64::from(done) + within) / f64::from(self.starts.max(1));
        let shown = (done + 1).min(self.starts);
        (fraction, format!("Start {shown} of {}", self.starts))
    }

    /// The best start (its number) and its trained network, once all are done.
    pub fn into_best(self) -> Option<(u32, Trainer)> {
        if !self.is_done() {
            return None;
        }
        self.best.map(|(_, t)| (t.config.restart, t))
    }
}

impl Trainer {
    /// Becomes `kept`, a start trained by [`Restarts`], with this trainer's settings (its early
    /// stopping back on) and its compiled kernels: a new run to the views.
    pub fn keep_restart(&mut self, mut kept: Trainer) {
        let config = ExperimentConfig {
            restart: kept.config.restart,
            ..self.config.clone()
        };
        kept.version = self.version + 1;
        kept.kernels = std::mem::take(&mut self.kernels);
        *self = kept;
        self.apply(config);
    }
}
