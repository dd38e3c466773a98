//! What each job does in a frame, and what its bar shows.
use super::{Job, Progress};
use crate::app::AppState;
use crate::core::config::ExperimentConfig;
use crate::core::trainer::{Restarts, Trainer, FRAME_BUDGET_MS};
use leptos::prelude::*;

/// A frame of a Step in slices: the job again while its epoch goes on, `None` once it is done
/// (or Play took it over).
pub(super) fn step_frame(
    state: AppState,
    before: Box<Trainer>,
    now: &mut dyn FnMut() -> f64,
) -> Option<Job> {
    if state.playing.get_untracked() {
        return None; // the run loop trains the epoch on
    }
    let (trained, going_on) = state
        .trainer
        .try_update_value(|t| {
            state.kernels.supply(t);
            let trained = t.run_frame(1, FRAME_BUDGET_MS, now);
            (trained, t.epoch_progress().is_some())
        })
        .unwrap_or((0, false));
    if going_on && trained == 0 {
        return Some(Job::Step { before });
    }
    state.publish();
    if trained == 0 {
        state.explain_stop();
    }
    None
}

/// Keeps the best of the finished restarts, if the experiment is still the one they trained.
pub(super) fn finish_restarts(state: AppState, job: Restarts, from: &ExperimentConfig) {
    let (starts, epochs) = job.size();
    if state.config.with_untracked(|c| c != from) {
        state.say("The settings changed while the starts trained, so none of them was kept.");
        return;
    }
    let Some((best, trained)) = job.into_best() else {
        return;
    };
    state.trainer.update_value(|t| t.keep_restart(trained));
    state
        .config
        .set(state.trainer.with_value(|t| t.config().clone()));
    state.publish();
    state.say(format!(
        "Kept restart {best}, the lowest final training loss of {starts} starts after {epochs} epochs."
    ));
}

/// The bar for `job`.
pub(super) fn job_progress(state: AppState, job: &Job) -> Progress {
    let (fraction, label) = match job {
        Job::Step { .. } => state.trainer.with_value(|t| {
            let label = format!("Step: epoch {}", t.epoch() + 1);
            (t.epoch_progress().unwrap_or(0.0), label)
        }),
        Job::Restarts { job, .. } => job.progress(),
        Job::Check { check, .. } => (check.progress(), "Checking gradients".to_string()),
        Job::Read(reading) => {
            let name = crate::core::text::shorten(&reading.name);
            (reading.fraction(), format!("Reading {name}"))
        }
    };
    Progress {
        label,
        permille: permille(fraction),
        cancellable: true,
    }
}

pub(super) fn permille(fraction: f64) -> u32 {
    (fraction.clamp(0.0, 1.0) * 1000.0).floor() as u32
}
