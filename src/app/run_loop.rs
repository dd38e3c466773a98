//! The requestAnimationFrame loop: while playing, train as many epochs as the speed asks but
//! stop after ~12 ms of work (less while frames come late, see [`FramePace`]; an epoch that
//! takes longer goes on in the next frame), then publish one snapshot; then a frame's share of
//! any long work (see [`super::work`]).
use super::AppState;
use crate::core::config::Speed;
use crate::core::trainer::FramePace;
use leptos::prelude::*;

/// Starts the loop; it runs for the page's lifetime and trains only while playing.
pub fn start(state: AppState) {
    let performance = window().performance();
    let now = move || performance.as_ref().map_or(0.0, |p| p.now());
    schedule(state, now, FramePace::default(), None);
}

/// The next frame; `last` is when the previous frame began, while playing.
fn schedule(
    state: AppState,
    mut now: impl FnMut() -> f64 + 'static,
    mut pace: FramePace,
    last: Option<f64>,
) {
    request_animation_frame(move || {
        let began = now();
        let mut next = None;
        if state.playing.get_untracked() {
            if let Some(last) = last {
                pace.after_frame(began - last);
            }
            next = Some(began);
            let budget_ms = pace.budget_ms();
            let max_epochs = match state.config.with_untracked(|c| c.speed) {
                Speed::EpochsPerFrame(n) => n,
                Speed::Max => u32::MAX,
            };
            let (trained, going_on) = state
                .trainer
                .try_update_value(|t| {
                    state.kernels.supply(t);
                    let trained = t.run_frame(max_epochs, budget_ms, &mut now);
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
        schedule(state, now, pace, next);
    });
}
