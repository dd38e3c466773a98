//! The live check: "✓ Seen it" while the card's check holds on the published snapshot (the
//! one the readouts show), "✓ Seen at epoch N (not now)" once it held since the card was
//! opened but no longer does, "✓ Seen before" for a card seen on an earlier visit in this
//! browser (the progress kept in localStorage), else "○ Not yet" (see [`Verdict`]).
use super::LessonUi;
use crate::app::AppState;
use crate::core::lesson::{shipped, LessonLink, Verdict};
use leptos::prelude::*;

/// Which card (and which opening of it) the verdict is for, and the verdict.
type Latch = (Option<(LessonLink, u64)>, Verdict);

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
    // Equal verdicts frame after frame change nothing on the page.
    let latch = Memo::new(move |prev: Option<&Latch>| {
        let key = state
            .lesson
            .get()
            .filter(|_| live)
            .map(|l| (l, ui.opened.get()));
        let before = ui.progress.with(|p| p.seen(lesson, card));
        let Some((link, _)) = &key else {
            return (None, Verdict::next(None, false, 0, before)); // not live: no snapshot
        };
        let prev = prev.filter(|(k, _)| *k == key).map(|l| l.1);
        let holds = holds(state, link);
        let epoch = state.snapshot.with(|s| s.epoch);
        (key, Verdict::next(prev, holds, epoch, before))
    });
    let verdict = move || latch.with(|l| l.1);
    // Memos: the verdict's epoch changes every frame while the check holds; these do not.
    let seen_now = Memo::new(move |_| verdict().seen_now());
    // Keeps a card seen now in this browser's progress (localStorage is the outside world).
    Effect::new(move |_| {
        if seen_now.get() {
            ui.mark_seen(lesson, card);
        }
    });
    let seen = move || verdict().seen();
    view! {
        <div class="lesson-check" class:seen=seen aria-live=live.then_some("polite")>
            <span
                class="lesson-check-state"
                data-testid=live.then_some("lesson-check")
                data-seen=move || seen().to_string()
                data-seen-now=move || seen_now.get().to_string()
                data-holds=move || matches!(verdict(), Verdict::Holds { .. }).to_string()
            >
                {move || verdict().label()}
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
