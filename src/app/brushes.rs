//! The brush toolbar above the plot: one brush per class, the eraser, Clear, undo/redo of
//! point edits, and the full-screen plot.
use super::{AppState, Brush};
use crate::core::config::ExperimentConfig;
use crate::core::dataset::{Problem, MAX_CLASSES};
use crate::core::trainer::PointEdit;
use crate::render::colors::{class_color, css};
use leptos::prelude::*;

/// How many class brushes the data offers: one per class plus one for a new class (up to
/// six), or −1 and +1 for regression. Digits 1 to this number choose them.
pub fn brush_count(c: &ExperimentConfig) -> usize {
    match c.problem {
        Problem::Regression => 2,
        Problem::Classification => (c.class_count() + 1).min(MAX_CLASSES),
    }
}

/// One brush per class in the data (plus one for a new class, up to six), an eraser and Clear.
#[component]
pub fn Brushes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<super::lecture::PageView>();
    let brush_count = move || state.config.with(brush_count);
    let (can_undo, can_redo) = (
        move || state.can_undo_redo.get().0,
        move || state.can_undo_redo.get().1,
    );
    let label = move |k: usize| match state.config.with(|c| c.problem) {
        Problem::Regression => {
            if k == 0 {
                "−1".to_string()
            } else {
                "+1".to_string()
            }
        }
        Problem::Classification => format!("Class {}", k + 1),
    };
    view! {
        <div class="brushes" role="toolbar" aria-label="Brush">
            <span class="brush-caption">"Click adds:"</span>
            <For each=move || 0..brush_count() key=|k| *k let:k>
                <button
                    class="brush"
                    class:active=move || state.brush.get() == Brush::Class(k)
                    data-testid=format!("brush-{k}")
                    aria-pressed=move || (state.brush.get() == Brush::Class(k)).to_string()
                    style=format!("--brush: {}", css(class_color(k)))
                    on:click=move |_| state.brush.set(Brush::Class(k))
                >
                    <span class="swatch"></span>
                    {move || label(k)}
                </button>
            </For>
            <button
                class="brush eraser"
                class:active=move || state.brush.get() == Brush::Eraser
                data-testid="eraser"
                aria-pressed=move || (state.brush.get() == Brush::Eraser).to_string()
                on:click=move |_| state.brush.set(Brush::Eraser)
            >
                "Eraser"
            </button>
            <button class="ghost" data-testid="clear" aria-label="Clear: remove every point" on:click=move |_| state.edit_points(PointEdit::Clear)>
                "Clear"
            </button>
            <button class="ghost" data-testid="undo" aria-label="Undo the last point edit (Ctrl+Z)" disabled=move || !can_undo() on:click=move |_| state.undo_points()>
                "↶ Undo"
            </button>
            <button class="ghost" data-testid="redo" aria-label="Redo (Ctrl+Shift+Z)" disabled=move || !can_redo() on:click=move |_| state.redo_points()>
                "↷ Redo"
            </button>
            <button class="ghost" data-testid="fullscreen" aria-label="Full-screen plot (F)" on:click=move |_| super::fullscreen::toggle(state, page)>
                "Full screen"
            </button>
        </div>
    }
}
