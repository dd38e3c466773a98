//! Long work in slices across animation frames, so that no input waits: random restarts, a
//! Step whose epoch outlasts a frame (the numerical derivative of a large network), and the
//! gradient check of a large network. The run
//! loop gives the work a frame's budget ([`Work::frame`]); the work itself is the core's
//! ([`Restarts`], [`Trainer::run_frame`]). A bar shows how far it got once it has taken a
//! moment, with Cancel, which stops it at once and leaves the network as it was before. An
//! epoch that goes on across frames while playing shows the bar too (Pause stops it).
use super::AppState;
use crate::core::config::ExperimentConfig;
use crate::core::trainer::{GradientCheck, Restarts, Trainer, FRAME_BUDGET_MS};
use leptos::prelude::*;

/// Work shows its bar once it has taken this long (ms): quicker work comes and goes unseen.
const SHOW_AFTER_MS: f64 = 250.0;

/// The work in progress.
enum Job {
    /// A Step whose epoch goes on across frames; the trainer as it was before, for Cancel.
    Step { before: Box<Trainer> },
    /// Random restarts, and the experiment they started from (kept only if it still is).
    Restarts {
        job: Box<Restarts>,
        from: Box<ExperimentConfig>,
    },
    /// The gradient check, and who is told the gap.
    Check {
        check: Box<GradientCheck>,
        done: Callback<f64>,
    },
}

/// What the bar shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// What is going on ("Start 3 of 11").
    pub label: String,
    /// How far it got, in thousandths.
    pub permille: u32,
    /// Whether Cancel stops it (playing stops with Pause).
    pub cancellable: bool,
}

/// The page's long work; `Copy`, so the run loop, the buttons and the keys all hold it.
#[derive(Clone, Copy)]
pub struct Work {
    /// The job and when it started (ms, `performance.now`).
    job: StoredValue<Option<(Job, f64)>>,
    /// The epoch going on across frames while playing, and since when (ms).
    playing_epoch: StoredValue<Option<(u64, f64)>>,
    /// The bar, while it shows.
    pub progress: RwSignal<Option<Progress>>,
    /// The last random restarts' numbers and final training losses.
    pub restart_results: RwSignal<Vec<(u32, f64)>>,
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

impl Work {
    /// No work yet.
    pub fn new() -> Self {
        Work {
            job: StoredValue::new(None),
            playing_epoch: StoredValue::new(None),
            progress: RwSignal::new(None),
            restart_results: RwSignal::new(Vec::new()),
        }
    }

    /// Whether a job is running (a Step in slices or random restarts).
    pub fn busy(self) -> bool {
        self.job.with_value(Option::is_some)
    }

    /// Takes over a Step whose epoch goes in slices: trains its first slice now and the rest
    /// in the next frames. Returns false where the step fits a frame (the caller trains it at
    /// once), true where it is taken care of here (or another job is running).
    pub fn start_step(self, state: AppState) -> bool {
        if self.busy() {
            state.say("Still working: wait for it to finish, or press Cancel.");
            return true;
        }
        if !state.trainer.with_value(Trainer::epochs_in_slices) {
            return false;
        }
        let before = Box::new(state.trainer.get_value());
        self.job.set_value(Some((Job::Step { before }, now_ms())));
        let performance = window().performance();
        self.frame(state, &mut || performance.as_ref().map_or(0.0, |p| p.now()));
        true
    }

    /// Starts random restarts of the experiment: `k` starts beside the seed's own, `epochs`
    /// epochs each. Playing pauses; the network is untouched until the best start is kept.
    pub fn start_restarts(self, state: AppState, k: u32, epochs: u32) {
        if self.busy() {
            state.say("Still working: wait for it to finish, or press Cancel.");
            return;
        }
        state.playing.set(false);
        let job = state.trainer.with_value(|t| Restarts::new(t, k, epochs));
        let from = Box::new(state.config.get_untracked());
        let job = Box::new(job);
        self.job
            .set_value(Some((Job::Restarts { job, from }, now_ms())));
        self.restart_results.set(Vec::new());
    }

    /// Starts the gradient check of the network as it is; `done` is told the gap (at once if
    /// it fits a frame). Returns false without training points.
    pub fn start_gradient_check(self, state: AppState, done: Callback<f64>) -> bool {
        if self.busy() {
            state.say("Still working: wait for it to finish, or press Cancel.");
            return true;
        }
        let Some(check) = state.trainer.with_value(Trainer::start_gradient_check) else {
            return false;
        };
        let check = Box::new(check);
        self.job
            .set_value(Some((Job::Check { check, done }, now_ms())));
        let performance = window().performance();
        self.frame(state, &mut || performance.as_ref().map_or(0.0, |p| p.now()));
        true
    }

