//! The compact legend under the plot: the class colours and names, filled dot = training and
//! ring = test, and what the background and the lines mean for the current model (see
//! [`Legend`]). Hidden with the other explanatory text (`hideText`).
use crate::app::AppState;
use crate::core::legend::Legend;
use crate::render::colors::{class_color, css};
use leptos::prelude::*;

/// The legend for the current config; rebuilt only when what it says changes.
#[component]
pub fn PlotLegend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let any_test = Memo::new(move |_| state.snapshot.with(|s| s.test_mask.contains(&true)));
    let legend = Memo::new(move |_| state.config.with(Legend::of).for_points(any_test.get()));
    let classes = move || legend.with(|l| l.classes.clone());
    view! {
        <div class="plot-legend" data-testid="plot-legend">
            <For each=classes key=|c| c.clone() let:class>
                <span class="legend-item" data-testid="legend-class">
                    <span
                        class="legend-dot"
                        style=format!("background: {}", css(class_color(class.0)))
                    ></span>
                    {class.1}
                </span>
            </For>
            <Show when=move || legend.with(|l| l.scale)>
                <span class="legend-item">
                    <span class="legend-scale"></span>
                    "−1 … +1"
                </span>
            </Show>
            <Show when=move || legend.with(|l| l.rings)>
                <span class="legend-item" data-testid="legend-rings">
                    <span class="legend-dot filled"></span>
                    "training"
                    <span class="legend-dot ring"></span>
                    "test"
                </span>
            </Show>
            <Show when=move || legend.with(|l| l.background.is_some())>
                <span class="legend-item legend-text" data-testid="legend-background">
                    {move || legend.with(|l| l.background.unwrap_or_default())}
                </span>
            </Show>
            <Show when=move || legend.with(|l| l.marks.is_some())>
                <span class="legend-item legend-text">
                    {move || legend.with(|l| l.marks.unwrap_or_default())}
                </span>
            </Show>
        </div>
    }
}
