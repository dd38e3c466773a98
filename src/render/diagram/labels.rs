//! The names beside the diagram's inputs and outputs, and where they go.
use super::Layout;
use crate::core::features::FeatureSet;
use crate::core::loss::Output;
use crate::core::mlp::Mlp;
use crate::render::colors::{class_color, Rgb};

/// The names of the inputs and the outputs (with the class colour of a probability).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DiagramLabels {
    pub inputs: Vec<String>,
    pub outputs: Vec<(String, Option<Rgb>)>,
}

impl DiagramLabels {
    /// The names of a network's `n_inputs` inputs, the features they are (x₁, sin x₁ …), and
    /// of its outputs, what they give (p(1), p(k) in class k's colour, ŷ). Inputs the
    /// features do not account for are numbered.
    pub fn new(n_inputs: usize, output: Output, features: FeatureSet) -> Self {
        let inputs = if features.len() == n_inputs {
            features.enabled().map(|f| f.label().to_string()).collect()
        } else {
            (1..=n_inputs).map(|i| format!("input {i}")).collect()
        };
        let outputs = (0..output.units())
            .map(|k| {
                let color = match output {
                    Output::Softmax(_) => Some(class_color(k)),
                    Output::Binary => Some(class_color(1)),
                    _ => None,
                };
                (output.unit_label(k), color)
            })
            .collect();
        DiagramLabels { inputs, outputs }
    }

    /// The names for `net` reading `features`.
    pub fn of(net: &Mlp, features: FeatureSet) -> Self {
        Self::new(net.n_inputs(), net.output(), features)
    }
}

/// Which side of its anchor a label's text lies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// The text ends at `x` (the inputs' names, left of their units).
    Right,
    /// The text (after its swatch, if any) starts at `x` (the outputs', right of them).
    Left,
}

/// A label: its text, anchor (`y` is the text's middle), side and widest extent (CSS px),
/// and a class swatch drawn first.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub align: Align,
    /// The width the label (swatch included) may take from `x`.
    pub max_width: f64,
    pub swatch: Option<Rgb>,
}

impl Label {
    /// The label's horizontal extent, `(left, right)`, at its widest.
    pub fn extent(&self) -> (f64, f64) {
        match self.align {
            Align::Right => (self.x - self.max_width, self.x),
            Align::Left => (self.x, self.x + self.max_width),
        }
    }
}

impl Layout {
    /// The inputs' names right of `left` px of column, the outputs' left of `right`, each a
    /// `space` from its unit.
    pub(super) fn place_labels(&self, left: f64, right: f64, space: f64) -> Vec<Label> {
        let mut labels = Vec::new();
        let Some(last) = self.sizes.len().checked_sub(1) else {
            return labels;
        };
        for (i, text) in self.names.inputs.iter().enumerate().take(self.sizes[0]) {
            let (x, y) = self.unit(0, i);
            labels.push(Label {
                text: text.clone(),
                x: x - self.radius - space,
                y,
                align: Align::Right,
                max_width: left.max(0.0),
                swatch: None,
            });
        }
        if last == 0 {
            return labels;
        }
        for (k, (text, swatch)) in self.names.outputs.iter().enumerate().take(self.sizes[last]) {
            let (x, y) = self.unit(last, k);
            labels.push(Label {
                text: text.clone(),
                x: x + self.radius + space,
                y,
                align: Align::Left,
                max_width: right.max(0.0),
                swatch: *swatch,
            });
        }
        labels
    }
}
