//! The loss chart panel: train and test loss against epoch.
use super::help_tip::HelpTip;
use super::lecture::{chart_theme, PageView};
use super::sized::watch_canvas;
use super::AppState;
use crate::core::help::HelpTopic;
use crate::render::canvas::draw_loss;
use crate::render::colors::css;
use crate::render::grad_chart::layer_line;
use crate::render::loss_chart::drawn_curves;
use leptos::html::Canvas;
use leptos::prelude::*;

/// The chart, redrawn with each snapshot.
#[component]
pub fn LossPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let canvas = NodeRef::<Canvas>::new();
    let watch = watch_canvas(canvas);
    Effect::new(move |_| {
        let Some(el) = watch.canvas() else {
            return;
        };
        // The best epoch is marked only when early stopping is on.
        let early_stopping = state.config.with(|c| c.patience > 0);
        let theme = chart_theme(state, page);
        let drawn = state.snapshot.with(|s| {
            let best = s.best_epoch.filter(|_| early_stopping);
            draw_loss(&el, &s.history, best, theme)
        });
        if let Err(e) = drawn {
            state.say(format!("Could not draw the loss chart: {e:?}"));
        }
    });
    // Legend entries only for the curves the chart draws.
    let curves = Memo::new(move |_| state.snapshot.with(|s| drawn_curves(&s.history)));
    view! {
        <div class="loss-panel">
            <h2 data-testid="loss-title">
                // What the loss is; the presenter layout leaves it to the readouts' labels.
                // The perceptron's "loss" is the share of its points on the wrong side.
                {move || {
                    if state.config.with(|c| c.model == crate::core::config::Model::Perceptron) {
                        "Misclassified"
                    } else {
                        "Loss"
                    }
                }}
                <span class="loss-kind">
                    {move || match state.config.with(|c| c.model) {
                        crate::core::config::Model::Logistic => " (cross-entropy)",
                        crate::core::config::Model::Line
                        | crate::core::config::Model::Curve
                        | crate::core::config::Model::Adaline => " (mean squared error)",
                        crate::core::config::Model::Perceptron => " (share of the points)",
                        _ => "",
                    }}
                </span> <HelpTip topic=HelpTopic::LossChart />
            </h2>
            <div class="legend" data-testid="loss-legend">
                <Show when=move || curves.get().0>
                    <span class="key train">"train"</span>
                </Show>
                <Show when=move || curves.get().1>
                    <span class="key test">"test"</span>
                </Show>
                <Show when=move || {
                    state.snapshot.with(|s| s.best_epoch.is_some() && s.stopped_at.is_some())
                }>
                    <span class="key best" data-testid="best-epoch">
                        {move || {
                            state
                                .snapshot
                                .with(|s| format!("best: epoch {}", s.best_epoch.unwrap_or(0)))
                        }}
                    </span>
                </Show>
            </div>
            <canvas
                class="loss-chart"
                node_ref=canvas
                data-testid="loss-chart"
                aria-label=move || match curves.get() {
                    (true, true) => "Train and test loss against epoch",
                    (false, true) => "Test loss against epoch",
                    _ => "Train loss against epoch",
                }
            ></canvas>
        </div>
    }
}

/// Mean |gradient| per layer against epoch (log scale): vanishing gradients made visible.
#[component]
pub fn GradientPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let canvas = NodeRef::<Canvas>::new();
    let watch = watch_canvas(canvas);
    Effect::new(move |_| {
        let Some(el) = watch.canvas() else {
            return;
        };
        let theme = chart_theme(state, page);
        if let Err(e) = state
            .snapshot
            .with(|s| crate::render::canvas::draw_gradients(&el, &s.grad_history, theme))
        {
            state.say(format!("Could not draw the gradient chart: {e:?}"));
        }
    });
    // A memo: the legend is rebuilt when the number of layers changes, not every frame.
    let layers = Memo::new(move |_| state.snapshot.with(|s| s.net.layers().len()));
    view! {
        <div class="loss-panel gradient-panel">
            <h2>"Gradient size per layer" <HelpTip topic=HelpTopic::GradientChart /></h2>
            <div class="legend">
                {move || {
                    let n = layers.get();
                    (0..n)
                        .map(|l| {
                            let line = layer_line(l, n);
                            let color = line.color.map_or("var(--ink)".to_string(), css);
                            let name = if l + 1 == n {
                                "output".to_string()
                            } else {
                                format!("layer {}", l + 1)
                            };
                            view! {
                                <span
                                    class="key layer"
                                    class:dashed=line.dashed
                                    style=format!("--key: {color}")
                                >
                                    {name}
                                </span>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <canvas
                class="loss-chart"
                node_ref=canvas
                data-testid="gradient-chart"
                aria-label="Mean gradient size of each layer against epoch, log scale"
            ></canvas>
        </div>
    }
}
