//! Long work in slices across animation frames, so that no input waits: random restarts, a
//! Step whose epoch outlasts a frame (the numerical derivative of a large network), and the
//! gradient check of a large network. The run
//! loop gives the work a frame's budget ([`Work::frame`]); the work itself is the core's
//! ([`Restarts`], [`Trainer::run_frame`]). A bar shows how far it got once it has taken a
//! moment, with Cancel, which stops it at once and leaves the network as it was before. An
//! epoch that goes on across frames while playing shows the bar too (Pause stops it). A file
//! being read for an import shows it too ([`read`]). Reset and a change that rebuilds the
//! network stop the work on the network (its result would belong to the network before).
use super::AppState;
use crate::core::config::ExperimentConfig;
use crate::core::trainer::{GradientCheck, Restarts, Trainer, FRAME_BUDGET_MS};
use jobs::{finish_restarts, job_progress, permille, step_frame};
use leptos::prelude::*;
use read::Reading;

mod bar;
mod jobs;
mod read;

pub use bar::WorkProgress;

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
    /// A chosen file being read (the browser reads it; the frames only show how far).
    Read(Box<Reading>),
}

/// What the bar shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// What is going on ("Start 3 of 10").
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
    /// (Local: a file read holds the browser's reader.)
    job: StoredValue<Option<(Job, f64)>, LocalStorage>,
    /// The epoch going on across frames while playing, and since when (ms).
    playing_epoch: StoredValue<Option<(u64, f64)>>,
    /// The bar, while it shows.
    pub progress: RwSignal<Option<Progress>>,
    /// How many file reads have started (each read's id).
    reads: StoredValue<u64>,
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
            job: StoredValue::new_local(None),
            playing_epoch: StoredValue::new(None),
            progress: RwSignal::new(None),
            reads: StoredValue::new(0),
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

    /// Starts random restarts of the experiment: `starts` starts, the seed's own among them,
    /// `epochs` epochs each. Playing pauses; the network is untouched until the best start is kept.
    pub fn start_restarts(self, state: AppState, starts: u32, epochs: u32) {
        if self.busy() {
            state.say("Still working: wait for it to finish, or press Cancel.");
            return;
        }
        state.playing.set(false);
        let job = state
            .trainer
            .with_value(|t| Restarts::new(t, starts, epochs));
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

    /// Reads `file` as text in the background, then gives it to `then`, unless Cancel (or
    /// Escape) dropped the read meanwhile; says so if the browser cannot read files.
    pub fn start_read(
        self,
        state: AppState,
        file: &web_sys::File,
        then: impl FnOnce(Result<String, String>) + 'static,
    ) {
        if self.busy() {
            state.say("Still working: wait for it to finish, or press Cancel.");
            return;
        }
        let id = self.reads.get_value() + 1;
        self.reads.set_value(id);
        let done = move |text| {
            if self.finish_read(id) {
                then(text);
            }
        };
        match Reading::start(id, file, done) {
            Ok(reading) => self
                .job
                .set_value(Some((Job::Read(Box::new(reading)), now_ms()))),
            Err(e) => {
                let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
                state.say(format!("Could not read the file: {detail}."));
            }
        }
    }

    /// Ends read `id` if it is the job still: returns whether its text is wanted.
    fn finish_read(self, id: u64) -> bool {
        let current = self
            .job
            .with_value(|job| matches!(job, Some((Job::Read(r), _)) if r.id == id));
        if current {
            let job = self.job.try_update_value(Option::take);
            self.show(None);
            drop(job);
        }
        current
    }

    /// Stops the work on the network (a Step in slices, random restarts, the gradient check)
    /// without a word, for Reset or a change that rebuilds the network: the work belongs to
    /// the network before, so none of it may land on the new one. A file being read goes on.
    pub fn stop_for_new_run(self) {
        self.forget_restarts();
        let on_network = self.job.with_value(|job| {
            job.as_ref()
                .is_some_and(|(job, _)| !matches!(job, Job::Read(_)))
        });
        if on_network {
            let job = self.job.try_update_value(Option::take);
            self.show(None);
            drop(job);
        }
    }

    /// Clears the restarts' spread: it described the experiment before a change (its data,
    /// settings or network) or a new run.
    pub fn forget_restarts(self) {
        if self.restart_results.with_untracked(|r| !r.is_empty()) {
            self.restart_results.set(Vec::new());
        }
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
                let same = state.config.with_untracked(|c| c == &*from);
                if same && job.results().len() != self.restart_results.with_untracked(Vec::len) {
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
            Job::Read(reading) => Some(Job::Read(reading)),
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
            Job::Read(reading) => {
                let name = crate::core::text::shorten(&reading.name);
                drop(reading); // stops the read; its text is not used
                state.say(format!(
                    "Reading {name} cancelled: nothing was imported, nothing changed."
                ));
            }
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
