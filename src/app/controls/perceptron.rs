//! Perceptron mode: the weights (editable), the step mode, the learning rate, the counts, and
//! the arithmetic of the last trick step as the notes write it.
use crate::app::fields::{LearningRateField, NumberField, SelectField};
use crate::app::AppState;
use crate::core::config::{limits, PerceptronStep, Precision};
use crate::core::snapshot::{ModelView, PerceptronView};
use leptos::prelude::*;

/// The perceptron panel.
#[component]
pub fn PerceptronPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let view_of = move || perceptron_view(state);
    let arithmetic = move || match view_of() {
        Some(PerceptronView { last: Some(s), .. }) => s.table().join("\n"),
        Some(v) if v.misclassified.is_empty() => {
            "No point is misclassified: the trick has nothing to move the line towards.".into()
        }
        _ => "Press Step: the trick moves the line towards a misclassified point.".to_string(),
    };
    view! {
        <h2>"Perceptron"</h2>
        <p class="hint">"Class 1 if w₁x₁ + w₂x₂ + b ≥ 0. Starting weights:"</p>
        <StartingWeights precision=Precision::Weight />
        <div class="grid2">
            <LearningRateField />
            <SelectField
                label="Step moves"
                testid="perceptron-step"
                options=vec![("point", "one point"), ("epoch", "one epoch")]
                value=Signal::derive(move || cfg.with(|c| c.perceptron_step.name().to_string()))
                on_change=Callback::new(move |v: String| {
                    if let Some(m) = PerceptronStep::from_name(&v) {
                        state.update_config(|c| c.perceptron_step = m);
                    }
                })
            />
        </div>
        <PerceptronReadouts />
        <pre
            class="arithmetic"
            data-testid="trick-arithmetic"
            aria-label="The last step's arithmetic"
        >
            {arithmetic}
        </pre>
    }
}

/// The starting weights w₁, w₂ and b (the config's `weights`), editable: the perceptron's,
/// and Adaline's (which shares them with the perceptron beside it).
#[component]
pub(super) fn StartingWeights(
    /// What the fields keep of a typed number.
    #[prop(optional)]
    precision: Precision,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let weight = move |k: usize, label: &'static str, testid: &'static str| {
        view! {
            <NumberField
                label=label
                testid=testid
                range=limits::WEIGHT
                precision=precision
                value=Signal::derive(move || state.config.with(|c| c.weights[k]))
                on_change=Callback::new(move |v| state.update_config(|c| c.weights[k] = v))
            />
        }
    };
    view! {
        <div class="grid3">
            {weight(0, "w₁", "weight-w1")} {weight(1, "w₂", "weight-w2")}
            {weight(2, "b", "weight-b")}
        </div>
    }
}

/// Perceptron mode's view of the current snapshot (`None` in another mode).
fn perceptron_view(state: AppState) -> Option<PerceptronView> {
    state.snapshot.with(|s| match &s.model {
        ModelView::Perceptron(view) => Some(view.clone()),
        _ => None,
    })
}

/// The perceptron's weights as shown, its misclassified points and its updates so far.
#[component]
fn PerceptronReadouts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_of = move || perceptron_view(state);
    view! {
        <div class="perceptron-readouts">
            <div class="readout">
                <span class="readout-label">{weights_label("w₁ w₂ b")}</span>
                <span class="readout-value" data-testid="perceptron-weights">
                    {move || view_of().map_or(String::new(), |v| v.shown.join(" "))}
                </span>
            </div>
            <div class="readout">
                <span class="readout-label">"Misclassified"</span>
                <span class="readout-value" data-testid="misclassified">
                    {move || view_of().map_or(0, |v| v.misclassified.len()).to_string()}
                </span>
            </div>
            <div class="readout">
                <span class="readout-label">"Updates"</span>
                <span class="readout-value" data-testid="updates">
                    {move || view_of().map_or(0, |v| v.updates).to_string()}
                </span>
            </div>
        </div>
    }
}

/// A readout's label that names the weights ("Adaline w₁ w₂ b"): its words in the readouts'
/// capitals, the symbols as written (w, not W; b, not B).
pub fn weights_label(label: &'static str) -> impl IntoView {
    let (words, symbols) = label.split_at(label.find("w₁").unwrap_or(label.len()));
    view! {
        {words}
        <span class="symbols">{symbols}</span>
    }
}
