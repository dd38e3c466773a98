//! The network's inputs and outputs: the discretized output, the decision line, the input
//! features and standardization.
//! Curve mode offers only the features of x (x₂ is the value to fit there), and neither
//! discretizing nor the decision line (it has no heatmap).
use crate::app::fields::CheckField;
use crate::app::AppState;
use crate::core::config::{ExperimentConfig, Model};
use crate::core::dataset::Problem;
use crate::core::features::Feature;
use leptos::prelude::*;

/// `c` with input `f` turned on or off, or `None` if that would leave the network no input.
/// In curve mode the boxes show the features of x the network uses (x₁ when none is on), and
/// a change starts from those.
fn with_feature(c: &ExperimentConfig, f: Feature, on: bool) -> Option<ExperimentConfig> {
    let mut next = c.clone();
    if c.model == Model::Curve {
        let x1 = c.input_features().contains(Feature::X1);
        next.features = next.features.with(Feature::X1, x1);
    }
    next.features = next.features.with(f, on);
    let any_left = next
        .features
        .enabled()
        .any(|g| c.model != Model::Curve || !g.uses_x2());
    any_left.then_some(next)
}

/// Discretize output, the decision line (two classes), the feature checkboxes and Standardize
/// inputs.
#[component]
pub fn InputsSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let curve = Memo::new(move |_| cfg.with(|c| c.model == Model::Curve));
    view! {
        <Show when=move || !curve.get()>
            <OutputView />
        </Show>
        <h2 data-group="features">"Features"</h2>
        <div class="features" role="group" aria-label="Input features">
            {move || {
                let shown = !curve.get();
                Feature::ALL
                    .into_iter()
                    .filter(|f| shown || !f.uses_x2())
                    .map(|f| view! { <FeatureBox feature=f /> })
                    .collect_view()
            }}
        </div>
        <CheckField
            label="Standardize inputs"
            checked=Signal::derive(move || cfg.with(|c| c.standardize))
            on_change=Callback::new(move |v| state.update_config(|c| c.standardize = v))
            testid="standardize"
        />
    }
}

/// How the plot shows the output: discretized, and (for two classes) the decision line.
#[component]
fn OutputView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    // The decision line is drawn for two classes only (several blend, regression has none).
    let two_classes = Memo::new(move |_| {
        cfg.with(|c| c.problem == Problem::Classification && c.class_count() == 2)
    });
    view! {
        <CheckField
            label="Discretize output"
            checked=Signal::derive(move || cfg.with(|c| c.discretize))
            on_change=Callback::new(move |v| state.update_config(|c| c.discretize = v))
            testid="discretize"
        />
        <Show when=move || two_classes.get()>
            <CheckField
                label="Decision line (p = 0.5)"
                checked=Signal::derive(move || cfg.with(|c| c.boundary_line))
                on_change=Callback::new(move |v| state.update_config(|c| c.boundary_line = v))
                testid="boundary-line"
            />
        </Show>
    }
}

/// One input feature's checkbox; the last one left can't be unticked.
#[component]
fn FeatureBox(
    /// The feature.
    feature: Feature,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let toggle = move |on| match cfg.with_untracked(|c| with_feature(c, feature, on)) {
        Some(next) => {
            state.apply(next);
        }
        None => {
            state.say("The network needs at least one input feature.");
            state.config.update(|_| {}); // redraw the box as still checked
        }
    };
    view! {
        <CheckField
            label=feature.label()
            checked=Signal::derive(move || cfg.with(|c| c.input_features().contains(feature)))
            on_change=Callback::new(toggle)
            testid=feature.key()
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_change_never_leaves_the_network_without_inputs() {
        let mlp = ExperimentConfig::default(); // x₁ and x₂
        let next = with_feature(&mlp, Feature::X1, false).expect("x₂ is left");
        assert!(with_feature(&next, Feature::X2, false).is_none());
        let curve = ExperimentConfig {
            model: Model::Curve,
            ..ExperimentConfig::default()
        };
        assert!(
            with_feature(&curve, Feature::X1, false).is_none(),
            "x₂ is no input in curve mode"
        );
        let sin = with_feature(&curve, Feature::SinX1, true).unwrap();
        assert_eq!(sin.input_features().len(), 2, "x₁ and sin x₁");
        // With only x₂'s features on, curve mode uses x₁; adding sin x₁ keeps it.
        let only_y = ExperimentConfig {
            features: crate::core::features::FeatureSet::from_flags([(Feature::X2, true)]),
            ..curve
        };
        assert!(only_y.input_features().contains(Feature::X1));
        let both = with_feature(&only_y, Feature::SinX1, true).unwrap();
        assert!(both.input_features().contains(Feature::X1));
        assert!(both.input_features().contains(Feature::SinX1));
    }
}
