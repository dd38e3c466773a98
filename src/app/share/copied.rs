//! The answer a copy button gives where it was pressed: its text turns to "✓ Copied" (or
//! "✗ Not copied") for [`SHOWN_MS`], read out by screen readers, so a phone's user sees it
//! under their finger and not only in the status line far above.
use leptos::prelude::*;
use std::time::Duration;

/// How long the button shows its answer, in milliseconds.
const SHOWN_MS: u64 = 2000;

/// A copy button's answer: `None` while it shows its own label.
#[derive(Clone, Copy)]
pub struct Copied {
    /// Whether the last copy worked, while its answer shows.
    answer: RwSignal<Option<bool>>,
    /// Counts the copies, so that an earlier copy's timer does not cut a later answer short.
    count: StoredValue<u64>,
}

impl Copied {
    /// A button showing its label.
    pub fn new() -> Self {
        Copied {
            answer: RwSignal::new(None),
            count: StoredValue::new(0),
        }
    }

    /// Shows whether the copy worked (`ok`), then the label again after [`SHOWN_MS`].
    pub fn show(self, ok: bool) {
        self.count.update_value(|n| *n += 1);
        let this = self.count.get_value();
        self.answer.set(Some(ok));
        set_timeout(
            move || {
                // The component may be gone by now: then there is nothing to reset.
                if self.count.try_get_value() == Some(this) {
                    self.answer.try_set(None);
                }
            },
            Duration::from_millis(SHOWN_MS),
        );
    }

    /// The button's text: the answer while it shows, else `label`.
    pub fn text(self, label: &'static str) -> &'static str {
        match self.answer.get() {
            Some(true) => "✓ Copied",
            Some(false) => "✗ Not copied",
            None => label,
        }
    }
}

impl Default for Copied {
    fn default() -> Self {
        Self::new()
    }
}
