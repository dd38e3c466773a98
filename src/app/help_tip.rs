//! The "?" beside a view's heading: hovering over it, focusing it or tapping it shows a short
//! explanation of the view (see [`HelpTopic`]); a second tap, Escape or moving away hides it.
use crate::core::help::HelpTopic;
use leptos::prelude::*;

/// A "?" button that shows `topic`'s explanation: on hover or keyboard focus while there, and
/// pinned open by a click or a tap until the next one (or Escape).
#[component]
pub fn HelpTip(
    /// The view the "?" explains.
    topic: HelpTopic,
) -> impl IntoView {
    let (hovered, set_hovered) = signal(false);
    let (pinned, set_pinned) = signal(false);
    let open = move || hovered.get() || pinned.get();
    let id = format!("help-{}", topic.name());
    view! {
        <span
            class="help-tip"
            on:mouseenter=move |_| set_hovered.set(true)
            on:mouseleave=move |_| set_hovered.set(false)
        >
            <button
                type="button"
                class="help-button"
                data-testid=format!("help-{}", topic.name())
                aria-label="What does this show?"
                aria-expanded=move || open().to_string()
                aria-controls=id.clone()
                on:click=move |_| set_pinned.update(|p| *p = !*p)
                on:focus=move |_| set_hovered.set(true)
                on:blur=move |_| {
                    set_hovered.set(false);
                    set_pinned.set(false);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        set_hovered.set(false);
                        set_pinned.set(false);
                    }
                }
            >
                "?"
            </button>
            <span
                class="help-text"
                id=id
                role="note"
                data-testid=format!("help-text-{}", topic.name())
                hidden=move || !open()
            >
                {topic.text()}
            </span>
        </span>
    }
}
