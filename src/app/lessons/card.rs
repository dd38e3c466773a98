//! The open card: Back / progress / Next, the title, the text, what to try, and the check.
//!
//! Every card of the lesson is laid out in the same grid cell, and only the open one is
//! visible, so the panel is as tall as the lesson's tallest card and nothing below it moves
//! from card to card.
use super::{check::CheckIndicator, nav, step_button::CardStepButton, CardStep, LessonUi};
use crate::app::ce_panel::CrossEntropyPanel;
use crate::app::controls::ActivationCurve;
use crate::app::AppState;
use crate::core::lesson::{shipped, Card, CardPanel, Lesson};
use leptos::prelude::*;

/// The open card of the open lesson.
#[component]
pub fn LessonCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = expect_context::<LessonUi>();
    let at = Memo::new(move |_| nav::position(state));
    let lesson = move || at.get().map(|(l, _)| &shipped().lessons[l]);
    let count = move || lesson().map_or(0, |l| l.cards.len());
    let index = move || at.get().map_or(0, |(_, c)| c);
    let last_card = move || index() + 1 >= count();
    let go = move |step: CardStep| {
        nav::step_card(state, ui, step);
    };
    let cards = move || {
        lesson().map(|l| {
            l.cards
                .iter()
                .enumerate()
                .map(|(k, c)| body(l, c, k, k == index()))
                .collect_view()
        })
    };
    view! {
        <article class="lesson-card" data-testid="lesson-card">
            <p class="lesson-name">{move || lesson().map(|l| l.title.clone())}</p>
            <div class="lesson-nav">
                <CardStepButton step=CardStep::Previous testid="lesson-back" text="‹ Back" />
                <span class="lesson-progress">
                    {move || format!("{} / {}", index() + 1, count())}
                </span>
                <CardStepButton
                    step=CardStep::Next
                    testid="lesson-next"
                    class="primary"
                    text=Signal::derive(move || {
                        if last_card() { "Next lesson ›" } else { "Next ›" }
                    })
                />
            </div>
            <div class="lesson-stack">{cards}</div>
            <button
                class="ghost lesson-again"
                data-testid="lesson-again"
                on:click=move |_| go(CardStep::Again)
            >
                "↺ Start this card again"
            </button>
        </article>
    }
}

/// One card's title, text (after the lesson's introduction on the first card), what to try and
/// its check. Cards other than the open one keep their place in the layout, invisibly.
fn body(lesson: &'static Lesson, card: &'static Card, k: usize, open: bool) -> impl IntoView {
    let intro = if k == 0 { lesson.intro.as_slice() } else { &[] };
    // "{click}" and "{hover}" in the files become this device's words ("tap" on a phone).
    let words = crate::app::lecture::pointer();
    view! {
        <div class="lesson-body" class:lesson-hidden=!open aria-hidden=(!open).then_some("true")>
            <h3 class="lesson-card-title">{words.fill(&card.title)}</h3>
            <div class="lesson-text">
                {intro
                    .iter()
                    .map(|p| view! { <p class="lesson-intro">{words.fill(p)}</p> })
                    .collect_view()}
                {card.text.iter().map(|p| view! { <p>{words.fill(p)}</p> }).collect_view()}
            </div>
            <div class="lesson-do">
                <p class="lesson-try">
                    <strong>"Try: "</strong>
                    {words.fill(&card.try_text)}
                </p>
                <CheckIndicator
                    goal=card.check.goal()
                    live=open
                    lesson=lesson.id.as_str()
                    card=k + 1
                />
            </div>
            // Under Try and the check, so that they stay where they are on the first screen.
            {card.panel.map(card_panel)}
        </div>
    }
}

/// A card's tool, under its text.
fn card_panel(panel: CardPanel) -> AnyView {
    match panel {
        CardPanel::CrossEntropy => view! { <CrossEntropyPanel place="lesson" /> }.into_any(),
        CardPanel::Activation => view! { <ActivationCurve place="lesson" /> }.into_any(),
    }
}
