//! Adaline mode: the starting weights (editable, shared with the perceptron beside it), the
//! learning rate, the comparison with the perceptron, the counts, and the last epoch's step.
use super::perceptron::StartingWeights;
use crate::app::fields::{CheckField, LearningRateField};
use crate::app::AppState;
use crate::core::number_text;
use crate::core::snapshot::{AdalineView, ModelView};
use leptos::prelude::*;

/// The Adaline panel.
#[component]
pub fn AdalinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let arithmetic = move || {
        adaline_view(state).and_then(|v| v.last).map_or_else(
            || "Press Step: one epoch moves w down the gradient of the MSE.".to_string(),
            |s| s.table().join("\n"),
        )
    };
    view! {
        <h2>"Adaline"</h2>
        <p class="hint">
            "One linear unit: net input z = w₁x₁ + w₂x₂ + b, class 1 if z ≥ 0. Each epoch moves w₁, w₂ and b down the gradient of the mean squared error of z against the targets −1 (class 0) and +1 (class 1), over every point. Starting weights:"
        </p>
        <StartingWeights />
        <LearningRateField />
        <CheckField
            label="Compare with the perceptron"
            testid="compare"
            checked=Signal::derive(move || cfg.with(|c| c.compare))
            on_change=Callback::new(move |on| state.update_config(|c| c.compare = on))
        />
        <AdalineReadouts />
        <pre class="arithmetic" data-testid="adaline-arithmetic" aria-label="The last epoch's step">
            {arithmetic}
        </pre>
    }
}

/// Adaline mode's view of the current snapshot (`None` in another mode).
fn adaline_view(state: AppState) -> Option<AdalineView> {
    state.snapshot.with(|s| match &s.model {
        ModelView::Adaline(view) => Some(view.clone()),
        _ => None,
    })
}

/// Adaline's weights and misclassified points, and with the comparison on, the perceptron's
/// weights and misclassified points beside Adaline's MSE.
#[component]
fn AdalineReadouts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_of = Memo::new(move |_| adaline_view(state));
    let compare = move || state.config.with(|c| c.compare);
    let text = move |f: fn(&AdalineView) -> String| {
        move || view_of.with(|v| v.as_ref().map_or(String::new(), f))
    };
    let item =
        move |label: &'static str, testid: &'static str, value: fn(&AdalineView) -> String| {
            view! {
                <div class="readout">
                    <span class="readout-label">{super::perceptron::weights_label(label)}</span>
                    <span class="readout-value" data-testid=testid>
                        {text(value)}
                    </span>
                </div>
            }
        };
    view! {
        <div class="perceptron-readouts">
            {item("Adaline w₁ w₂ b", "adaline-weights", |v| three(v.weights))}
            {item("Misclassified", "misclassified", |v| v.misclassified.len().to_string())}
        </div>
        <Show when=compare>
            <div class="perceptron-readouts compare-readouts" data-testid="compare-readouts">
                {item(
                    "Perceptron w₁ w₂ b",
                    "perceptron-weights",
                    |v| v.perceptron.shown.join(" "),
                )}
                {item(
                    "Perceptron misclassified",
                    "perceptron-misclassified",
                    |v| v.perceptron.misclassified.len().to_string(),
                )}
                {item(
                    "Adaline MSE",
                    "adaline-mse",
                    |v| v.mse.map_or("—".into(), |m| number_text::fixed(m, 3)),
                )}
            </div>
        </Show>
    }
}

/// Three weights to at most three decimals.
fn three(w: [f64; 3]) -> String {
    w.map(crate::core::adaline::short).join(" ")
}
