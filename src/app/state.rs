//! The app's state: signals for the config, the published snapshot, play/pause, the brush,
//! the status line and the open lesson, and the trainer itself, kept outside the reactive graph.
use super::kept::KeptState;
use crate::core::config::{Change, ExperimentConfig, ViewState};
use crate::core::dataset::Point;
use crate::core::lesson::{self, LessonLink};
use crate::core::snapshot::{ModelView, Snapshot};
use crate::core::status::{Facts, Status};
use crate::core::text::plural;
use crate::core::trainer::{PointEdit, Trainer};
use crate::core::undo::UndoStack;
use leptos::prelude::*;
use std::time::Duration;

/// Said when Reset drops loaded weights that were too large to train.
pub const SEED_WEIGHTS_BACK: &str =
    "Back to the seed's weights: the loaded weights were too large to train, so they are dropped (the link no longer holds them). Press Play to train.";

/// What a click on the plot does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brush {
    /// Adds a point of this class (for regression: class 0 is −1, class 1 is +1).
    Class(usize),
    /// Removes the nearest point.
    Eraser,
    /// Adds nothing: shows the model's output where the plot is clicked or tapped.
    Probe,
}

/// Shared handles; `Copy`, so components take it by value.
#[derive(Clone, Copy)]
pub struct AppState {
    pub config: RwSignal<ExperimentConfig>,
    pub snapshot: RwSignal<Snapshot>,
    pub trainer: StoredValue<Trainer>,
    pub playing: RwSignal<bool>,
    pub brush: RwSignal<Brush>,
    /// The status line's message and its cause; see [`Status::settle`].
    pub status: RwSignal<Status>,
    /// The user's own points, kept when a generated data set replaced them.
    pub stashed_points: RwSignal<Option<Vec<Point>>>,
    /// The open lesson and card (in the link as `lesson=…&card=…`), if any.
    pub lesson: RwSignal<Option<LessonLink>>,
    /// The page's hash for the config and lesson, formatted once per change ([`super::url`]).
    pub hash: Memo<String>,
    /// The user's points before each point edit (`None`: the generated set), for undo/redo.
    pub point_history: StoredValue<UndoStack<Option<Vec<Point>>>>,
    /// Whether there is a point edit to undo, and one to redo (for the buttons).
    pub can_undo_redo: RwSignal<(bool, bool)>,
    /// The page's compiled training kernels (none with `?nojit`).
    pub kernels: super::jit::Compiler,
    /// The experiments kept in this browser: a failed save, the recent ones offered.
    pub kept: KeptState,
    /// Long work in slices across frames (random restarts, a Step in slices), with Cancel.
    pub work: super::work::Work,
}

impl AppState {
    /// The experiment in the page's URL hash (defaults where it has none), and the lesson it
    /// names (a link with only a lesson opens its card's preset). With an empty hash, an
    /// experiment kept in this browser comes back ([`KeptState::restore_on_open`]), the
    /// status line says which, and the other recent ones are offered. Training compiles
    /// kernels unless the address's query has `nojit`.
    pub fn from_location() -> Self {
        let hash = window().location().hash().unwrap_or_default();
        let search = window().location().search().unwrap_or_default();
        let bare = hash.trim_start_matches('#').is_empty();
        let restored = bare.then(KeptState::restore_on_open).flatten();
        let opened = lesson::shipped().open(restored.as_ref().map_or(&hash, |r| &r.hash));
        let (config, mut notes) = opened.config(&ViewState::default());
        notes.extend(opened.notes);
        let trainer = Trainer::new(config);
        let status = match (&restored, notes.is_empty()) {
            (Some(r), true) => Status::note(r.note.clone()),
            (None, true) => Status::default(),
            (Some(r), false) => {
                Status::link_notes(&format!("{} ", r.note), notes, trainer.config())
            }
            (None, false) => Status::link_notes("From the link: ", notes, trainer.config()),
        };
        let config = RwSignal::new(trainer.config().clone());
        let lesson = RwSignal::new(opened.lesson);
        let state = AppState {
            snapshot: RwSignal::new(trainer.snapshot()),
            config,
            hash: super::url::hash_memo(config, lesson),
            trainer: StoredValue::new(trainer),
            playing: RwSignal::new(false),
            brush: RwSignal::new(Brush::Class(1)),
            status: RwSignal::new(status),
            // Kept aside before a reload of this tab, if any (see `storage::stashed_points`).
            stashed_points: RwSignal::new(super::storage::stashed_points()),
            lesson,
            point_history: StoredValue::new(UndoStack::default()),
            can_undo_redo: RwSignal::new((false, false)),
            kernels: super::jit::Compiler::new(&search),
            kept: KeptState::new(),
            work: super::work::Work::new(),
        };
        let now = super::url::current_hash(state);
        state
            .kept
            .opened(&now, restored.as_ref().is_some_and(|r| r.own));
        if let Some(r) = &restored {
            state.kept.offer_others(&[&now, &r.hash]);
        }
        // Points kept aside stay for "Back to my points" across a reload of this tab.
        Effect::new(move |_| {
            state
                .stashed_points
                .with(|p| super::storage::keep_stashed_points(p.as_deref()))
        });
        state
    }

