//! The short explanations behind each view's "?", in the lecture notes' words, and in the
//! words of the device in hand where they say what to do (see [`Pointer`]).
use crate::core::pointer::Pointer;

/// The views that carry a "?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpTopic {
    Diagram,
    NeuronMaps,
    CurveNeuronMaps,
    HiddenSpace,
    Lift,
    LossChart,
    GradientChart,
    LossSurface,
}

impl HelpTopic {
    /// Every topic.
    pub const ALL: [HelpTopic; 8] = [
        HelpTopic::Diagram,
        HelpTopic::NeuronMaps,
        HelpTopic::CurveNeuronMaps,
        HelpTopic::HiddenSpace,
        HelpTopic::Lift,
        HelpTopic::LossChart,
        HelpTopic::GradientChart,
        HelpTopic::LossSurface,
    ];

    /// A stable name, for test ids.
    pub fn name(self) -> &'static str {
        match self {
            HelpTopic::Diagram => "diagram",
            HelpTopic::NeuronMaps => "neurons",
            HelpTopic::CurveNeuronMaps => "curve-neurons",
            HelpTopic::HiddenSpace => "hidden-space",
            HelpTopic::Lift => "lift",
            HelpTopic::LossChart => "loss",
            HelpTopic::GradientChart => "gradients",
            HelpTopic::LossSurface => "loss-surface",
        }
    }

    /// The explanation, two or three short sentences, for a user with `pointer`.
    pub fn text(self, pointer: Pointer) -> &'static str {
        match self {
            HelpTopic::Diagram => match pointer {
                Pointer::Mouse => {
                    "Each line is a weight: blue = positive weight, orange = negative, \
                     thickness = its size. A unit's colour is its bias. Hover over a line or a \
                     unit for its value; click it to edit it."
                }
                Pointer::Touch => {
                    "Each line is a weight: blue = positive weight, orange = negative, \
                     thickness = its size. A unit's colour is its bias. Tap a line or a unit \
                     to see its value and edit it."
                }
            },
            HelpTopic::NeuronMaps => {
                "A neuron map is what that unit outputs over the plane: blue where it is \
                 positive, orange where it is negative. Hidden layers discover some important \
                 features; the output combines them."
            }
            HelpTopic::CurveNeuronMaps => {
                "Each map is what that unit outputs against x (blue above 0, orange below). \
                 The fitted curve is a weighted sum of these curves."
            }
            HelpTopic::HiddenSpace => {
                "The network as a feature extractor + classifier: each point is drawn at the \
                 values two units of a hidden layer give it. When the last hidden layer has \
                 two units, the output's straight line is drawn here: the layer has made the \
                 data linearly separable."
            }
            HelpTopic::Lift => {
                "Not linearly separable? Add another dimension: each point is lifted to the \
                 height x₁·x₂. With no hidden layer the boundary is a plane, and training \
                 tilts it until it splits the classes."
            }
            HelpTopic::LossChart => {
                "The error function (the loss) after each epoch: how far away we are from \
                 our goal. Training loss is on the points the model learns from, test loss on \
                 points it never sees: test loss going up while training loss goes down is \
                 overfitting."
            }
            HelpTopic::GradientChart => {
                "The size of the gradient at each layer, on a log scale. Vanishing gradient: \
                 with sigmoid the derivative gets close to zero, so the first layers get tiny \
                 adjustments to their weights and learn slowly."
            }
            HelpTopic::LossSurface => {
                "The error function over the line's m and c: lighter is lower. Gradient \
                 descent walks downhill: batch (one step per epoch), mini-batch, and \
                 stochastic (one point per step). × marks the minimum."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_is_short_and_in_the_notes_words() {
        for (topic, pointer) in HelpTopic::ALL
            .into_iter()
            .flat_map(|t| [(t, Pointer::Mouse), (t, Pointer::Touch)])
        {
            let text = topic.text(pointer);
            assert!(text.len() < 330, "{topic:?}: {} bytes", text.len());
            assert!(!text.contains("  "), "{topic:?}");
        }
        let diagram = HelpTopic::Diagram.text(Pointer::Touch);
        for words in ["blue = positive weight", "orange = negative", "thickness"] {
            assert!(diagram.contains(words), "{words}");
        }
        for (topic, pointer, words) in [
            (
                HelpTopic::NeuronMaps,
                Pointer::Mouse,
                "what that unit outputs over the plane",
            ),
            (
                HelpTopic::GradientChart,
                Pointer::Mouse,
                "Vanishing gradient",
            ),
            (HelpTopic::LossChart, Pointer::Touch, "error function"),
            (HelpTopic::Diagram, Pointer::Touch, "Tap a line"),
            (HelpTopic::Diagram, Pointer::Mouse, "Hover over a line"),
        ] {
            assert!(topic.text(pointer).contains(words), "{topic:?}: {words}");
        }
    }

    #[test]
    fn on_a_touch_screen_no_help_speaks_of_clicking_or_hovering() {
        for topic in HelpTopic::ALL {
            let text = topic.text(Pointer::Touch).to_lowercase();
            for word in ["click", "hover", "mouse"] {
                assert!(!text.contains(word), "{topic:?} says {word:?}");
            }
        }
    }
}
