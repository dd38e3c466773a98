//! Epoch, point count, losses and accuracies, as text that tests can read.
use super::AppState;
use leptos::prelude::*;

fn loss(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:.3}"))
}

fn percent(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{:.1}%", v * 100.0))
}

/// The readouts row.
#[component]
pub fn Readouts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let snap = state.snapshot;
    let item = |label: &'static str, id: &'static str, text: Signal<String>| {
        view! {
            <div class="readout">
                <span class="readout-label">{label}</span>
                <span class="readout-value" data-testid=id>{move || text.get()}</span>
            </div>
        }
    };
    view! {
        <div class="readouts">
            {item("Epoch", "epoch", Signal::derive(move || snap.with(|s| s.epoch.to_string())))}
            {item("Points", "point-count", Signal::derive(move || snap.with(|s| s.points.len().to_string())))}
            {item("Train loss", "train-loss", Signal::derive(move || snap.with(|s| loss(s.metrics.train_loss))))}
            {item("Test loss", "test-loss", Signal::derive(move || snap.with(|s| loss(s.metrics.test_loss))))}
            {item("Train acc.", "train-accuracy", Signal::derive(move || snap.with(|s| percent(s.metrics.train_accuracy))))}
            {item("Test acc.", "test-accuracy", Signal::derive(move || snap.with(|s| percent(s.metrics.test_accuracy))))}
        </div>
    }
}
