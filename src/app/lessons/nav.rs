//! Moving between cards. Opening a card applies its preset through [`AppState`] (so the link
//! follows), pauses, starts from the seed's weights, and keeps the student's own points aside.
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
    let (config, notes) = ExperimentConfig::from_hash(&next.preset);
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
