//! Under the plot: which of the user's drawn points are test points, and the training share
//! at hand. The words are [`split_note_text`]'s (core).
use super::controls::{DataControls, TrainingShare};
use super::AppState;
use crate::core::split_note::split_note_text;
use leptos::prelude::*;

/// The note with the training-share slider, while the user's own points (drawn, or a
/// generated set they edited) are split and some of them are test points; gone otherwise.
#[component]
pub fn SplitNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = Memo::new(move |_| {
        state.config.with(|c| {
            let (test, total) = c.own_test_points()?;
            let split = DataControls::of(c.model).split && test > 0;
            split
                .then(|| split_note_text(test, total, c.generated_kept(), c.show_test_data))
                .flatten()
        })
    });
    view! {
        <Show when=move || text.with(Option::is_some)>
            <div class="split-note" data-testid="split-note" role="note">
                <p data-testid="split-note-text">{move || text.get().unwrap_or_default()}</p>
                <TrainingShare testid="split-perc-train" />
            </div>
        </Show>
    }
}
