//! The one extra view the presenter layout shows beside the plot and the loss chart: which
//! views a model has, the default, and the names kept in this browser (view state, not a
//! link key).
use crate::core::config::{ExperimentConfig, Model};
use crate::core::lift::worth_showing;

/// A view of the model that the presenter can put on the screen beside the plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageView {
    /// The network diagram: units and weight lines.
    Diagram,
    /// The neuron maps: each unit's output over the plot's square.
    Neurons,
    /// The hidden space: the points as the last hidden layer sees them.
    HiddenSpace,
    /// The 3D lift: the points raised by a feature.
    Lift,
    /// The loss surface over the line's slope and intercept.
    LossSurface,
    /// The gradient size per layer against epoch.
    Gradients,
    /// The perceptron's or Adaline's weights, counts and last step's arithmetic.
    Arithmetic,
    /// Backpropagation, step by step: one point's numbers.
    Backprop,
}

impl StageView {
    /// Every view, in the picker's order.
    pub const ALL: [StageView; 8] = [
        StageView::Diagram,
        StageView::Neurons,
        StageView::HiddenSpace,
        StageView::Lift,
        StageView::LossSurface,
        StageView::Gradients,
        StageView::Arithmetic,
        StageView::Backprop,
    ];

    /// The stable name kept in localStorage and set as the page's `data-pick`.
    pub fn name(self) -> &'static str {
        match self {
            StageView::Diagram => "diagram",
            StageView::Neurons => "neurons",
            StageView::HiddenSpace => "hidden-space",
            StageView::Lift => "lift",
            StageView::LossSurface => "loss-surface",
            StageView::Gradients => "gradients",
            StageView::Arithmetic => "arithmetic",
            StageView::Backprop => "backprop",
        }
    }

    /// The view named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<StageView> {
        StageView::ALL.into_iter().find(|v| v.name() == name.trim())
    }

    /// The picker's words for the view.
    pub fn label(self) -> &'static str {
        match self {
            StageView::Diagram => "Network diagram",
            StageView::Neurons => "Neuron maps",
            StageView::HiddenSpace => "Hidden space",
            StageView::Lift => "3D lift",
            StageView::LossSurface => "Loss surface",
            StageView::Gradients => "Gradient chart",
            StageView::Arithmetic => "Worked step",
            StageView::Backprop => "Backpropagation",
        }
    }

    /// Whether the page shows this view for `c` (see `PlotColumn`, `Charts` and each view's
    /// own condition: a hidden layer for the hidden space, a product feature or no hidden
    /// layer for the lift).
    pub fn shown_for(self, c: &ExperimentConfig) -> bool {
        let classes = matches!(c.model, Model::Mlp | Model::Logistic);
        match self {
            // Digits mode draws its own views in the plot's place; its chart is the gradients'.
            StageView::Diagram | StageView::Neurons | StageView::Backprop => {
                c.model.uses_network() && c.model != Model::Digits
            }
            StageView::Gradients => c.model.uses_network(),
            StageView::HiddenSpace => c.model == Model::Mlp && !c.network_shape.is_empty(),
            StageView::Lift => classes && worth_showing(c),
            StageView::LossSurface => c.model == Model::Line,
            StageView::Arithmetic => matches!(c.model, Model::Perceptron | Model::Adaline),
        }
    }
}

/// The views the experiment `c` offers, in the picker's order.
pub fn views_for(c: &ExperimentConfig) -> Vec<StageView> {
    StageView::ALL
        .into_iter()
        .filter(|v| v.shown_for(c))
        .collect()
}

/// The view on the stage: the presenter's pick when `c` offers it, else the default (the
/// diagram for network models, the loss surface for the line, the last step's arithmetic for
/// the perceptron and Adaline).
pub fn stage_view(pick: Option<StageView>, c: &ExperimentConfig) -> Option<StageView> {
    pick.filter(|v| v.shown_for(c))
        .or_else(|| views_for(c).into_iter().next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::features::Feature;

    fn with_model(model: Model) -> ExperimentConfig {
        ExperimentConfig {
            model,
            ..ExperimentConfig::default()
        }
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_none() {
        for v in StageView::ALL {
            assert_eq!(StageView::from_name(v.name()), Some(v));
        }
        assert_eq!(StageView::from_name("plot"), None);
        assert_eq!(StageView::from_name(""), None);
    }

    #[test]
    fn network_models_default_to_the_diagram() {
        let diagram = Some(StageView::Diagram);
        assert_eq!(stage_view(None, &with_model(Model::Mlp)), diagram);
        assert_eq!(stage_view(None, &with_model(Model::Curve)), diagram);
        let line = stage_view(None, &with_model(Model::Line));
        assert_eq!(line, Some(StageView::LossSurface));
        let worked = Some(StageView::Arithmetic);
        assert_eq!(stage_view(None, &with_model(Model::Perceptron)), worked);
        assert_eq!(stage_view(None, &with_model(Model::Adaline)), worked);
        assert_eq!(
            views_for(&with_model(Model::Adaline)),
            [StageView::Arithmetic]
        );
    }

    #[test]
    fn a_pick_the_experiment_lacks_falls_back_to_the_default() {
        let lift = Some(StageView::Lift);
        let mut c = with_model(Model::Mlp);
        c.features = c.features.with(Feature::X1TimesX2, true);
        assert_eq!(stage_view(lift, &c), lift);
        c.features = c.features.with(Feature::X1TimesX2, false);
        assert_eq!(
            stage_view(lift, &c),
            Some(StageView::Diagram),
            "no x1x2: no lift"
        );
        let curve = with_model(Model::Curve);
        assert_eq!(stage_view(lift, &curve), Some(StageView::Diagram));
        let hidden = Some(StageView::HiddenSpace);
        assert_eq!(stage_view(hidden, &with_model(Model::Mlp)), hidden);
        let logistic = with_model(Model::Logistic);
        assert_eq!(stage_view(hidden, &logistic), Some(StageView::Diagram));
        let perceptron = with_model(Model::Perceptron);
        assert_eq!(
            stage_view(Some(StageView::Diagram), &perceptron),
            Some(StageView::Arithmetic)
        );
        assert_eq!(
            stage_view(Some(StageView::Arithmetic), &curve),
            Some(StageView::Diagram)
        );
    }
}
