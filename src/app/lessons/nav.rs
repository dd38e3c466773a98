//! Moving between cards. Opening a card applies its preset through [`AppState`] (so the link
//! follows), pauses, starts from the seed's weights, and keeps the student's own points aside.
//! The view (lecture mode, hidden controls, hidden text, the decision line) stays as it is.
use super::LessonUi;
use crate::app::AppState;
use crate::core::config::{Change, ExperimentConfig};
use crate::core::lesson::shipped;
use leptos::prelude::*;

/// Opens card `card` (from 0) of lesson `lesson` (indices into the shipped lessons).
pub fn go_to(state: AppState, ui: LessonUi, lesson: usize, card: usize) {
    let library = shipped();
    let Some(next) = library.lessons.get(lesson).and_then(|l| l.cards.get(card)) else {
        return;
    };
    state.playing.set(false);
    // Points that the open card's preset brought are not the student's.
    let preset_points = state
        .lesson
        .get_untracked()
        .and_then(|link| library.card(&link))
        .and_then(|c| ExperimentConfig::from_hash(&c.preset).0.points);
    let own_points = state
        .config
        .get_untracked()
        .points
        .filter(|p| !p.is_empty() && preset_points.as_ref() != Some(p));
    // A card sets the experiment, never the view (lecture mode, hidden controls, …).
    let (config, notes) = ExperimentConfig::from_hash(&next.preset);
    let config = config.with_view(state.config.with_untracked(ExperimentConfig::view));
    state.lesson.set(library.link(lesson, card));
    // A new run either way, which clears the status line.
    if state.apply_replacing(config) != Change::Rebuild {
        state.reset(); // every card starts from the same weights
    }
    state.forget_point_edits(); // undo stays within the card's experiment
    if let Some(points) = own_points {
        state.keep_aside(points);
    }
    ui.opened.update(|n| *n += 1);
    if !notes.is_empty() {
        state.say(format!(
            "This card needs something this version lacks: {}",
            notes.join(" ")
        ));
    }
}

/// Where a move between cards goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardStep {
    /// The card before (none before a lesson's first).
    Previous,
    /// The next card, or the next lesson's first.
    Next,
    /// The same card again, from its preset.
    Again,
}

/// The card `step` leads to from `(lesson, card)`, given the shipped lessons.
fn target((l, c): (usize, usize), step: CardStep) -> Option<(usize, usize)> {
    let lessons = &shipped().lessons;
    let cards = lessons.get(l).map_or(0, |lesson| lesson.cards.len());
    match step {
        CardStep::Previous => c.checked_sub(1).map(|c| (l, c)),
        CardStep::Next if c + 1 < cards => Some((l, c + 1)),
        CardStep::Next => (l + 1 < lessons.len()).then_some((l + 1, 0)),
        CardStep::Again => Some((l, c)),
    }
}

/// Moves from the open card by `step`. Returns whether a card was opened (no lesson open,
/// or no card that way, does nothing).
pub fn step_card(state: AppState, ui: LessonUi, step: CardStep) -> bool {
    let Some(at) = position(state) else {
        return false;
    };
    let Some((l, c)) = target(at, step) else {
        return false;
    };
    go_to(state, ui, l, c);
    if l != at.0 {
        // Past a lesson's last card: the presenter's strip shows only the card's title, so
        // the status line names the lesson it went into (before any note of the card's).
        let title = &shipped().lessons[l].title;
        let note = state.status.with_untracked(|s| s.text.clone());
        state.say(
            format!("Next lesson: {title}. {note}")
                .trim_end()
                .to_string(),
        );
    }
    true
}

/// Whether there is a card `step` away from the open one.
pub fn can_step(state: AppState, step: CardStep) -> bool {
    position(state).and_then(|at| target(at, step)).is_some()
}

/// Closes the lesson; the experiment stays as it is.
pub fn close(state: AppState) {
    state.lesson.set(None);
}

/// The open lesson and card as indices, if the link names one that exists.
pub fn position(state: AppState) -> Option<(usize, usize)> {
    state
        .lesson
        .with(|link| link.as_ref().and_then(|l| shipped().resolve(l).0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_through_cards_and_into_the_next_lesson() {
        let lessons = &shipped().lessons;
        let last = lessons[0].cards.len() - 1;
        assert_eq!(target((0, 0), CardStep::Previous), None);
        assert_eq!(target((0, 1), CardStep::Previous), Some((0, 0)));
        assert_eq!(target((0, 0), CardStep::Next), Some((0, 1)));
        assert_eq!(target((0, last), CardStep::Next), Some((1, 0)));
        assert_eq!(
            target((1, 0), CardStep::Previous),
            None,
            "Back stays in the lesson"
        );
        let end = (
            lessons.len() - 1,
            lessons[lessons.len() - 1].cards.len() - 1,
        );
        assert_eq!(target(end, CardStep::Next), None);
        assert_eq!(target(end, CardStep::Again), Some(end));
    }
}
