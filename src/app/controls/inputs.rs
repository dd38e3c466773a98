//! The network's inputs: the discretized output, the input features and standardization.
use crate::app::fields::CheckField;
use crate::app::AppState;
use crate::core::features::Feature;
use leptos::prelude::*;

/// Discretize output, the feature checkboxes and Standardize inputs.
#[component]
pub fn InputsSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    view! {
        <CheckField
            label="Discretize output"
            checked=Signal::derive(move || cfg.with(|c| c.discretize))
            on_change=Callback::new(move |v| state.update_config(|c| c.discretize = v))
            testid="discretize"
        />
        <h2>"Features"</h2>
        <div class="features" role="group" aria-label="Input features">
            {Feature::ALL
                .into_iter()
                .map(|f| {
                    view! {
                        <CheckField
                            label=f.label()
                            checked=Signal::derive(move || cfg.with(|c| c.features.contains(f)))
                            on_change=Callback::new(move |on| state.update_config(|c| {
                                let next = c.features.with(f, on);
                                if next.is_empty() {
                                    state.say("The network needs at least one input feature.");
                                    state.config.update(|_| {}); // redraw the box as still checked
                                } else {
                                    c.features = next;
                                }
                            }))
                            testid=f.key()
                        />
                    }
                })
                .collect_view()}
        </div>
        <CheckField
            label="Standardize inputs"
            checked=Signal::derive(move || cfg.with(|c| c.standardize))
            on_change=Callback::new(move |v| state.update_config(|c| c.standardize = v))
            testid="standardize"
        />
    }
}
