//! Curve mode: its data (points around a chosen curve), what the model is, and how its fit
//! compares with the best straight line.
use crate::app::AppState;
use crate::core::dataset::CurveKind;
use crate::core::snapshot::ModelView;
use leptos::prelude::*;

/// A mean squared error as shown: three decimals (scientific past 10⁶), or a dash when
/// there is none.
fn mse(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| crate::core::number_text::fixed(v, 3))
}

/// The curve panel.
#[component]
pub fn CurvePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let snap = state.snapshot;
    let line = move || {
        snap.with(|s| match &s.model {
            ModelView::Curve(view) => mse(view.line_mse),
            _ => mse(None),
        })
    };
    let network = move || snap.with(|s| mse(s.metrics.train_loss));
    view! {
        <h2>"Fitting a curve"</h2>
        <p class="hint">
            "Each point is (x, y). The network reads x (and the features of x below), and its output is the curve y = f(x) drawn over the points, a weighted sum of the hidden neurons' curves. Training lowers the mean squared error; the dashed line is the best any straight line does."
        </p>
        <p class="line-readout">
            <span class="pair">
                "network: MSE " <strong data-testid="curve-mse">{network}</strong>
            </span>
            "  "
            <span class="pair">
                "best line: MSE " <strong data-testid="curve-line-mse">{line}</strong>
            </span>
        </p>
    }
}

/// Curve mode's data: (x, y) points scattered around one of the curves, which the network
/// does not know.
#[component]
pub fn CurveData() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let generated = move |kind: CurveKind| cfg.with(|c| c.points.is_none() && c.curve == kind);
    let formula = move || cfg.with(|c| c.curve.formula());
    view! {
        <div class="datasets curve-data" role="group" aria-label="Curve">
            {CurveKind::ALL
                .into_iter()
                .map(|kind| {
                    view! {
                        <button
                            class="dataset"
                            class:active=move || generated(kind)
                            data-testid=format!("curve-{}", kind.name())
                            on:click=move |_| {
                                state
                                    .choose_data(|c| {
                                        c.curve = kind;
                                        c.points = None;
                                    })
                            }
                        >
                            {kind.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <p class="hint" data-testid="curve-data-hint">
            {move || {
                format!(
                    "Each point is (x, y): {} plus noise. {}",
                    formula(),
                    crate::app::lecture::pointer().add_own_points(),
                )
            }}
        </p>
    }
}
