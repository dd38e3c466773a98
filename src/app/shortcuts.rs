//! Keyboard shortcuts (listed in [`super::lecture::SHORTCUTS`]). A key pressed while typing in
//! a field, or Space/Enter on a focused button, is left to the browser.
use super::lecture::{toggle_lecture, PageView};
use super::lessons::{step_card, CardStep, LessonUi};
use super::{brushes, fullscreen, AppState, Brush};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    PlayPause,
    Step,
    Reset,
    /// Choose the class brush with this index (digit − 1).
    Brush(usize),
    Eraser,
    Undo,
    Redo,
    Fullscreen,
    Lecture,
    /// Open or close the controls' drawer (lecture mode).
    Controls,
    Theme,
    Help,
    /// The next lesson card (a presentation clicker's forward button sends Page Down).
    NextCard,
    /// The previous lesson card (Page Up).
    PreviousCard,
    /// Close the help or the maximised plot.
    Close,
}

/// The modifier keys held with a key.
#[derive(Clone, Copy, Debug, Default)]
pub struct Modifiers {
    /// Ctrl, or Cmd on a Mac.
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
}

/// The shortcut for `key` (a `KeyboardEvent.key`) with `mods`, if there is one.
pub fn shortcut_for(key: &str, mods: Modifiers) -> Option<Shortcut> {
    if mods.alt {
        return None;
    }
    if mods.command {
        return match key {
            "z" | "Z" if mods.shift => Some(Shortcut::Redo),
            "z" | "Z" => Some(Shortcut::Undo),
            "y" | "Y" => Some(Shortcut::Redo),
            _ => None,
        };
    }
    Some(match key {
        " " | "Spacebar" => Shortcut::PlayPause,
        "ArrowRight" => Shortcut::Step,
        "r" | "R" => Shortcut::Reset,
        "e" | "E" => Shortcut::Eraser,
        "f" | "F" => Shortcut::Fullscreen,
        "l" | "L" => Shortcut::Lecture,
        "c" | "C" => Shortcut::Controls,
        "d" | "D" => Shortcut::Theme,
        "?" => Shortcut::Help,
        "PageDown" | "n" | "N" => Shortcut::NextCard,
        "PageUp" | "p" | "P" => Shortcut::PreviousCard,
        "Escape" => Shortcut::Close,
        _ => match key.parse::<usize>() {
            Ok(d @ 1..=6) => Shortcut::Brush(d - 1),
            _ => return None,
        },
    })
}

/// Whether a key on `target` belongs to it: typing in a field, or activating a button.
fn belongs_to_target(target: Option<Element>, key: &str) -> bool {
    let Some(el) = target else { return false };
    let tag = el.tag_name().to_ascii_uppercase();
    let editable = el.get_attribute("contenteditable").is_some();
    // A clicker's Page Down/Up after choosing a lesson in the picker (a select) is ours.
    let clicker = matches!(key, "PageDown" | "PageUp");
    matches!(tag.as_str(), "INPUT" | "TEXTAREA")
        || (tag == "SELECT" && !clicker)
        || editable
        || (matches!(tag.as_str(), "BUTTON" | "SUMMARY" | "A") && matches!(key, " " | "Enter"))
}

