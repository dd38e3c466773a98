//! The control panels. Each control edits the config through [`AppState::update_config`].
mod activation_curve;
mod adaline;
mod curve;
mod data;
mod gates;
mod grad_check;
mod inputs;
mod line;
mod network;
mod perceptron;
mod training;

pub use activation_curve::ActivationCurve;
pub use adaline::AdalinePanel;
pub use curve::CurvePanel;
pub use data::{DataControls, DataPanel, TrainingShare};
pub use gates::{GatesPanel, XorBuilder};
pub use line::LinePanel;
pub use network::NetworkPanel;
pub use perceptron::PerceptronPanel;
pub use training::TrainingPanel;

use super::AppState;
use crate::core::config::Speed;
use leptos::prelude::*;

/// Epochs-per-frame choices for the speed control.
const SPEEDS: [(&str, &str); 6] = [
    ("1", "1 epoch/frame"),
    ("5", "5 epochs/frame"),
    ("20", "20 epochs/frame"),
    ("100", "100 epochs/frame"),
    ("500", "500 epochs/frame"),
    ("max", "Max"),
];

/// The model choice: the neural network, logistic regression, the perceptron, the line or the
/// curve.
#[component]
pub fn ModelChoice() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <crate::app::fields::SelectField
            label="Model"
            testid="model"
            options=crate::core::config::Model::ALL.iter().map(|m| (m.name(), m.label())).collect()
            value=Signal::derive(move || state.config.with(|c| c.model.name().to_string()))
            on_change=Callback::new(move |v: String| {
                if let Some(m) = crate::core::config::Model::from_name(&v) {
                    state.update_config(|c| c.choose_model(m));
                }
            })
        />
    }
}

/// Plays or pauses training; after a divergence or early stopping, says why it cannot go on.
pub fn toggle_play(state: AppState) {
    if state
        .snapshot
        .with_untracked(|s| s.diverged || s.stopped_at.is_some())
    {
        state.explain_stop();
        return;
    }
    state.playing.update(|p| *p = !*p);
}

/// Play/Pause, Step, Reset and the speed.
#[component]
pub fn Transport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let playing = state.playing;
    let speed_value = move || match state.config.with(|c| c.speed) {
        Speed::Max => "max".to_string(),
        Speed::EpochsPerFrame(n) => n.to_string(),
    };
    let set_speed = move |v: String| {
        let speed = if v == "max" {
            Speed::Max
        } else {
            Speed::EpochsPerFrame(v.parse().unwrap_or(1))
        };
        state.update_config(|c| c.speed = speed);
    };
    let toggle = move |_| toggle_play(state);
    view! {
        <div class="transport">
            <button
                class="primary play"
                data-testid="play"
                aria-label=move || if playing.get() { "Pause" } else { "Play" }
                on:click=toggle
            >
                // Both words in one cell of a grid, the other one invisible: the button is as
                // wide as the wider, so Play → Pause moves nothing beside it.
                <span class="play-word" class:off=move || playing.get()>
                    "▶ Play"
                </span>
                <span class="play-word" class:off=move || !playing.get()>
                    "❚❚ Pause"
                </span>
            </button>
            <button data-testid="step" aria-label="Train one epoch" on:click=move |_| state.step()>
                "Step"
            </button>
            <button
                data-testid="reset"
                aria-label="Reset the weights"
                on:click=move |_| state.reset_by_user()
            >
                "Reset"
            </button>
            <label class="speed">
                <span class="visually-hidden">"Speed"</span>
                <select data-testid="speed" on:change=move |ev| set_speed(event_target_value(&ev))>
                    {SPEEDS
                        .into_iter()
                        .map(|(v, text)| {
                            view! {
                                <option value=v selected=move || speed_value() == v>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
