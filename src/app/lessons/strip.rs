//! The open card in the presenter layout, where the lesson panel stays in the drawer: the
//! lesson and card, Back and Next, and what to try, in one short block beside the plot, so the
//! room sees where the lecture is while a clicker moves through the cards.
use super::{nav, CardStep, LessonUi};
use crate::app::AppState;
use crate::core::lesson::shipped;
use leptos::prelude::*;

/// The open card, compact: "Lesson · card (n / N)", Back / Next and "Try:".
#[component]
pub fn LessonStrip() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = expect_context::<LessonUi>();
    let at = Memo::new(move |_| nav::position(state));
    let card = move || {
        at.get().map(|(l, c)| {
            let lesson = &shipped().lessons[l];
            (lesson, &lesson.cards[c], c + 1, lesson.cards.len())
        })
    };
    let title =
        move || card().map(|(l, c, n, of)| format!("{} · {} ({n} / {of})", l.title, c.title));
    let try_text = move || card().map(|(_, c, _, _)| c.try_text.clone());
    let go = move |step: CardStep| {
        nav::step_card(state, ui, step);
    };
    view! {
        <Show when=move || at.with(Option::is_some)>
            <div class="lesson-strip" data-testid="lesson-strip" aria-label="The open lesson card">
                <div class="lesson-strip-head">
                    <button
                        data-testid="strip-back"
                        aria-label="Previous card"
                        title="Previous card (Page Up, P)"
                        disabled=move || !nav::can_step(state, CardStep::Previous)
                        on:click=move |_| go(CardStep::Previous)
                    >
                        "‹"
                    </button>
                    <p class="lesson-strip-title" data-testid="strip-title">
                        {title}
                    </p>
                    <button
                        data-testid="strip-next"
                        aria-label="Next card"
                        title="Next card (Page Down, N)"
                        disabled=move || !nav::can_step(state, CardStep::Next)
                        on:click=move |_| go(CardStep::Next)
                    >
                        "›"
                    </button>
                </div>
                <p class="lesson-strip-try">
                    <strong>"Try: "</strong>
                    {try_text}
                </p>
            </div>
        </Show>
    }
}
