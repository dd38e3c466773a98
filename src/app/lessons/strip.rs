//! The open card in the presenter layout, where the lesson panel stays in the drawer: the
//! lesson and card, Back and Next, and what to try, in one short block beside the plot, so the
//! room sees where the lecture is while a clicker moves through the cards.
use super::{nav, step_button::CardStepButton, CardStep};
use crate::app::AppState;
use crate::core::lesson::shipped;
use leptos::prelude::*;

/// The open card, compact: "Lesson · card (n / N)", Back / Next and "Try:".
#[component]
pub fn LessonStrip() -> impl IntoView {
    let state = expect_context::<AppState>();
    let at = Memo::new(move |_| nav::position(state));
    let card = move || {
        at.get().map(|(l, c)| {
            let lesson = &shipped().lessons[l];
            (lesson, &lesson.cards[c], c + 1, lesson.cards.len())
        })
    };
    // The card's own title and where it is; the lesson's name is its tooltip (and in the drawer),
    // so the strip stays one line beside the plot.
    // "{click}" and "{hover}" in the files become this device's words ("tap" on a phone).
    let words = crate::app::lecture::pointer();
    let title = move || {
        card().map(|(_, c, n, of)| format!("{} ({n}\u{a0}/\u{a0}{of})", words.fill(&c.title)))
    };
    let lesson_name = move || card().map(|(l, _, _, _)| words.fill(&l.title));
    let try_text = move || card().map(|(_, c, _, _)| words.fill(&c.try_text));
    view! {
        <Show when=move || at.with(Option::is_some)>
            <div class="lesson-strip" data-testid="lesson-strip" aria-label="The open lesson card">
                <div class="lesson-strip-head">
                    <CardStepButton
                        step=CardStep::Previous
                        testid="strip-back"
                        label="Previous card"
                        text="‹"
                    />
                    <p class="lesson-strip-title" data-testid="strip-title" title=lesson_name>
                        {title}
                    </p>
                    <CardStepButton
                        step=CardStep::Next
                        testid="strip-next"
                        label="Next card"
                        text="›"
                    />
                </div>
                <p class="lesson-strip-try">
                    <strong>"Try: "</strong>
                    {try_text}
                </p>
            </div>
        </Show>
    }
}
