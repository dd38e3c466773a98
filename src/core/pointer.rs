//! The words for what a hand does on this device: a mouse clicks and hovers, a finger taps
//! and long-presses and cannot hover. The page asks the browser once, at start (in the app:
//! the `(hover: none)` and `(pointer: coarse)` media queries), and every hint on the plot,
//! the diagram and the help speaks of the device in hand.

/// How the user points at the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pointer {
    /// A mouse or trackpad: click, right-click, hover. Keyboard shortcuts are at hand.
    #[default]
    Mouse,
    /// A touch screen with no hover: tap and long-press, and usually no keyboard.
    Touch,
}

impl Pointer {
    /// The pointer for the browser's answers to `(hover: none)` and `(pointer: coarse)`: a
    /// screen that cannot hover, or whose main pointer is a finger, is a touch screen.
    pub fn from_media(hover_none: bool, coarse: bool) -> Pointer {
        if hover_none || coarse {
            Pointer::Touch
        } else {
            Pointer::Mouse
        }
    }

    /// Whether keyboard shortcuts are worth showing (not on a touch screen).
    pub fn shows_shortcuts(self) -> bool {
        self == Pointer::Mouse
    }

    /// `what`, with its keyboard shortcut `key` in brackets where shortcuts are shown.
    pub fn with_key(self, what: &str, key: &str) -> String {
        if self.shows_shortcuts() {
            format!("{what} ({key})")
        } else {
            what.to_string()
        }
    }

    /// How to copy a selected link by hand, after "the link is selected in the field below, ".
    pub fn copy_by_hand(self) -> &'static str {
        match self {
            Pointer::Mouse => "press Ctrl+C (⌘C) to copy it",
            Pointer::Touch => "press and hold it, then choose Copy",
        }
    }

    /// The caption before the brushes: what a click or a tap on the plot adds.
    pub fn brush_caption(self) -> &'static str {
        match self {
            Pointer::Mouse => "Click adds:",
            Pointer::Touch => "Tap adds:",
        }
    }

    /// How to add a point of one's own, as a sentence.
    pub fn add_own_points(self) -> &'static str {
        match self {
            Pointer::Mouse => "Click on the plot to add your own.",
            Pointer::Touch => "Tap the plot to add your own.",
        }
    }

    /// What the plot does with a pointer, for its screen-reader label.
    pub fn plot_hint(self) -> &'static str {
        match self {
            Pointer::Mouse => {
                "Click to add a point with the brush; right-click to remove the nearest; hover to read the model's output."
            }
            Pointer::Touch => {
                "Tap to add a point with the brush; long-press to remove the nearest; with the Read brush, a tap shows the model's output."
            }
        }
    }

    /// The line under the network diagram while nothing is pointed at.
    pub fn diagram_hint(self) -> &'static str {
        match self {
            Pointer::Mouse => "Hover over a weight or a unit for its value; click one to edit it.",
            Pointer::Touch => "Tap a weight or a unit to see its value and edit it.",
        }
    }

    /// A lesson's text as this device's user reads it: each `{click}` / `{Click}` becomes
    /// "click" or "tap", each `{hover}` / `{Hover}` "hover over" or "tap" (the lesson files
    /// write those placeholders where the hand's word matters). Other text is kept as written.
    pub fn fill(self, text: &str) -> String {
        if !text.contains('{') {
            return text.to_string();
        }
        let words = |mouse: &'static str, touch: &'static str| match self {
            Pointer::Mouse => mouse,
            Pointer::Touch => touch,
        };
        LESSON_WORDS
            .iter()
            .fold(text.to_string(), |t, &(key, mouse, touch)| {
                t.replace(key, words(mouse, touch))
            })
    }

    /// The title of a lesson card's Back (`forward` false) or Next button, with its keys
    /// where there is a keyboard.
    pub fn card_step_title(self, forward: bool) -> &'static str {
        match (self, forward) {
            (Pointer::Mouse, false) => "Previous card (Page Up, P)",
            (Pointer::Mouse, true) => "Next card (Page Down, N)",
            (Pointer::Touch, false) => "Previous card",
            (Pointer::Touch, true) => "Next card",
        }
    }
}

