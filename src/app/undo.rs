//! Undo and redo of point edits (add, remove, clear, bringing points back). The history itself
//! is [`crate::core::undo::UndoStack`]; this file moves the app's points through it.
use super::AppState;
use crate::core::dataset::Point;
use crate::core::split_note::points_whose;
use crate::core::undo::UndoStack;
use leptos::prelude::*;

impl AppState {
    /// Records the points a point edit is about to replace.
    pub fn remember_points(&self, before: Option<Vec<Point>>) {
        self.point_history.update_value(|h| h.record(before));
        self.refresh_undo_redo();
    }

    /// Undoes the last point edit, if any, and says what happened.
    pub fn undo_points(&self) {
        let current = self.config.with_untracked(|c| c.points.clone());
        let previous = self
            .point_history
            .try_update_value(|h| h.undo(current))
            .flatten();
        self.show_points(previous, "Undid the last point edit", "Nothing to undo.");
    }

    /// Redoes the last undone point edit, if any, and says what happened.
    pub fn redo_points(&self) {
        let current = self.config.with_untracked(|c| c.points.clone());
        let next = self
            .point_history
            .try_update_value(|h| h.redo(current))
            .flatten();
        self.show_points(next, "Redid the point edit", "Nothing to redo.");
    }

    /// Puts `points` (if any) in the config, writes the link at once and says `done` (or
    /// `nothing` when there was no edit).
    fn show_points(&self, points: Option<Option<Vec<Point>>>, done: &str, nothing: &str) {
        self.refresh_undo_redo();
        let Some(points) = points else {
            self.say(nothing);
            return;
        };
        let mut new = self.config.get_untracked();
        new.points = points;
        self.apply_replacing(new);
        super::url::write_now(*self);
        let whose = self.config.with_untracked(|c| {
            c.points
                .as_ref()
                .map(|p| points_whose(p.len(), c.generated_kept()))
        });
        self.say(match whose {
            Some(whose) => format!("{done}: {whose}."),
            None => format!("{done}: back to the generated data."),
        });
    }

    /// Forgets every point edit, undone or not (a link has loaded another experiment).
    pub fn forget_point_edits(&self) {
        self.point_history.update_value(UndoStack::clear);
        self.refresh_undo_redo();
    }

    fn refresh_undo_redo(&self) {
        let now = self
            .point_history
            .with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo_redo.get_untracked() != now {
            self.can_undo_redo.set(now);
        }
    }
}
