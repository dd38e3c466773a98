//! Network: hidden layers and neurons, activation and initialization.
use crate::app::fields::SelectField;
use crate::app::AppState;
use crate::core::activation::Activation;
use crate::core::config::limits::{MAX_HIDDEN_LAYERS, MAX_NEURONS};
use crate::core::mlp::Init;
use leptos::prelude::*;

/// The network panel.
#[component]
pub fn NetworkPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let shape_text = move || {
        cfg.with(|c| {
            let mut parts = vec![c.input_count().to_string()];
            parts.extend(c.hidden_shape().iter().map(|n| n.to_string()));
            parts.push(crate::core::trainer::output_for(c).units().to_string());
            parts.join(" → ")
        })
    };
    let logistic = move || cfg.with(|c| c.model == crate::core::config::Model::Logistic);
    // Digits with no hidden layer: the pixels go straight to the softmax, with no hidden
    // activation to choose.
    let softmax_regression = move || {
        cfg.with(|c| c.model == crate::core::config::Model::Digits && c.network_shape.is_empty())
    };
    view! {
        <h2 data-group="network">"Network"</h2>
        <p class="shape" data-testid="network-shape">
            {shape_text}
        </p>
        <Show when=logistic>
            <LogisticModel />
        </Show>
        <Show when=move || !logistic()>
            <HiddenLayers />
            <Show when=move || !softmax_regression() fallback=NoActivation>
                <SelectField
                    label="Activation"
                    testid="activation"
                    options=Activation::ALL.iter().map(|a| (a.name(), a.label())).collect()
                    value=Signal::derive(move || cfg.with(|c| c.activation.name().to_string()))
                    on_change=Callback::new(move |v: String| {
                        if let Some(a) = Activation::from_name(&v) {
                            let mut note = None;
                            state.update_config(|c| note = c.set_activation(a));
                            if let Some(note) = note {
                                state.say(note);
                            }
                        }
                    })
                />
                <super::ActivationCurve place="menu" />
            </Show>
        </Show>
        <SelectField
            label="Initialization"
            testid="init"
            options=vec![("xavier", "Xavier"), ("he", "He"), ("zero", "Zeros")]
            value=Signal::derive(move || cfg.with(|c| c.init.name().to_string()))
            on_change=Callback::new(move |v: String| {
                if let Some(i) = Init::from_name(&v) {
                    state.update_config(|c| c.init = i);
                }
            })
        />
    }
}

/// In place of the activation's menu when there is no hidden layer to apply it to.
#[component]
fn NoActivation() -> impl IntoView {
    view! {
        <p class="hint" data-testid="no-activation">
            "No hidden layer: softmax regression has no hidden activation. Add a layer to choose one."
        </p>
    }
}

/// The hidden layers: add or remove a layer, and each layer's number of neurons.
#[component]
fn HiddenLayers() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let layers = move || cfg.with(|c| c.network_shape.len());
    let no_layers = move || layers() == 0;
    let all_layers = move || layers() >= MAX_HIDDEN_LAYERS;
    let add_layer = move |_| {
        state.update_config(|c| {
            if c.network_shape.len() < MAX_HIDDEN_LAYERS {
                c.network_shape
                    .push(c.network_shape.last().copied().unwrap_or(4));
            }
        })
    };
    let remove_layer = move |_| {
        state.update_config(|c| {
            c.network_shape.pop();
        })
    };
    view! {
        <div class="layers">
            <div class="layer-buttons">
                <button
                    data-testid="remove-layer"
                    aria-label="Remove a hidden layer"
                    on:click=remove_layer
                    disabled=no_layers
                >
                    "− layer"
                </button>
                <span data-testid="layer-count">{move || format!("{} hidden", layers())}</span>
                <button
                    data-testid="add-layer"
                    aria-label="Add a hidden layer"
                    on:click=add_layer
                    disabled=all_layers
                >
                    "+ layer"
                </button>
            </div>
            <For each=move || 0..layers() key=|l| *l let:l>
                <LayerRow layer=l />
            </For>
        </div>
    }
}

/// One hidden layer's row: its number of neurons, with − and + buttons.
#[component]
fn LayerRow(
    /// The hidden layer, from 0.
    layer: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let resize = move |delta: isize| {
        state.update_config(|c| {
            if let Some(n) = c.network_shape.get_mut(layer) {
                *n = n.saturating_add_signed(delta).clamp(1, MAX_NEURONS);
            }
        })
    };
    let neurons = move || {
        state
            .config
            .with(|c| c.network_shape.get(layer).copied().unwrap_or(0))
    };
    view! {
        <div class="layer-row">
            <span>{format!("Layer {}", layer + 1)}</span>
            <button
                aria-label=format!("Fewer neurons in layer {}", layer + 1)
                on:click=move |_| resize(-1)
            >
                "−"
            </button>
            <span class="neurons" data-testid=format!("neurons-{layer}")>
                {neurons}
            </span>
            <button
                aria-label=format!("More neurons in layer {}", layer + 1)
                on:click=move |_| resize(1)
            >
                "+"
            </button>
        </div>
    }
}

/// Logistic regression's model: what it is, and (for two classes) its current formula with
/// the trained weights, as the notes write it.
#[component]
fn LogisticModel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let classes = move || state.snapshot.with(|s| s.classes);
    let note = move || {
        match classes() {
        k if k > 2 => format!("Softmax regression: {k} classes, one neuron each on the inputs, no hidden layer, trained on the cross-entropy."),
        _ => "Logistic regression: one sigmoid neuron σ(w·x + b) on the inputs, no hidden layer, trained on the cross-entropy.".to_string(),
    }
    };
    let formula = move || {
        state.snapshot.with(|s| {
            let text = crate::core::equation::single_neuron_text(&s.net, s.features)?;
            let standardized = state.config.with(|c| c.standardize);
            Some(if standardized {
                format!("{text}, on the standardized inputs")
            } else {
                text
            })
        })
    };
    view! {
        <p class="hint" data-testid="logistic-note">
            {note}
        </p>
        <Show when=move || formula().is_some()>
            <p class="model-formula" data-testid="logistic-model">
                {move || formula().unwrap_or_default()}
            </p>
        </Show>
    }
}
