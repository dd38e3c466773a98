//! The status line's message and its cause. A message about the trainer's state (diverged,
//! stopped early, no line separates the classes, no training points) stays exactly as long as
//! that state does; a plain note (what a link, a typed number, an undo or an import did) tells
//! of a moment: it stays until the next message, or until training has gone on for
//! [`NOTE_MS`] after it. A new run (Reset, a rebuild, a new card, lesson or link) clears both.
//!
//! [`Status::settle`] is the one place that decides: the app calls it each time it publishes
//! the trainer's state.
use crate::core::snapshot::{ModelView, Snapshot};
use crate::core::trainer::PERCEPTRON_MAX_EPOCHS;
pub use link::LinkNotes;

mod link;

/// Shown when the loss or a weight becomes NaN or infinite.
pub const DIVERGED: &str =
    "Training diverged: the loss became infinite or NaN. Lower the learning rate, then press Reset.";

/// Shared weights (a link's `params=` or a model file) of this magnitude or more are blamed
/// for a divergence soon after they were loaded. The seed's initializations start the
/// weights near 1 or below (Xavier: |w| ≤ √(6 / (fan_in + fan_out)); He: a standard
/// deviation of √(2 / fan_in)), and training rarely takes one past a few tens; from 100 on,
/// a linear or ReLU layer's outputs, and so its gradients, are 100 times those from the
/// seed's start or more, which is what makes the first steps overflow (a 2-4-2-1 network
/// with linear units diverges in its first epoch from weights of ±100 at the default
/// learning rate, and trains from the seed's).
pub const LARGE_SHARED_WEIGHT: f64 = 100.0;

/// A divergence within this many epochs of starting from large shared weights is blamed on
/// them rather than on the learning rate: they have not yet been trained away from. Later,
/// the weights in use are training's own, and the learning rate is the likely cause.
pub const WEIGHTS_BLAMED_EPOCHS: u64 = 10;

/// Shown when Play finds no training points.
pub const NO_TRAINING_POINTS: &str =
    "There are no training points: add some on the plot with a brush.";

/// Shown when Play or Step is pressed on a run that early stopping ended.
pub const RUN_ENDED: &str =
    "Early stopping ended this run: press Reset, or set the patience to 0 to go on.";

/// How long a note stays once training goes on after it, in milliseconds: long enough to read
/// it, short enough that it does not sit beside a run it no longer describes. While paused, a
/// note stays.
pub const NOTE_MS: f64 = 8000.0;

/// Why a message is showing, which decides how long it stays true.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cause {
    /// A one-off note: it stays until the next message or a new run.
    #[default]
    Note,
    /// A note about the typed field with this label (a value refused or changed): as a note,
    /// and it goes as soon as that field takes a value as typed.
    Field(&'static str),
    /// What a link changed or ignored ([`Status::link_notes`]): as a note, and each key's
    /// note goes once that key's value changes.
    Link,
    /// Training diverged: true while the trainer is diverged.
    Diverged,
    /// Early stopping ended the run: true while the run stays stopped.
    EarlyStopped,
    /// The perceptron reached its epoch limit with points misclassified: true while it has.
    NotSeparable,
    /// The perceptron classifies every point: true while it does.
    Separated,
    /// There are no training points: true while there are none.
    NoTrainingPoints,
}

/// The facts about the trainer that the causes depend on, taken from a [`Snapshot`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Facts {
    pub epoch: u64,
    pub diverged: bool,
    /// The largest |weight| of the shared weights the run started from (`None`: the seed's).
    pub shared_start: Option<f64>,
    /// The epoch at which early stopping ended the run, and the best epoch it went back to.
    pub stopped_at: Option<u64>,
    pub best_epoch: Option<u64>,
    pub n_train: usize,
    /// Perceptron mode's misclassified points (`None` in the other modes).
    pub misclassified: Option<usize>,
}

impl Facts {
    /// The facts of `snapshot`.
    pub fn of(snapshot: &Snapshot) -> Self {
        Facts {
            epoch: snapshot.epoch,
            diverged: snapshot.diverged,
            shared_start: snapshot.shared_start,
            stopped_at: snapshot.stopped_at,
            best_epoch: snapshot.best_epoch,
            n_train: snapshot.metrics.n_train,
            misclassified: match &snapshot.model {
                ModelView::Perceptron(p) => Some(p.misclassified.len()),
                _ => None,
            },
        }
    }

    /// Whether the run diverged because of the shared weights it started from, not because
    /// of the learning rate: it started from shared weights with a |weight| of at least
    /// [`LARGE_SHARED_WEIGHT`] and diverged within [`WEIGHTS_BLAMED_EPOCHS`] epochs of them.
    pub fn weights_to_blame(&self) -> bool {
        self.diverged
            && self.epoch <= WEIGHTS_BLAMED_EPOCHS
            && self.shared_start.is_some_and(|w| w >= LARGE_SHARED_WEIGHT)
    }

    /// Whether the perceptron gave up: at the epoch limit with points misclassified.
    fn not_separable(&self) -> bool {
        self.misclassified.is_some_and(|n| n > 0) && self.epoch >= PERCEPTRON_MAX_EPOCHS
    }
}

/// What the status line shows, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub cause: Cause,
    /// The message; empty when there is none.
    pub text: String,
    /// When it was said, in milliseconds on the page's clock (for [`NOTE_MS`]).
    pub said_ms: f64,
    /// A link's notes, each with the value it is about ([`Cause::Link`]).
    pub link: Option<LinkNotes>,
}

