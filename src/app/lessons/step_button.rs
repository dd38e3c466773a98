//! Back and Next: one button for the lesson card (in the drawer) and the presenter's strip.
use super::{nav, CardStep, LessonUi};
use crate::app::lecture::pointer;
use crate::app::AppState;
use leptos::prelude::*;

/// A button that opens the previous card (`step` [`CardStep::Previous`]) or the next one
/// ([`CardStep::Next`]), disabled where there is none. Its title names its keys where there
/// is a keyboard.
#[component]
pub fn CardStepButton(
    /// Which way it goes: Previous or Next.
    step: CardStep,
    /// The button's test id.
    testid: &'static str,
    /// What it says.
    #[prop(into)]
    text: Signal<&'static str>,
    /// Its class, if any ("primary").
    #[prop(optional)]
    class: &'static str,
    /// Its name for screen readers, where `text` is only an arrow.
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = expect_context::<LessonUi>();
    let title = pointer().card_step_title(step == CardStep::Next);
    view! {
        <button
            class=class
            data-testid=testid
            aria-label=label
            title=title
            disabled=move || !nav::can_step(state, step)
            on:click=move |_| {
                nav::step_card(state, ui, step);
            }
        >
            {text}
        </button>
    }
}
