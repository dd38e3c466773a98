//! A bounded undo/redo history of whole states (the app keeps the user's points in it).
//!
//! Before an edit, the caller records the state it is about to change; [`UndoStack::undo`]
//! takes the current state and hands back the one before the last edit, and
//! [`UndoStack::redo`] goes the other way. A new edit forgets what could be redone. When more
//! than `capacity` edits are recorded, the oldest is dropped.
use std::collections::VecDeque;

/// How many edits the app can undo.
pub const UNDO_CAPACITY: usize = 100;

/// Past states (oldest first) and undone states (most recently undone last).
#[derive(Clone, Debug)]
pub struct UndoStack<T> {
    past: VecDeque<T>,
    future: Vec<T>,
    capacity: usize,
}

impl<T> Default for UndoStack<T> {
    fn default() -> Self {
        UndoStack::new(UNDO_CAPACITY)
    }
}

impl<T> UndoStack<T> {
    /// An empty history that keeps at most `capacity` past states (at least 1).
    pub fn new(capacity: usize) -> Self {
        UndoStack {
            past: VecDeque::new(),
            future: Vec::new(),
            capacity: capacity.max(1),
        }
    }

    /// Records `before`, the state an edit is about to replace, and forgets the redo states.
    pub fn record(&mut self, before: T) {
        if self.past.len() == self.capacity {
            self.past.pop_front();
        }
        self.past.push_back(before);
        self.future.clear();
    }

    /// The state before the last edit, if any; `current` becomes redoable.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop_back()?;
        self.future.push(current);
        Some(previous)
    }

    /// The state the last undo left, if any; `current` becomes undoable again.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push_back(current);
        Some(next)
    }

    /// Forgets every recorded and undone state (another experiment was loaded).
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies `edit` to `state` the way the app does: record, then change.
    fn edit(stack: &mut UndoStack<Vec<u8>>, state: &mut Vec<u8>, f: impl FnOnce(&mut Vec<u8>)) {
        stack.record(state.clone());
        f(state);
    }

    #[test]
    fn undo_and_redo_walk_the_edits_both_ways() {
        let mut stack = UndoStack::default();
        let mut state = vec![];
        edit(&mut stack, &mut state, |s| s.push(1));
        edit(&mut stack, &mut state, |s| s.push(2));
        edit(&mut stack, &mut state, Vec::clear);
        assert!(stack.can_undo() && !stack.can_redo());
        state = stack.undo(state).unwrap();
        assert_eq!(state, [1, 2]);
        state = stack.undo(state).unwrap();
        assert_eq!(state, [1]);
        state = stack.redo(state).unwrap();
        assert_eq!(state, [1, 2]);
        state = stack.redo(state).unwrap();
        assert_eq!(state, Vec::<u8>::new());
        assert!(stack.redo(state.clone()).is_none(), "nothing left to redo");
    }

    #[test]
    fn a_new_edit_forgets_the_redo_states() {
        let mut stack = UndoStack::default();
        let mut state = vec![];
        edit(&mut stack, &mut state, |s| s.push(1));
        state = stack.undo(state).unwrap();
        assert!(stack.can_redo());
        edit(&mut stack, &mut state, |s| s.push(7));
        assert!(!stack.can_redo());
        assert_eq!(stack.undo(state).unwrap(), Vec::<u8>::new());
        assert!(!stack.can_undo());
    }

    #[test]
    fn clearing_forgets_both_ways() {
        let mut stack = UndoStack::default();
        let mut state = vec![];
        edit(&mut stack, &mut state, |s| s.push(1));
        edit(&mut stack, &mut state, |s| s.push(2));
        state = stack.undo(state).unwrap();
        assert!(stack.can_undo() && stack.can_redo());
        stack.clear();
        assert!(!stack.can_undo() && !stack.can_redo());
        assert!(stack.undo(state.clone()).is_none() && stack.redo(state).is_none());
    }

    #[test]
    fn the_history_is_bounded_and_drops_the_oldest() {
        let mut stack = UndoStack::new(3);
        let mut state = vec![];
        for k in 0..10 {
            edit(&mut stack, &mut state, |s| s.push(k));
        }
        let mut undone = 0;
        while let Some(previous) = stack.undo(state.clone()) {
            state = previous;
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(state, [0, 1, 2, 3, 4, 5, 6]);
        assert!(stack.undo(state).is_none(), "an empty history never panics");
    }
}
