//! The gradient check: the largest gap between backpropagation's and the numerical gradient,
//! on the network as it is when the button is pressed. The number is shown only while the
//! network is still that one (the same weights, data and settings); any change clears it.
use crate::app::AppState;
use crate::core::config::{Change, ExperimentConfig};
use leptos::prelude::*;

/// What a gradient check measured, and on which network.
#[derive(Clone, Debug, PartialEq)]
struct Measured {
    /// The readout: the gap, or why there is none.
    text: String,
    /// The weights and biases checked.
    params: Vec<f64>,
    /// The epoch they were at.
    epoch: u64,
    /// The experiment they were trained in.
    config: ExperimentConfig,
}

impl Measured {
    /// Whether the published network is still the one checked.
    fn is_current(&self, state: AppState) -> bool {
        let same_config = state
            .config
            .with(|c| matches!(self.config.change_to(c), Change::None | Change::Redraw));
        same_config
            && state
                .snapshot
                .with(|s| s.epoch == self.epoch && s.net.params == self.params)
    }
}

/// The button and its readout ("—" until checked, and again once the network changes).
#[component]
pub fn GradientCheck() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (measured, set_measured) = signal(None::<Measured>);
    // On a large network the check goes in slices across frames (see `app::work`).
    let run_check = move |_| {
        let (params, epoch) = state
            .snapshot
            .with_untracked(|s| (s.net.params.clone(), s.epoch));
        let config = state.config.get_untracked();
        let show = move |text: String| {
            set_measured.set(Some(Measured {
                text,
                params: params.clone(),
                epoch,
                config: config.clone(),
            }))
        };
        let done = {
            let show = show.clone();
            Callback::new(move |gap: f64| show(crate::core::number_text::scientific(gap, 2)))
        };
        if !state.work.start_gradient_check(state, done) {
            show("no training points".into());
        }
    };
    // Compares the weights only while a number is shown.
    let shown = Memo::new(move |_| {
        measured.with(|m| {
            m.as_ref()
                .filter(|m| m.is_current(state))
                .map_or_else(|| "—".to_string(), |m| m.text.clone())
        })
    });
    view! {
        <div class="grad-check">
            <button data-testid="check-gradients" on:click=run_check>
                "Check gradients"
            </button>
            <span class="grad-check-label">"max |backprop − numerical|"</span>
            <span class="grad-check-value" data-testid="gradient-check">
                {move || shown.get()}
            </span>
        </div>
    }
}
