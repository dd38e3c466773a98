//! Line mode: the learning rate, the mini-batch size and the start (m, c), and the model's
//! slope and intercept as readouts.
use crate::app::fields::{LearningRateField, NumberField};
use crate::app::AppState;
use crate::core::config::{limits, Precision};
use crate::core::number_text;
use crate::core::snapshot::{LineView, ModelView};
use leptos::prelude::*;

/// The line panel.
#[component]
pub fn LinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let start = move |k: usize, label: &'static str, testid: &'static str| {
        view! {
            <NumberField
                label=label
                testid=testid
                range=limits::LINE_START
                precision=Precision::Weight
                value=Signal::derive(move || cfg.with(|c| c.line_start[k]))
                on_change=Callback::new(move |v| state.update_config(|c| c.line_start[k] = v))
            />
        }
    };
    let batches = (limits::BATCH_SIZE.0 as f64, limits::BATCH_SIZE.1 as f64);
    view! {
        <h2>"Fitting a line"</h2>
        <p class="hint">
            "The model is y = m·x + c, and each point is (x, y). Gradient descent on the mean squared error moves m and c downhill; the faint line is the least-squares answer."
        </p>
        <LineReadouts />
        <div class="grid2">
            <LearningRateField />
            <NumberField
                label="Mini-batch size"
                testid="batch-size"
                range=batches
                precision=Precision::Whole
                value=Signal::derive(move || cfg.with(|c| c.batch_size as f64))
                on_change=Callback::new(move |v: f64| {
                    state.update_config(|c| c.batch_size = v.round() as usize)
                })
            />
            {start(0, "Start m", "line-start-m")}
            {start(1, "Start c", "line-start-c")}
        </div>
    }
}

/// The model's slope and intercept, and the gradient of the loss at them.
#[component]
fn LineReadouts() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Reads line mode's view (`None` in another mode).
    let read = move |f: fn(&LineView) -> Option<(f64, f64)>| {
        state.snapshot.with(|s| match &s.model {
            ModelView::Line(view) => f(view),
            _ => None,
        })
    };
    let shown = move |k: usize| {
        read(|l| Some((l.m, l.c))).map_or("—".into(), |mc| {
            number_text::fixed(if k == 0 { mc.0 } else { mc.1 }, 3)
        })
    };
    // The gradient at the model's (m, c), with a true minus sign.
    let slope = move |k: usize| {
        read(|l| l.gradient).map_or("—".into(), |g| {
            number_text::fixed(if k == 0 { g.0 } else { g.1 }, 3).replace('-', "−")
        })
    };
    view! {
        <p class="line-readout">
            <span class="pair">
                "m = " <strong data-testid="line-m">{move || shown(0)}</strong>
            </span>
            "  "
            <span class="pair">
                "c = " <strong data-testid="line-c">{move || shown(1)}</strong>
            </span>
        </p>
        <p class="line-gradient" data-testid="line-gradient">
            <span class="pair">"∂MSE/∂m = " {move || slope(0)}</span>
            ", "
            <span class="pair">"∂MSE/∂c = " {move || slope(1)}</span>
            <br />
            <span class="hint">
                "Each step: " <span class="pair">"m ← m − α·∂MSE/∂m"</span> ", "
                <span class="pair">"c ← c − α·∂MSE/∂c"</span> "."
            </span>
        </p>
    }
}
