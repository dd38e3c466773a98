//! The live check: "✓ Seen it" once the card's check has held on a published snapshot since
//! the card was opened, or ever before in this browser (the progress kept in localStorage).
use super::LessonUi;
use crate::app::AppState;
use crate::core::lesson::{shipped, LessonLink};
use leptos::prelude::*;

/// Which card (and which opening of it) the latch is for, and whether it was seen.
type Latch = (Option<(LessonLink, u64)>, bool);

/// A card's check: its state (live only for the open card) and its goal.
#[component]
pub fn CheckIndicator(
    /// The check's goal in words ("Train until the test accuracy is at least 95%.").
    goal: String,
    /// Whether this is the open card, whose state follows the published snapshots.
    live: bool,
    /// The lesson's id, for the progress kept in this browser.
    lesson: &'static str,
    /// The card's number in its lesson, from 1.
    card: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = expect_context::<LessonUi>();
    // Once seen, the memo stops reading the snapshot, so it no longer runs every frame.
    let latch = Memo::new(move |prev: Option<&Latch>| {
        let key = state
            .lesson
            .get()
            .filter(|_| live)
            .map(|l| (l, ui.opened.get()));
        let was = prev.is_some_and(|(k, seen)| *k == key && *seen);
        let now = was || key.as_ref().is_some_and(|(link, _)| holds(state, link));
        (key, now)
    });
    let seen_now = move || latch.with(|l| l.1);
    // Keeps a card seen now in this browser's progress (localStorage is the outside world).
    Effect::new(move |_| {
        if seen_now() {
            ui.mark_seen(lesson, card);
        }
    });
    let seen = move || seen_now() || ui.progress.with(|p| p.seen(lesson, card));
    view! {
        <div class="lesson-check" class:seen=seen aria-live=live.then_some("polite")>
            <span
                class="lesson-check-state"
                data-testid=live.then_some("lesson-check")
                data-seen=move || seen().to_string()
                data-seen-now=move || seen_now().to_string()
            >
                {move || if seen() { "✓ Seen it" } else { "○ Not yet" }}
            </span>
            <span class="lesson-goal">"Goal: " {goal}</span>
        </div>
    }
}

/// Whether the card's check holds on the published snapshot.
fn holds(state: AppState, link: &LessonLink) -> bool {
    let Some(card) = shipped().card(link) else {
        return false;
    };
    let mut grad_check = || {
        state
            .trainer
            .try_update_value(|t| t.gradient_check())
            .flatten()
    };
    state.snapshot.with(|snap| {
        state
            .config
            .with(|cfg| card.is_seen(snap, cfg, &mut grad_check))
    })
}