impl Status {
    /// A plain note.
    pub fn note(text: impl Into<String>) -> Self {
        Status {
            cause: Cause::Note,
            text: text.into(),
            said_ms: 0.0,
            link: None,
        }
    }

    /// A note about the typed field labelled `label`.
    pub fn field_note(label: &'static str, text: impl Into<String>) -> Self {
        Self::because(Cause::Field(label), text)
    }

    /// This message, or none once the field labelled `label` has taken a value as typed (its
    /// note no longer tells the truth).
    pub fn field_fixed(self, label: &'static str) -> Self {
        if self.cause == Cause::Field(label) {
            Self::default()
        } else {
            self
        }
    }

    fn because(cause: Cause, text: impl Into<String>) -> Self {
        Status {
            cause,
            text: text.into(),
            said_ms: 0.0,
            link: None,
        }
    }

    /// The divergence message that blames the learning rate.
    pub fn diverged() -> Self {
        Self::because(Cause::Diverged, DIVERGED)
    }

    /// The divergence message for a run with `facts`: it blames the loaded weights when
    /// they are the cause ([`Facts::weights_to_blame`]) and says that Reset goes back to the
    /// seed's weights; otherwise it blames the learning rate.
    pub fn diverged_for(facts: &Facts) -> Self {
        match facts.shared_start {
            Some(largest) if facts.weights_to_blame() => Self::because(
                Cause::Diverged,
                format!(
                    "The loaded weights are too large to train: the largest is {}, and training diverged at epoch {} (the loss became infinite or NaN). Press Reset to go back to the seed's weights.",
                    crate::core::number_text::format_number(largest),
                    facts.epoch
                ),
            ),
            _ => Self::diverged(),
        }
    }

    /// The message when early stopping has just ended the run at `stopped` and gone back to
    /// the weights of epoch `best`.
    pub fn early_stopped(stopped: u64, best: u64) -> Self {
        Self::because(
            Cause::EarlyStopped,
            format!(
                "Early stopping at epoch {stopped}: the test loss had not improved since epoch {best}, so the weights from epoch {best} are back. Reset, or set the patience to 0 to go on."
            ),
        )
    }

    /// Why a run with `facts` cannot train (Play or Step found nothing to do), or `None` if
    /// there is nothing to tell.
    pub fn why_stopped(facts: &Facts, perceptron_updates: u64) -> Option<Self> {
        if facts.diverged {
            return Some(Self::diverged_for(facts));
        }
        if facts.stopped_at.is_some() {
            return Some(Self::because(Cause::EarlyStopped, RUN_ENDED));
        }
        match facts.misclassified {
            Some(0) => Some(Self::because(
                Cause::Separated,
                format!("No point is misclassified: the line separates the classes after {perceptron_updates} updates."),
            )),
            Some(n) if facts.not_separable() => Some(Self::because(
                Cause::NotSeparable,
                format!("Stopped after {PERCEPTRON_MAX_EPOCHS} epochs with {} still misclassified: no line separates these classes.", crate::core::text::plural(n, "point")),
            )),
            _ if facts.n_train == 0 => {
                Some(Self::because(Cause::NoTrainingPoints, NO_TRAINING_POINTS))
            }
            _ => None,
        }
    }

    /// Whether this message still tells the truth about a trainer with `facts`; `new_run`
    /// says the weights were re-initialized or the network rebuilt since it was said.
    pub fn still_true(&self, facts: &Facts, new_run: bool) -> bool {
        if new_run {
            return false;
        }
        match self.cause {
            Cause::Note | Cause::Field(_) | Cause::Link => true,
            Cause::Diverged => facts.diverged,
            Cause::EarlyStopped => facts.stopped_at.is_some(),
            Cause::NotSeparable => facts.not_separable(),
            Cause::Separated => facts.misclassified == Some(0),
            Cause::NoTrainingPoints => facts.n_train == 0,
        }
    }

    /// This message, said at `at_ms`.
    pub fn said_at(self, at_ms: f64) -> Self {
        Status {
            said_ms: at_ms,
            ..self
        }
    }

    /// The status once the trainer went from `before` to `now` (`new_run`: through a Reset or
    /// a rebuild) at `now_ms`: a divergence or an early stop that has just happened is
    /// announced, and a message that is no longer true goes, as does a note once training has
    /// gone on for [`NOTE_MS`] after it.
    pub fn settle(self, before: &Facts, now: &Facts, new_run: bool, now_ms: f64) -> Self {
        let fresh = |was: bool| new_run || !was;
        if now.diverged && fresh(before.diverged) {
            return Self::diverged_for(now);
        }
        if let (Some(stopped), Some(best)) = (now.stopped_at, now.best_epoch) {
            if fresh(before.stopped_at.is_some()) {
                return Self::early_stopped(stopped, best);
            }
        }
        let trained_on = now.epoch != before.epoch;
        let note = matches!(self.cause, Cause::Note | Cause::Field(_) | Cause::Link);
        let old_note = note && now_ms - self.said_ms >= NOTE_MS;
        if self.still_true(now, new_run) && !(old_note && trained_on) {
            self
        } else {
            Self::default()
        }
    }
}

#[cfg(test)]
mod tests;