/// The placeholders a lesson's text may use, and their words for a mouse and for a finger.
pub const LESSON_WORDS: [(&str, &str, &str); 5] = [
    ("{click}", "click", "tap"),
    ("{Click}", "Click", "Tap"),
    ("{hover}", "hover over", "tap"),
    ("{Hover}", "Hover over", "Tap"),
    // Reading the plot: a mouse hovers; a finger picks the Read brush first (taps add points).
    ("{read}", "hover over", "pick the Read brush, then tap"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hint of `pointer`, for checks over all of them.
    fn hints(pointer: Pointer) -> Vec<&'static str> {
        vec![
            pointer.brush_caption(),
            pointer.add_own_points(),
            pointer.plot_hint(),
            pointer.diagram_hint(),
            pointer.card_step_title(false),
            pointer.card_step_title(true),
            pointer.copy_by_hand(),
        ]
    }

    #[test]
    fn a_screen_that_cannot_hover_or_has_a_coarse_pointer_is_touch() {
        assert_eq!(Pointer::from_media(false, false), Pointer::Mouse);
        assert_eq!(Pointer::from_media(true, true), Pointer::Touch);
        assert_eq!(Pointer::from_media(true, false), Pointer::Touch);
        assert_eq!(Pointer::from_media(false, true), Pointer::Touch);
        assert!(Pointer::Mouse.shows_shortcuts());
        assert!(!Pointer::Touch.shows_shortcuts());
        assert_eq!(Pointer::Mouse.with_key("Dark theme", "D"), "Dark theme (D)");
        assert_eq!(Pointer::Touch.with_key("Dark theme", "D"), "Dark theme");
    }

    #[test]
    fn touch_hints_speak_of_tapping_and_never_of_mice_or_keys() {
        for hint in hints(Pointer::Touch) {
            let lower = hint.to_lowercase();
            for mouse_word in [
                "click",
                "hover",
                "mouse",
                "page up",
                "page down",
                "(p)",
                "(n)",
                "ctrl",
            ] {
                assert!(!lower.contains(mouse_word), "{hint:?} says {mouse_word:?}");
            }
        }
        assert_eq!(Pointer::Touch.brush_caption(), "Tap adds:");
        assert!(Pointer::Touch.plot_hint().contains("long-press"));
        assert!(Pointer::Touch.diagram_hint().starts_with("Tap a weight"));
    }

    #[test]
    fn lesson_placeholders_become_the_hands_words() {
        let text = "Press Play, then {hover} the maps; {Click} a corner, then {click} again.";
        assert_eq!(
            Pointer::Mouse.fill(text),
            "Press Play, then hover over the maps; Click a corner, then click again."
        );
        assert_eq!(
            Pointer::Touch.fill(text),
            "Press Play, then tap the maps; Tap a corner, then tap again."
        );
        assert_eq!(Pointer::Touch.fill("{Hover} it."), "Tap it.");
        assert_eq!(
            Pointer::Touch.fill("No braces {here}."),
            "No braces {here}."
        );
    }

    #[test]
    fn mouse_hints_speak_of_clicking_and_hovering() {
        assert_eq!(Pointer::Mouse.brush_caption(), "Click adds:");
        assert!(Pointer::Mouse.plot_hint().contains("right-click"));
        assert!(Pointer::Mouse.diagram_hint().starts_with("Hover over"));
        assert!(Pointer::Mouse.card_step_title(true).contains("Page Down"));
        for hint in hints(Pointer::Mouse) {
            assert!(!hint.to_lowercase().contains("tap"), "{hint:?}");
        }
    }
}
