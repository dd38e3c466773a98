//! Guided lessons: the picker, the current card with Back/Next, and the live check. The lessons
//! themselves are data (`src/lessons/*.lesson`, parsed in `core::lesson`); these components
//! only show them and move between cards through [`nav`].
mod card;
mod check;
mod nav;
mod picker;
mod step_button;
mod strip;

use crate::app::storage::{self, PROGRESS_KEY};
use crate::app::AppState;
use crate::core::lesson::Progress;
use leptos::prelude::*;

pub use nav::{step_card, CardStep};
pub use strip::LessonStrip;

/// What the lesson components (and the keyboard shortcuts) share.
#[derive(Clone, Copy)]
pub struct LessonUi {
    /// Grows each time a card is (re)opened, so its check starts unseen again.
    pub opened: RwSignal<u64>,
    /// The cards seen in this browser (kept in localStorage).
    pub progress: RwSignal<Progress>,
}

impl LessonUi {
    /// Creates the lessons' shared state, with the progress kept in this browser, and
    /// provides it to the components below.
    pub fn provide() -> LessonUi {
        let stored = storage::load(PROGRESS_KEY).unwrap_or_default();
        let ui = LessonUi {
            opened: RwSignal::new(0),
            progress: RwSignal::new(Progress::parse(&stored)),
        };
        provide_context(ui);
        ui
    }

    /// Marks card `card` (from 1) of lesson `id` seen, and keeps that in this browser (a full
    /// or missing storage only loses it at the next reload).
    pub fn mark_seen(&self, id: &str, card: usize) {
        // `maybe_update`: a card already marked notifies nobody (this runs while a check holds).
        let mut marked = false;
        self.progress.maybe_update(|p| {
            marked = p.mark(id, card);
            marked
        });
        if marked {
            let text = self.progress.with_untracked(Progress::to_text);
            let _ = storage::save(PROGRESS_KEY, &text);
        }
    }
}

/// The lesson panel: a picker, and the open card.
#[component]
pub fn LessonPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = move || state.lesson.with(Option::is_some);
    view! {
        <section class="panel lesson-panel" aria-label="Lesson">
            <picker::LessonPicker />
            <Show
                when=open
                fallback=|| {
                    view! {
                        <p class="hint">
                            "Pick a lesson: short cards, each with an experiment to try."
                        </p>
                    }
                }
            >
                <card::LessonCard />
            </Show>
        </section>
    }
}
