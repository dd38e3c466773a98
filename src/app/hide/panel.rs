//! Lecture mode's checklist: every hidable control by its name on screen, grouped as on the
//! page, with "Hide all" and "Show all". The choice is kept in the link (`<key>_hide=true`).
use crate::app::AppState;
use crate::core::config::controls::{listed, Control, Group, CONTROLS};
use leptos::prelude::*;

/// Hides (or shows) every control.
fn set_all(state: AppState, hidden: bool) {
    state.update_config(|c| {
        for control in &CONTROLS {
            c.hidden.set(control.key, hidden);
        }
    });
}

/// Hides or shows one control, with the keys that hide the same one.
fn set_one(state: AppState, control: &'static Control, hidden: bool) {
    state.update_config(|c| {
        for other in CONTROLS.iter().filter(|o| o.name == control.name) {
            c.hidden.set(other.key, hidden);
        }
    });
}

/// The checklist, in a `<details>` that starts closed.
#[component]
pub fn HidePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move || {
        state.config.with(|c| {
            CONTROLS
                .iter()
                .filter(|k| listed(k.key) && c.hidden.contains(k.key))
                .count()
        })
    };
    view! {
        <details class="panel hide-panel" data-testid="hide-panel">
            <summary>
                "Hide controls "
                <span class="hide-count">
                    {move || match count() {
                        0 => "(kept in the link)".to_string(),
                        n => format!("({n} hidden, kept in the link)"),
                    }}
                </span>
            </summary>
            <div class="hide-all">
                <button data-testid="hide-all" on:click=move |_| set_all(state, true)>
                    "Hide all"
                </button>
                <button data-testid="show-all" on:click=move |_| set_all(state, false)>
                    "Show all"
                </button>
            </div>
            {Group::ALL.into_iter().map(|g| view! { <HideGroup group=g /> }).collect_view()}
        </details>
    }
}

/// One group's boxes under its heading.
#[component]
fn HideGroup(
    /// The group, as on the page.
    group: Group,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let boxes = group
        .controls()
        .filter(|c| listed(c.key))
        .map(|control| {
            let hidden = move || state.config.with(|c| c.hidden.contains(control.key));
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid=format!("hide-{}", control.key)
                        prop:checked=hidden
                        on:change=move |ev| set_one(state, control, event_target_checked(&ev))
                    />
                    <span>{control.name}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="hide-group">
            <legend>{group.title()}</legend>
            <div class="hide-list">{boxes}</div>
        </fieldset>
    }
}
