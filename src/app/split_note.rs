//! Beside the brushes: which of the user's drawn points are test points, and the training
//! share at hand. The split holds some points out of training to test the network on
//! points it has not seen; drawn as rings, they would otherwise look like a mistake.
use super::controls::{DataControls, TrainingShare};
use super::AppState;
use leptos::prelude::*;

/// What the note says for `test` of `total` drawn points held out, their rings drawn or not
/// (`shown`); `None` when no drawn point is a test point.
pub fn split_note_text(test: usize, total: usize, shown: bool) -> Option<String> {
    if test == 0 || total == 0 {
        return None;
    }
    let points = if total == 1 { "point" } else { "points" };
    let (verb, these) = if test == 1 {
        ("is a test point", "it is")
    } else {
        ("are test points", "they are")
    };
    let how = if shown {
        " (rings)"
    } else {
        " (hidden: Show test data draws them as rings)"
    };
    Some(format!(
        "{test} of your {total} {points} {verb}{how}: {these} not trained on, only used to test the network on points it has not seen."
    ))
}

/// The note with the training-share slider, while the user's own points are split and some
/// of them are test points; gone otherwise.
#[component]
pub fn SplitNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = Memo::new(move |_| {
        state.config.with(|c| {
            let (test, total) = c.own_test_points()?;
            let split = DataControls::of(c.model).split;
            split
                .then(|| split_note_text(test, total, c.show_test_data))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_counts_the_drawn_test_points_and_goes_when_there_are_none() {
        assert_eq!(
            split_note_text(3, 12, true).as_deref(),
            Some("3 of your 12 points are test points (rings): they are not trained on, only used to test the network on points it has not seen.")
        );
        let one = split_note_text(1, 1, false).unwrap();
        assert!(
            one.starts_with("1 of your 1 point is a test point (hidden"),
            "{one}"
        );
        assert!(one.contains("it is not trained on"), "{one}");
        assert_eq!(split_note_text(0, 12, true), None);
        assert_eq!(split_note_text(0, 0, true), None);
    }
}