/// Listens for the shortcuts on the window, for the page's lifetime.
pub fn listen(state: AppState, page: PageView, lessons: LessonUi) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        if ev.default_prevented() || belongs_to_target(target, &ev.key()) {
            return;
        }
        let mods = Modifiers {
            command: ev.ctrl_key() || ev.meta_key(),
            shift: ev.shift_key(),
            alt: ev.alt_key(),
        };
        if let Some(shortcut) = shortcut_for(&ev.key(), mods) {
            if run(state, page, lessons, shortcut) {
                ev.prevent_default();
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// Does what `shortcut` asks. Returns whether it did something (then the browser's own
/// meaning of the key, such as scrolling on Space or Page Down, is cancelled; without an open
/// lesson, Page Down still scrolls).
fn run(state: AppState, page: PageView, lessons: LessonUi, shortcut: Shortcut) -> bool {
    match shortcut {
        Shortcut::PlayPause => super::controls::toggle_play(state),
        Shortcut::Step => state.step(),
        Shortcut::Reset => state.reset_by_user(),
        Shortcut::Brush(k) => {
            if k >= state.config.with_untracked(brushes::brush_count) {
                return false;
            }
            state.brush.set(Brush::Class(k));
        }
        Shortcut::Eraser => state.brush.set(Brush::Eraser),
        Shortcut::Undo => state.undo_points(),
        Shortcut::Redo => state.redo_points(),
        Shortcut::Fullscreen => fullscreen::toggle(page),
        Shortcut::Lecture => toggle_lecture(state),
        Shortcut::Controls => {
            if !state.config.with_untracked(|c| c.lecture) {
                return false;
            }
            page.drawer_open.update(|o| *o = !*o);
        }
        Shortcut::Theme => page.toggle_theme(),
        Shortcut::Help => page.help_open.update(|o| *o = !*o),
        Shortcut::NextCard => return step_card(state, lessons, CardStep::Next),
        Shortcut::PreviousCard => return step_card(state, lessons, CardStep::Previous),
        Shortcut::Close => {
            let help = page.help_open.get_untracked();
            page.help_open.set(false);
            // Closes what is open first; then cancels long work.
            return fullscreen::leave(page) || help || state.work.cancel(state);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers {
        command: false,
        shift: false,
        alt: false,
    };

    #[test]
    fn keys_map_to_shortcuts() {
        assert_eq!(shortcut_for(" ", NONE), Some(Shortcut::PlayPause));
        assert_eq!(shortcut_for("ArrowRight", NONE), Some(Shortcut::Step));
        assert_eq!(shortcut_for("R", NONE), Some(Shortcut::Reset));
        assert_eq!(shortcut_for("1", NONE), Some(Shortcut::Brush(0)));
        assert_eq!(shortcut_for("6", NONE), Some(Shortcut::Brush(5)));
        assert_eq!(shortcut_for("7", NONE), None);
        assert_eq!(shortcut_for("0", NONE), None);
        assert_eq!(shortcut_for("f", NONE), Some(Shortcut::Fullscreen));
        assert_eq!(shortcut_for("x", NONE), None);
        assert_eq!(shortcut_for("PageDown", NONE), Some(Shortcut::NextCard));
        assert_eq!(shortcut_for("N", NONE), Some(Shortcut::NextCard));
        assert_eq!(shortcut_for("PageUp", NONE), Some(Shortcut::PreviousCard));
        assert_eq!(shortcut_for("p", NONE), Some(Shortcut::PreviousCard));
        assert_eq!(shortcut_for("c", NONE), Some(Shortcut::Controls));
    }

    #[test]
    fn the_help_lists_escape_what_it_closes_and_cancels() {
        assert_eq!(shortcut_for("Escape", NONE), Some(Shortcut::Close));
        let (_, what) = super::super::lecture::SHORTCUTS
            .iter()
            .find(|(keys, _)| *keys == "Escape")
            .expect("Escape is in the help");
        assert!(what.contains("popover") && what.contains("cancel long work"));
    }

    #[test]
    fn ctrl_or_cmd_undoes_and_redoes_and_never_resets() {
        let cmd = Modifiers {
            command: true,
            ..NONE
        };
        let cmd_shift = Modifiers { shift: true, ..cmd };
        assert_eq!(shortcut_for("z", cmd), Some(Shortcut::Undo));
        assert_eq!(shortcut_for("Z", cmd_shift), Some(Shortcut::Redo));
        assert_eq!(shortcut_for("y", cmd), Some(Shortcut::Redo));
        assert_eq!(shortcut_for("r", cmd), None, "Ctrl+R reloads the page");
        let alt = Modifiers { alt: true, ..NONE };
        assert_eq!(shortcut_for("r", alt), None);
    }
}
