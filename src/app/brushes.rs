//! The brush toolbar above the plot: one brush per class, the eraser, Clear, undo/redo of
//! point edits, the full-screen plot, and the note on which drawn points are test points.
use super::{AppState, Brush};
use crate::core::config::ExperimentConfig;
use crate::core::dataset::{Problem, MAX_CLASSES};
use crate::core::pointer::Pointer;
use crate::core::trainer::PointEdit;
use crate::render::colors::{class_color, css};
use leptos::prelude::*;

/// How many class brushes the data offers: one per class plus one for a new class (up to
/// six), or −1 and +1 for regression; the perceptron's and Adaline's two classes; one (an (x, y) point) in
/// line and curve mode. Digits 1 to this number choose them.
pub fn brush_count(c: &ExperimentConfig) -> usize {
    match (c.model, c.problem) {
        (m, _) if m.fits_xy() => 1,
        (m, _) if m.is_linear_unit() => 2,
        (_, Problem::Regression) => 2,
        (_, Problem::Classification) => (c.class_count() + 1).min(MAX_CLASSES),
    }
}

/// What brush `k` adds, for people: a class, a regression value, or an (x, y) point.
fn brush_label(c: &ExperimentConfig, k: usize) -> String {
    match (c.model, c.problem) {
        (m, _) if m.fits_xy() => "Point (x, y)".to_string(),
        (_, Problem::Regression) if k == 0 => "−1".to_string(),
        (_, Problem::Regression) => "+1".to_string(),
        // Numbered as the labels are (0, 1, …): the notes' y = 0 and y = 1, the perceptron's
        // "class 1 if w·x + b ≥ 0", and the CSV's and the link's labels.
        (_, Problem::Classification) => format!("Class {k}"),
    }
}

/// Whether brush `k` starts a class the data does not have yet (drawn with a "+").
fn brush_is_new(c: &ExperimentConfig, k: usize) -> bool {
    c.problem == Problem::Classification
        && !c.model.fits_xy()
        && !c.model.is_linear_unit()
        && k >= c.class_count()
}

/// The tooltip of brush `k`: what a point of a new class does to the network; none otherwise.
fn brush_title(c: &ExperimentConfig, k: usize) -> Option<String> {
    brush_is_new(c, k).then(|| {
        format!(
            "A new class: its first point gives the network a class more to tell ({} in all)",
            k + 1
        )
    })
}

/// Whether brush `k` is the one in use. Line and curve mode's one brush stands for every
/// class brush: their points have no class.
fn brush_active(c: &ExperimentConfig, brush: Brush, k: usize) -> bool {
    match brush {
        Brush::Class(_) if c.model.fits_xy() => true,
        Brush::Class(b) => b == k,
        Brush::Eraser | Brush::Probe => false,
    }
}

/// One brush per class in the data (plus one for a new class, up to six), an eraser and Clear.
#[component]
pub fn Brushes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<super::lecture::PageView>();
    let brush_count = move || state.config.with(brush_count);
    // The Read brush reads a network's output: without one, back to a class brush.
    Effect::new(move |_| {
        let network = state.config.with(|c| c.model.uses_network());
        if !network && state.brush.get_untracked() == Brush::Probe {
            state.brush.set(Brush::Class(1));
        }
    });
    view! {
        <div class="brushes" role="toolbar" aria-label="Brush">
            <span class="brush-caption" data-testid="brush-caption">
                {page.pointer.brush_caption()}
            </span>
            <For each=move || 0..brush_count() key=|k| *k let:k>
                <ClassBrush class=k />
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
            // A mouse reads by hovering; a finger needs a brush that reads instead of adding.
            <Show when=move || {
                page.pointer == Pointer::Touch && state.config.with(|c| c.model.uses_network())
            }>
                <button
                    class="brush probe"
                    class:active=move || state.brush.get() == Brush::Probe
                    data-testid="probe-brush"
                    title="A tap shows the model's output there, and adds no point"
                    aria-pressed=move || (state.brush.get() == Brush::Probe).to_string()
                    on:click=move |_| state.brush.set(Brush::Probe)
                >
                    "Read"
                </button>
            </Show>
            <EditButtons />
            <super::fullscreen::ToggleButton
                testid="fullscreen"
                class="ghost"
                name="Full-screen plot"
                key="F"
                text="Full screen"
            />
        </div>
    }
}

