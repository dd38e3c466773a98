//! The "Cross-entropy by hand" popover under the readouts, opened by the "Σ" beside the
//! training loss. With two classes it holds the notes' panel (typed p and y, the binary form);
//! with more classes it writes out the multi-class form −Σ yₖ ln pₖ on the model's own training
//! points (`core::class_ce`), whose mean is the training loss readout.
//!
//! Escape, a press outside it or its × closes it, and the keyboard's focus goes back to the Σ.
use super::AppState;
use crate::app::ce_panel::CrossEntropyPanel;
use crate::core::class_ce::{training_terms, ClassSum, SHOWN_TERMS};
use crate::core::cross_entropy::short;
use crate::core::number_text::fixed;
use leptos::ev;
use leptos::html::{Button, Div};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::Node;

/// The open popover.
#[component]
pub fn CePopover(
    /// Whether the popover is open; it sets this to false to close.
    open: RwSignal<bool>,
    /// The Σ button that opened it (the focus goes back there).
    opener: NodeRef<Button>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let root = NodeRef::<Div>::new();
    let close = move || {
        open.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    close_from_outside(root, opener, open);
    let classes = Memo::new(move |_| state.snapshot.with(|s| s.classes));
    view! {
        <div
            class="ce-popover"
            data-testid="ce-popover"
            node_ref=root
            role="dialog"
            aria-label="Cross-entropy by hand"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    close();
                }
            }
        >
            <div class="ce-popover-head">
                <strong>"Cross-entropy by hand"</strong>
                <button
                    type="button"
                    class="ghost"
                    data-testid="ce-close"
                    aria-label="Close"
                    on:click=move |_| close()
                >
                    "×"
                </button>
            </div>
            <Show
                when=move || { classes.get() > 2 }
                fallback=|| view! { <CrossEntropyPanel place="readout" /> }
            >
                <ClassPanel />
            </Show>
        </div>
    }
}

/// Closes the popover on Escape anywhere and on a press outside it (and outside its Σ, which
/// toggles it), for as long as it is open. After a press on nothing focusable, the focus goes
/// back to the Σ; a press on another control keeps the focus there.
fn close_from_outside(root: NodeRef<Div>, opener: NodeRef<Button>, open: RwSignal<bool>) {
    let refocus = move || {
        let idle = document()
            .active_element()
            .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
        if idle {
            if let Some(button) = opener.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let escape = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = opener.get_untracked() {
                let _ = button.focus();
            }
        }
    });
    let press = window_event_listener(ev::pointerdown, move |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<Node>().ok());
        let within =
            |el: Option<web_sys::Element>| el.is_some_and(|el| el.contains(target.as_ref()));
        let inside = within(root.get_untracked().map(Into::into))
            || within(opener.get_untracked().map(Into::into));
        if !inside && open.get_untracked() {
            open.set(false);
            // After the press has moved the focus (or dropped it on the page).
            set_timeout(refocus, Duration::ZERO);
        }
    });
    on_cleanup(move || {
        escape.remove();
        press.remove();
    });
}

/// More than two classes: the model's training points' terms, −ln p(true class), and their
/// sum and mean, beside the readout's number.
#[component]
fn ClassPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ce = Memo::new(move |_| state.snapshot.with(training_terms));
    let k = move || ce.with(|c| c.as_ref().map_or(0, |c| c.classes));
    view! {
        <div class="ce-panel ce-classes" data-testid="ce-panel-classes">
            <p class="hint" data-testid="ce-class-formula">
                {move || {
                    format!(
                        "CE = −Σᵢ Σₖ yᵢₖ ln pᵢₖ over K = {} classes: y is one-hot, so each point i keeps one term, −ln p of its true class. The first training points:",
                        k(),
                    )
                }}
            </p>
            <pre class="arithmetic" data-testid="ce-class-terms">
                {move || ce.with(|c| c.as_ref().map(class_terms_text).unwrap_or_default())}
            </pre>
            <p class="ce-sum" data-testid="ce-class-sum">
                {move || ce.with(|c| c.as_ref().map(class_sum_text).unwrap_or_default())}
            </p>
        </div>
    }
}

/// The first training points' terms: `#4 y = [0 0 1]: −ln p(2) = −ln 0.81 = 0.211`.
fn class_terms_text(ce: &ClassSum) -> String {
    let mut lines: Vec<String> = ce
        .terms
        .iter()
        .take(SHOWN_TERMS)
        .map(|t| {
            let hot: Vec<&str> = (0..ce.classes)
                .map(|i| if i == t.class { "1" } else { "0" })
                .collect();
            format!(
                "#{} y = [{}]: −ln p({}) = −ln {} = {}",
                t.index,
                hot.join(" "),
                t.class,
                short(t.p),
                fixed(t.value, 3)
            )
        })
        .collect();
    if ce.terms.len() > SHOWN_TERMS {
        lines.push(format!("… and {} more", ce.terms.len() - SHOWN_TERMS));
    }
    lines.join("\n")
}

/// The sum over the training points and its mean, the training loss readout's number.
fn class_sum_text(ce: &ClassSum) -> String {
    let n = ce.terms.len();
    format!(
        "CE = {} (sum over the {n} training point{}); mean {}: the training loss readout",
        fixed(ce.sum, 3),
        if n == 1 { "" } else { "s" },
        fixed(ce.mean(), 3),
    )
}
