//! Guided lessons: the picker, the current card with Back/Next, and the live check. The lessons
//! themselves are data (`src/lessons/*.lesson`, parsed in `core::lesson`); these components
//! only show them and move between cards through [`nav`].
mod card;
mod check;
mod nav;
mod picker;

use crate::app::AppState;
use leptos::prelude::*;

/// What the lesson components share.
#[derive(Clone, Copy)]
pub struct LessonUi {
    /// Grows each time a card is (re)opened, so its check starts unseen again.
    pub opened: RwSignal<u64>,
}

/// The lesson panel: a picker, and the open card.
#[component]
pub fn LessonPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    provide_context(LessonUi {
        opened: RwSignal::new(0),
    });
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
