//! The open card: Back / progress / Next, the title, the text, what to try, and the check.
//!
//! Every card of the lesson is laid out in the same grid cell, and only the open one is
//! visible, so the panel is as tall as the lesson's tallest card and nothing below it moves
//! from card to card.
use super::{check::CheckIndicator, nav, LessonUi};
use crate::app::AppState;
use crate::core::lesson::{shipped, Card, Lesson};
use leptos::prelude::*;

/// A lesson and a card, as indices (from 0).
type At = (usize, usize);

/// Where a button goes from `At`, given the lesson's number of cards.
type Move = fn(At, usize) -> Option<At>;

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
    let last_lesson = move || {
        at.get()
            .is_none_or(|(l, _)| l + 1 >= shipped().lessons.len())
    };
    let go = move |step: Move| {
        if let Some((l, c)) = at.get_untracked().and_then(|at| step(at, count())) {
            nav::go_to(state, ui, l, c);
        }
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
                <button
                    data-testid="lesson-back"
                    disabled=move || index() == 0
                    on:click=move |_| go(previous)
                >
                    "‹ Back"
                </button>
                <span class="lesson-progress">
                    {move || format!("{} / {}", index() + 1, count())}
                </span>
                <button
                    class="primary"
                    data-testid="lesson-next"
                    disabled=move || last_card() && last_lesson()
                    on:click=move |_| go(next)
                >
                    {move || if last_card() { "Next lesson ›" } else { "Next ›" }}
                </button>
            </div>
            <div class="lesson-stack">{cards}</div>
            <button
                class="ghost lesson-again"
                data-testid="lesson-again"
                on:click=move |_| go(again)
            >
                "↺ Start this card again"
            </button>
        </article>
    }
}

/// The card before `(lesson, card)`, if any.
fn previous((l, c): At, _cards: usize) -> Option<At> {
    c.checked_sub(1).map(|c| (l, c))
}

/// The card after `(lesson, card)`: the next one, or the next lesson's first.
fn next((l, c): At, cards: usize) -> Option<At> {
    Some(if c + 1 < cards {
        (l, c + 1)
    } else {
        (l + 1, 0)
    })
}

/// The same card again, from its preset.
fn again(at: At, _cards: usize) -> Option<At> {
    Some(at)
}

/// One card's title, text (after the lesson's introduction on the first card), what to try and
/// its check. Cards other than the open one keep their place in the layout, invisibly.
fn body(lesson: &'static Lesson, card: &'static Card, k: usize, open: bool) -> impl IntoView {
    let intro = if k == 0 { lesson.intro.as_slice() } else { &[] };
    view! {
        <div class="lesson-body" class:lesson-hidden=!open aria-hidden=(!open).then_some("true")>
            <h3 class="lesson-card-title">{card.title.clone()}</h3>
            <div class="lesson-text">
                {intro
                    .iter()
                    .map(|p| view! { <p class="lesson-intro">{p.clone()}</p> })
                    .collect_view()}
                {card.text.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            </div>
            <div class="lesson-do">
                <p class="lesson-try">
                    <strong>"Try: "</strong>
                    {card.try_text.clone()}
                </p>
                <CheckIndicator goal=card.check.describe() live=open />
            </div>
        </div>
    }
}