    /// Publishes the trainer's state to the views after training or a live change.
    pub fn publish(&self) {
        self.publish_run(false);
    }

    /// Publishes the trainer's state; `new_run` after a Reset or a rebuild. Pauses a run that
    /// diverged or stopped early, and settles the status line: a divergence or early stop
    /// that has just happened is announced, and a message that is no longer true goes.
    fn publish_run(&self, new_run: bool) {
        let snapshot = self.trainer.with_value(Trainer::snapshot);
        let now = Facts::of(&snapshot);
        let before = self.snapshot.with_untracked(Facts::of);
        if (now.diverged || now.stopped_at.is_some()) && self.playing.get_untracked() {
            self.playing.set(false);
        }
        let now_ms = window().performance().map_or(0.0, |p| p.now());
        self.tell(
            self.status
                .get_untracked()
                .settle(&before, &now, new_run, now_ms),
        );
        self.snapshot.set(snapshot);
    }

    /// Applies a new config to the trainer (rebuild, live or redraw) and to the views. If it
    /// clears the user's own points or replaces them with a generated set, they are kept aside.
    pub fn apply(&self, new: ExperimentConfig) -> Change {
        let old_points = self
            .config
            .with_untracked(|c| c.points.clone())
            .unwrap_or_default();
        let dropped = new.points.as_ref().is_none_or(Vec::is_empty);
        let change = self.apply_replacing(new);
        if dropped && !old_points.is_empty() {
            self.keep_aside(old_points); // said after the rebuild, which clears the status
        }
        change
    }

    /// Keeps the user's points aside (for "Back to my points") and says so. The experiment
    /// they were drawn in stays kept in this browser too: the tab's next saves go under a new
    /// key ([`KeptState::opened`]).
    pub fn keep_aside(&self, points: Vec<Point>) {
        self.kept.opened(&super::url::current_hash(*self), false);
        self.say(format!(
            "Your {} kept: press \"Back to my points\" (under Data) to bring them back.",
            if points.len() == 1 {
                "1 point is".to_string()
            } else {
                format!("{} are", plural(points.len(), "point"))
            }
        ));
        self.stashed_points.set(Some(points));
    }

    /// Applies a new config as [`AppState::apply`] does, but leaves keeping the old points
    /// aside to the caller (a lesson card knows which points were its own preset's).
    pub fn apply_replacing(&self, new: ExperimentConfig) -> Change {
        let change = self
            .trainer
            .try_update_value(|t| t.apply(new))
            .unwrap_or(Change::None);
        if matches!(change, Change::Rebuild | Change::Output) {
            self.work.stop_for_new_run(); // its result is the old network's
        } else if change == Change::Live {
            self.work.forget_restarts(); // they trained other points or settings
        }
        let applied = self.trainer.with_value(|t| t.config().clone());
        if change != Change::None {
            // A link's note about a value the user has changed since goes.
            self.tell(self.status.get_untracked().config_changed(&applied));
            self.config.set(applied);
            self.publish_run(change == Change::Rebuild);
        }
        if change == Change::Output {
            let classes = self.config.with_untracked(ExperimentConfig::class_count);
            self.say(format!(
                "The points now have {classes} classes, so the output layer was rebuilt for them (its weights start again); the hidden layers keep theirs."
            ));
        }
        change
    }

    /// Edits the config with `f`, then applies it.
    pub fn update_config(&self, f: impl FnOnce(&mut ExperimentConfig)) {
        let mut new = self.config.get_untracked();
        f(&mut new);
        self.apply(new);
    }

    /// Chooses generated data with `f` (a data set, a curve): the network starts again, also
    /// where only the points changed (the user's points replaced by the set's own).
    pub fn choose_data(&self, f: impl FnOnce(&mut ExperimentConfig)) {
        let mut new = self.config.get_untracked();
        f(&mut new);
        if matches!(self.apply(new), Change::Live | Change::Output) {
            self.reset();
        }
    }

