//! The live check: "✓ Seen it" once the card's check has held on a published snapshot since
//! the card was opened.
use super::LessonUi;
use crate::app::AppState;
use crate::core::lesson::{shipped, LessonLink};
use leptos::prelude::*;

/// Which card (and which opening of it) the latch is for, and whether it was seen.
type Latch = (Option<(LessonLink, u64)>, bool);

/// A card's check: its state (live only for the open card) and its goal.
#[component]
pub fn CheckIndicator(
    /// The check as the student reads it (`test accuracy ≥ 95%`).
    goal: String,
    /// Whether this is the open card, whose state follows the published snapshots.
    live: bool,
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
    let seen = move || latch.with(|l| l.1);
    view! {
        <div class="lesson-check" class:seen=seen aria-live=live.then_some("polite")>
            <span
                class="lesson-check-state"
                data-testid=live.then_some("lesson-check")
                data-seen=move || seen().to_string()
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
