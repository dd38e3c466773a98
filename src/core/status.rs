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

/// Shown when the loss or a weight becomes NaN or infinite.
pub const DIVERGED: &str =
    "Training diverged: the loss became infinite or NaN. Lower the learning rate, then press Reset.";

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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub epoch: u64,
    pub diverged: bool,
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
            stopped_at: snapshot.stopped_at,
            best_epoch: snapshot.best_epoch,
            n_train: snapshot.metrics.n_train,
            misclassified: match &snapshot.model {
                ModelView::Perceptron(p) => Some(p.misclassified.len()),
                _ => None,
            },
        }
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
}

impl Status {
    /// A plain note.
    pub fn note(text: impl Into<String>) -> Self {
        Status {
            cause: Cause::Note,
            text: text.into(),
            said_ms: 0.0,
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
        }
    }

    /// The divergence message.
    pub fn diverged() -> Self {
        Self::because(Cause::Diverged, DIVERGED)
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
            return Some(Self::diverged());
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
            Cause::Note | Cause::Field(_) => true,
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
            return Self::diverged();
        }
        if let (Some(stopped), Some(best)) = (now.stopped_at, now.best_epoch) {
            if fresh(before.stopped_at.is_some()) {
                return Self::early_stopped(stopped, best);
            }
        }
        let trained_on = now.epoch != before.epoch;
        let note = matches!(self.cause, Cause::Note | Cause::Field(_));
        let old_note = note && now_ms - self.said_ms >= NOTE_MS;
        if self.still_true(now, new_run) && !(old_note && trained_on) {
            self
        } else {
            Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn training() -> Facts {
        Facts {
            epoch: 40,
            n_train: 100,
            ..Facts::default()
        }
    }

    #[test]
    fn a_field_note_goes_when_that_field_takes_a_good_value() {
        let bad = Status::field_note("Batch size", "Batch size: 'x' is not a number …");
        assert_eq!(
            bad.clone().field_fixed("Learning rate"),
            bad,
            "another field"
        );
        assert_eq!(bad.clone().field_fixed("Batch size"), Status::default());
        let note = Status::note("Imported 3 points.");
        assert_eq!(
            note.clone().field_fixed("Batch size"),
            note,
            "not the field's"
        );
        assert!(bad.still_true(&training(), false));
    }

    #[test]
    fn a_divergence_is_announced_once_and_goes_when_it_ends() {
        let before = training();
        let now = Facts {
            diverged: true,
            ..before
        };
        let shown = Status::default().settle(&before, &now, false, 0.0);
        assert_eq!(shown, Status::diverged());
        let note = Status::note("Learning rate must be between …");
        assert_eq!(
            note.clone().settle(&now, &now, false, 0.0),
            note,
            "a later note is not overwritten while still diverged"
        );
        assert_eq!(shown.clone().settle(&now, &now, false, 0.0), shown);
        assert_eq!(
            shown.settle(&now, &training(), false, 0.0),
            Status::default(),
            "gone once training gets past it"
        );
    }

    #[test]
    fn a_new_run_clears_every_message() {
        let now = training();
        for status in [
            Status::note("Your 12 points are kept"),
            Status::diverged(),
            Status::early_stopped(80, 50),
        ] {
            assert!(status.still_true(&now, false) == (status.cause == Cause::Note));
            assert_eq!(status.settle(&now, &now, true, 0.0), Status::default());
        }
        let still_diverged = Facts {
            diverged: true,
            ..now
        };
        assert_eq!(
            Status::note("x").settle(&still_diverged, &still_diverged, true, 0.0),
            Status::diverged(),
            "a rebuilt run that diverges at once says so"
        );
    }

    #[test]
    fn early_stopping_is_announced_and_lasts_while_the_run_is_stopped() {
        let before = training();
        let stopped = Facts {
            stopped_at: Some(80),
            best_epoch: Some(50),
            ..before
        };
        let shown = Status::note("hello").settle(&before, &stopped, false, 0.0);
        assert_eq!(shown, Status::early_stopped(80, 50));
        assert!(shown.text.starts_with("Early stopping at epoch 80"));
        assert_eq!(shown.clone().settle(&stopped, &stopped, false, 0.0), shown);
        let patience_changed = Facts {
            stopped_at: None,
            ..stopped
        };
        assert_eq!(
            shown.settle(&stopped, &patience_changed, false, 0.0),
            Status::default()
        );
        let ended = Status::why_stopped(&stopped, 0).expect("a reason");
        assert_eq!(ended.text, RUN_ENDED);
    }

    #[test]
    fn the_perceptron_messages_follow_its_misclassified_points() {
        let gave_up = Facts {
            epoch: PERCEPTRON_MAX_EPOCHS,
            misclassified: Some(2),
            ..training()
        };
        let shown = Status::why_stopped(&gave_up, 4000).expect("a reason");
        assert_eq!(shown.cause, Cause::NotSeparable);
        assert!(shown.text.contains("no line separates these classes"));
        assert!(shown.still_true(&gave_up, false));
        let separated = Facts {
            misclassified: Some(0),
            ..gave_up
        };
        assert!(!shown.still_true(&separated, false));
        let running = Facts {
            epoch: 3,
            ..gave_up
        };
        assert_eq!(Status::why_stopped(&running, 7), None, "still training");
        let done = Status::why_stopped(&separated, 7).expect("a reason");
        assert!(done.text.contains("after 7 updates"));
        assert!(done.still_true(&separated, false));
        assert!(
            !done.still_true(&gave_up, false),
            "a new point is misclassified"
        );
    }

    #[test]
    fn no_training_points_lasts_until_there_are_some() {
        let empty = Facts {
            n_train: 0,
            ..training()
        };
        let shown = Status::why_stopped(&empty, 0).expect("a reason");
        assert_eq!(shown.text, NO_TRAINING_POINTS);
        assert_eq!(shown.clone().settle(&empty, &empty, false, 0.0), shown);
        assert_eq!(
            shown.settle(&empty, &training(), false, 0.0),
            Status::default()
        );
        assert_eq!(Status::why_stopped(&training(), 0), None);
    }

    #[test]
    fn a_note_goes_once_training_has_gone_on_for_a_while_after_it() {
        let before = training();
        let later = Facts {
            epoch: before.epoch + 5,
            ..before
        };
        let note = Status::note("Undid the last point edit.").said_at(1000.0);
        let soon = 1000.0 + NOTE_MS / 2.0;
        assert_eq!(note.clone().settle(&before, &later, false, soon), note);
        let late = 1000.0 + NOTE_MS;
        assert_eq!(
            note.clone().settle(&before, &before, false, late),
            note,
            "paused: the note stays"
        );
        assert_eq!(
            note.settle(&before, &later, false, late),
            Status::default(),
            "training went on: the note goes"
        );
        let diverged = Facts {
            diverged: true,
            ..later
        };
        let shown = Status::diverged().said_at(0.0);
        assert_eq!(
            shown.clone().settle(&diverged, &diverged, false, late),
            shown,
            "a message about the trainer's state stays as long as the state"
        );
    }
}