    /// A frame's share of the work, within the frame's budget; called by the run loop.
    pub fn frame(self, state: AppState, now: &mut dyn FnMut() -> f64) {
        let Some((job, started)) = self.job.try_update_value(Option::take).flatten() else {
            return self.follow_playing(state, now());
        };
        let job = match job {
            Job::Step { before } => step_frame(state, before, now),
            Job::Restarts { mut job, from } => {
                // A kernel compiled since the work began trains the rest (the same bits).
                let kernels = state.trainer.try_update_value(|t| {
                    state.kernels.supply(t);
                    t.kernels().clone()
                });
                if let Some(kernels) = kernels {
                    job.set_kernels(&kernels);
                }
                let done = job.run(FRAME_BUDGET_MS, now);
                if job.results().len() != self.restart_results.with_untracked(Vec::len) {
                    self.restart_results.set(job.results().to_vec());
                }
                if done {
                    finish_restarts(state, *job, &from);
                    None
                } else {
                    Some(Job::Restarts { job, from })
                }
            }
            Job::Check { mut check, done } => match check.run(FRAME_BUDGET_MS, now) {
                Some(gap) => {
                    done.run(gap);
                    None
                }
                None => Some(Job::Check { check, done }),
            },
        };
        let progress = job
            .as_ref()
            .and_then(|job| (now() - started >= SHOW_AFTER_MS).then(|| job_progress(state, job)));
        self.show(progress);
        self.job.set_value(job.map(|job| (job, started)));
    }

    /// Cancels the job: the network goes back to how it was before it, and the status line
    /// says so. Returns whether there was one.
    pub fn cancel(self, state: AppState) -> bool {
        let Some((job, _)) = self.job.try_update_value(Option::take).flatten() else {
            return false;
        };
        self.show(None);
        match job {
            Job::Step { before } => {
                // With the settings as they are now (changed during the step: applied again).
                let config = state.config.get_untracked();
                state.trainer.update_value(|t| {
                    t.restore(*before);
                    t.apply(config);
                });
                state.publish();
                state.say("Step cancelled: the network is as it was before the step.");
            }
            Job::Check { .. } => state.say("Gradient check cancelled."),
            Job::Restarts { job, .. } => {
                let (done, (starts, _)) = (job.results().len(), job.size());
                state.say(format!(
                    "Random restarts cancelled after {done} of {starts} starts: the network is as it was before."
                ));
            }
        }
        true
    }

    /// While playing, the bar for an epoch that has gone on across frames for a moment.
    fn follow_playing(self, state: AppState, now: f64) {
        let epoch = state.trainer.with_value(|t| {
            let progress = t.epoch_progress()?;
            Some((t.epoch(), progress))
        });
        let playing = state.playing.get_untracked();
        let progress = match (playing, epoch) {
            (true, Some((epoch, fraction))) => {
                let since = match self.playing_epoch.get_value() {
                    Some((e, since)) if e == epoch => since,
                    _ => {
                        self.playing_epoch.set_value(Some((epoch, now)));
                        now
                    }
                };
                (now - since >= SHOW_AFTER_MS).then(|| Progress {
                    label: format!("Epoch {}", epoch + 1),
                    permille: permille(fraction),
                    cancellable: false,
                })
            }
            _ => {
                self.playing_epoch.set_value(None);
                None
            }
        };
        self.show(progress);
    }

    /// Shows `progress`, touching the signal only when it changes.
    fn show(self, progress: Option<Progress>) {
        if self.progress.with_untracked(|p| *p != progress) {
            self.progress.set(progress);
        }
    }
}

impl Default for Work {
    fn default() -> Self {
        Self::new()
    }
}

/// A frame of a Step in slices: the job again while its epoch goes on, `None` once it is done
/// (or Play took it over).
fn step_frame(state: AppState, before: Box<Trainer>, now: &mut dyn FnMut() -> f64) -> Option<Job> {
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
fn finish_restarts(state: AppState, job: Restarts, from: &ExperimentConfig) {
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
fn job_progress(state: AppState, job: &Job) -> Progress {
    let (fraction, label) = match job {
        Job::Step { .. } => state.trainer.with_value(|t| {
            let label = format!("Step: epoch {}", t.epoch() + 1);
            (t.epoch_progress().unwrap_or(0.0), label)
        }),
        Job::Restarts { job, .. } => job.progress(),
        Job::Check { check, .. } => (check.progress(), "Checking gradients".to_string()),
    };
    Progress {
        label,
        permille: permille(fraction),
        cancellable: true,
    }
}

fn permille(fraction: f64) -> u32 {
    (fraction.clamp(0.0, 1.0) * 1000.0).floor() as u32
}

/// The bar and Cancel, while work shows.
#[component]
pub fn WorkProgress() -> impl IntoView {
    let state = expect_context::<AppState>();
    let work = state.work;
    let shown = Memo::new(move |_| work.progress.with(Option::is_some));
    let label = Memo::new(move |_| {
        work.progress
            .with(|p| p.as_ref().map(|p| p.label.clone()).unwrap_or_default())
    });
    let value = Memo::new(move |_| work.progress.with(|p| p.as_ref().map_or(0, |p| p.permille)));
    let cancellable = Memo::new(move |_| {
        work.progress
            .with(|p| p.as_ref().is_some_and(|p| p.cancellable))
    });
    view! {
        <Show when=move || shown.get()>
            <div class="work" data-testid="work" role="status">
                <progress
                    data-testid="work-progress"
                    max="1000"
                    value=move || value.get()
                    aria-label=move || label.get()
                >
                    {move || label.get()}
                </progress>
                <span data-testid="work-label">{move || label.get()}</span>
                <Show when=move || cancellable.get()>
                    <button
                        data-testid="work-cancel"
                        on:click=move |_| {
                            work.cancel(state);
                        }
                    >
                        "Cancel"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
