//! The requestAnimationFrame loop: while playing, train as many epochs as the speed asks but
//! stop after ~12 ms of work (an epoch that takes longer goes on in the next frame), then
//! publish one snapshot; then a frame's share of any long work (see [`super::work`]).
use super::AppState;
use crate::core::config::Speed;
use crate::core::trainer::FRAME_BUDGET_MS;
use leptos::prelude::*;

/// Starts the loop; it runs for the page's lifetime and trains only while playing.
pub fn start(state: AppState) {
    let performance = window().performance();
    let now = move || performance.as_ref().map_or(0.0, |p| p.now());
    schedule(state, now);
}

fn schedule(state: AppState, mut now: impl FnMut() -> f64 + 'static) {
    request_animation_frame(move || {
        if state.playing.get_untracked() {
            let max_epochs = match state.config.with_untracked(|c| c.speed) {
                Speed::EpochsPerFrame(n) => n,
                Speed::Max => u32::MAX,
            };
            let (trained, going_on) = state
                .trainer
                .try_update_value(|t| {
                    state.kernels.supply(t);
                    let trained = t.run_frame(max_epochs, FRAME_BUDGET_MS, &mut now);
                    (trained, t.epoch_progress().is_some())
                })
                .unwrap_or((0, false));
            if trained > 0 {
                state.publish();
            } else if going_on {
                // An epoch in slices: it goes on in the next frame.
            } else {
                // Nothing left to train: diverged, stopped early, converged, or no data.
                state.playing.set(false);
                state.publish();
                state.explain_stop();
            }
        }
        state.work.frame(state, &mut now);
        schedule(state, now);
    });
}
