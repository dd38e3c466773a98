//! The "?" beside a view's heading: hovering over it with a mouse, focusing it or tapping it
//! shows a short explanation of the view (see [`HelpTopic`]), in the words of the device in
//! hand. The explanation opens in the page's flow under the heading, pushing the view down,
//! so it never covers the picture it explains (style/main.css, `.help-text`). A second click
//! or tap, a tap anywhere else, Escape or moving the mouse away closes it.
use super::lecture::pointer;
use crate::core::help::HelpTopic;
use leptos::ev;
use leptos::html::Span;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Node, PointerEvent};

/// A "?" button that shows `topic`'s explanation: while a mouse is over it or it has the
/// keyboard's focus, and pinned open by a click or a tap until the next one, a tap elsewhere
/// or Escape.
#[component]
pub fn HelpTip(
    /// The view the "?" explains.
    topic: HelpTopic,
) -> impl IntoView {
    let (hovered, set_hovered) = signal(false);
    let (focused, set_focused) = signal(false);
    let (pinned, set_pinned) = signal(false);
    let open = move || hovered.get() || focused.get() || pinned.get();
    // Writes only what is open: every press on the page comes here.
    let close = move || {
        for (is, set) in [
            (hovered, set_hovered),
            (focused, set_focused),
            (pinned, set_pinned),
        ] {
            if is.get_untracked() {
                set.set(false);
            }
        }
    };
    let root = NodeRef::<Span>::new();
    close_from_outside(root, close);
    let id = format!("help-{}", topic.name());
    // Only a mouse hovers: a tap's pointerenter would hold the text open after a second tap.
    let by_mouse = |ev: &PointerEvent| ev.pointer_type() == "mouse";
    view! {
        <span
            class="help-tip"
            node_ref=root
            on:pointerenter=move |ev| {
                if by_mouse(&ev) {
                    set_hovered.set(true);
                }
            }
            on:pointerleave=move |ev| {
                if by_mouse(&ev) {
                    set_hovered.set(false);
                }
            }
        >
            <button
                type="button"
                class="help-button"
                data-testid=format!("help-{}", topic.name())
                aria-label="What does this show?"
                aria-expanded=move || open().to_string()
                aria-controls=id.clone()
                on:click=move |_| {
                    if pinned.get_untracked() { close() } else { set_pinned.set(true) }
                }
                on:focus=move |_| set_focused.set(true)
                on:blur=move |_| set_focused.set(false)
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
                {topic.text(pointer())}
            </span>
        </span>
    }
}

/// Calls `close` on Escape anywhere and on a press (mouse or finger) outside `root`, for as
/// long as the tip is on the page.
fn close_from_outside(root: NodeRef<Span>, close: impl Fn() + Copy + 'static) {
    let escape = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close();
        }
    });
    let press = window_event_listener(ev::pointerdown, move |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<Node>().ok());
        let inside = root
            .get_untracked()
            .is_some_and(|el| el.contains(target.as_ref()));
        if !inside {
            close();
        }
    });
    on_cleanup(move || {
        escape.remove();
        press.remove();
    });
}