    /// Adds or removes points, keeping everything else; the edit can be undone.
    pub fn edit_points(&self, edit: PointEdit) {
        let new = self.trainer.with_value(|t| t.edited(edit));
        let before = self.config.with_untracked(|c| c.points.clone());
        if new.points == before {
            return; // the eraser found nothing, or Clear had nothing to clear
        }
        self.remember_points(before);
        self.apply(new);
        // Kept and in the address at once, so that a reload right after the click keeps it,
        // but in a task of its own: 5,000 imported points are a 130 KB link, and the page
        // shows them first (a reload before it runs still writes it, on pagehide).
        let state = *self;
        set_timeout(move || super::url::write_now(state), Duration::ZERO);
    }

    /// Re-initializes the weights, which starts a new run: the status line clears, and work
    /// on the network stops.
    pub fn reset(&self) {
        self.work.stop_for_new_run();
        self.trainer.update_value(Trainer::reset);
        self.publish_run(true);
    }

    /// Reset as the button and the `R` key do. After a divergence that the loaded weights
    /// are blamed for ([`Facts::weights_to_blame`]), a reset to them would only diverge
    /// again: it goes back to the seed's weights instead (the link drops `params`) and says
    /// so. Otherwise as [`AppState::reset`].
    pub fn reset_by_user(&self) {
        let blamed = self
            .snapshot
            .with_untracked(|s| Facts::of(s).weights_to_blame());
        if !blamed {
            return self.reset();
        }
        self.playing.set(false);
        self.update_config(|c| c.params = None); // a rebuild from the seed's weights
        super::url::write_now(*self);
        self.say(SEED_WEIGHTS_BACK);
    }

    /// Trains exactly one epoch (in perceptron mode: one step of the trick); an epoch that
    /// goes in slices trains across frames, with progress and Cancel (see [`super::work`]).
    pub fn step(&self) {
        if self.work.start_step(*self) {
            return;
        }
        let trained = self
            .trainer
            .try_update_value(|t| {
                self.kernels.supply(t);
                t.step(1)
            })
            .unwrap_or(0);
        self.publish();
        if trained == 0 {
            self.explain_stop();
        }
    }

    /// Brings back the points kept aside by [`AppState::apply`] (an edit that can be undone).
    pub fn restore_points(&self) {
        if let Some(points) = self.stashed_points.get_untracked() {
            self.stashed_points.set(None);
            self.remember_points(self.config.with_untracked(|c| c.points.clone()));
            self.update_config(|c| c.points = Some(points));
            super::url::write_now(*self);
            self.say("");
        }
    }

    /// Says why Play or Step found nothing to train (diverged, stopped early, the perceptron
    /// done or stuck, no training points).
    pub fn explain_stop(&self) {
        let why = self.snapshot.with_untracked(|s| {
            let updates = match &s.model {
                ModelView::Perceptron(view) => view.updates,
                _ => 0,
            };
            Status::why_stopped(&Facts::of(s), updates)
        });
        if let Some(status) = why {
            self.tell(status);
        }
    }

    /// Shows a plain note to the user (it stays until the next message or a new run).
    pub fn say(&self, message: impl Into<String>) {
        self.tell(Status::note(message));
    }

    /// Shows a link's `notes` after `prefix` (see [`Status::link_notes`]): each goes once the
    /// user changes the value it is about.
    pub fn say_link(&self, prefix: &str, notes: Vec<String>) {
        let status = self
            .config
            .with_untracked(|c| Status::link_notes(prefix, notes, c));
        self.tell(status);
    }

    /// Shows what a typed field labelled `label` did with its text: `message` if it refused
    /// or changed it, else clears an earlier message of that field.
    pub fn say_field(&self, label: &'static str, message: Option<String>) {
        match message {
            Some(m) => self.tell(Status::field_note(label, m)),
            None => self.tell(self.status.get_untracked().field_fixed(label)),
        }
    }

    /// Shows `status`, touching the signal only when it changes.
    fn tell(&self, status: Status) {
        if self.status.with_untracked(|s| *s == status) {
            return;
        }
        // Stamped when first said (a settled message keeps its time).
        let status = if status.said_ms == 0.0 {
            status.said_at(window().performance().map_or(0.0, |p| p.now()))
        } else {
            status
        };
        self.status.set(status);
    }
}