/// The brush that adds points of class `class` (or, in regression, of one sign).
#[component]
fn ClassBrush(
    /// The class, from 0.
    class: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = move || state.config.with(|c| brush_label(c, class));
    let title = move || state.config.with(|c| brush_title(c, class));
    let new_class = move || state.config.with(|c| brush_is_new(c, class));
    let active = move || {
        state
            .config
            .with(|c| brush_active(c, state.brush.get(), class))
    };
    view! {
        <button
            class="brush"
            class:active=active
            data-testid=format!("brush-{class}")
            title=title
            aria-pressed=move || active().to_string()
            style=format!("--brush: {}", css(class_color(class)))
            on:click=move |_| state.brush.set(Brush::Class(class))
        >
            <span class="swatch"></span>
            // The brush of a new class: "+ Class 2" (the presenter's one row drops the "+").
            <Show when=new_class>
                <span class="brush-new">"+ "</span>
            </Show>
            {label}
        </button>
    }
}

/// Clear, Undo and Redo of point edits.
#[component]
fn EditButtons() -> impl IntoView {
    let state = expect_context::<AppState>();
    let keys = super::lecture::pointer();
    let (can_undo, can_redo) = (
        move || state.can_undo_redo.get().0,
        move || state.can_undo_redo.get().1,
    );
    view! {
        <button
            class="ghost clear"
            data-testid="clear"
            aria-label="Clear: remove every point"
            on:click=move |_| state.edit_points(PointEdit::Clear)
        >
            "Clear"
        </button>
        <button
            class="ghost undo"
            data-testid="undo"
            // The keys are the tooltip's (a mouse's), not the name's.
            aria-label="Undo the last point edit"
            title=keys.with_key("Undo the last point edit", "Ctrl+Z")
            disabled=move || !can_undo()
            on:click=move |_| state.undo_points()
        >
            "↶ Undo"
        </button>
        <button
            class="ghost"
            data-testid="redo"
            aria-label="Redo"
            title=keys.with_key("Redo the undone point edit", "Ctrl+Shift+Z")
            disabled=move || !can_redo()
            on:click=move |_| state.redo_points()
        >
            "↷ Redo"
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Model;

    fn perceptron_of(c: &ExperimentConfig) -> ExperimentConfig {
        ExperimentConfig {
            model: Model::Perceptron,
            ..c.clone()
        }
    }

    #[test]
    fn line_and_curve_mode_have_one_brush_for_their_points() {
        for model in [Model::Line, Model::Curve] {
            let xy = ExperimentConfig {
                model,
                problem: Problem::Regression,
                ..ExperimentConfig::default()
            };
            assert_eq!(brush_count(&xy), 1, "{model:?}");
            assert_eq!(brush_label(&xy, 0), "Point (x, y)");
            assert!(brush_active(&xy, Brush::Class(1), 0));
            assert!(!brush_active(&xy, Brush::Eraser, 0));
        }
        let mlp = ExperimentConfig::default();
        assert_eq!(
            brush_label(&mlp, 1),
            "Class 1",
            "numbered as the labels are"
        );
        assert!(brush_active(&mlp, Brush::Class(1), 1) && !brush_active(&mlp, Brush::Class(1), 0));
        assert_eq!(brush_count(&mlp), 3);
        assert!(
            brush_is_new(&mlp, 2) && !brush_is_new(&mlp, 1),
            "the brush of a new class"
        );
        assert!(!brush_is_new(&perceptron_of(&mlp), 1));
        assert!(brush_title(&mlp, 2).is_some_and(|t| t.contains("3 in all")));
        assert_eq!(brush_title(&mlp, 1), None);
        let perceptron = ExperimentConfig {
            model: Model::Perceptron,
            ..ExperimentConfig::default()
        };
        assert_eq!(
            brush_count(&perceptron),
            2,
            "the perceptron separates two classes"
        );
    }
}
