//! What the plot shows under the pointer: the network's output at a place of the plot (each
//! class's probability and the predicted class, or the fitted value), and for a data point
//! there, its target (one-hot for classes) and its own term of the loss.
//!
//! Computed from a [`Snapshot`] with the network's own forward pass and [`Output::loss`], the
//! function training averages, so the terms here are the ones the loss readouts take the mean
//! of.
use crate::core::loss::{class_of, Output};
use crate::core::number_text::fixed;
use crate::core::snapshot::{ModelView, Snapshot};

/// A data point under the pointer.
#[derive(Clone, Debug, PartialEq)]
pub struct PointRead {
    /// Its index in the snapshot's points.
    pub index: usize,
    /// Its label (a class), or its target value in regression.
    pub label: f64,
    pub test: bool,
    /// Its term of the loss, [`Output::loss`] of the outputs and its target.
    pub loss: f64,
}

/// The model's output at a place of the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub x1: f64,
    pub x2: f64,
    pub output: Output,
    /// The network's outputs there (probabilities; one sigmoid unit: P(class 1)).
    pub outs: Vec<f64>,
    pub point: Option<PointRead>,
}

/// The reading at (x1, x2), in the data's units, or at the nearest point within `(rx, ry)` (an
/// ellipse of data units: the pointer's reach) with that point's target and loss term. `None`
/// for models drawn without a network (the perceptron, Adaline, the line).
pub fn read(s: &Snapshot, x1: f64, x2: f64, (rx, ry): (f64, f64)) -> Option<Reading> {
    let curve = match s.model {
        ModelView::Mlp | ModelView::Logistic => false,
        ModelView::Curve(_) => true,
        _ => return None,
    };
    let mut net = s.net.clone();
    let output = net.output();
    let run = |net: &mut crate::core::mlp::Mlp, a: f64, b: f64| {
        let mut input = vec![0.0; s.features.len()];
        s.features.write(a, if curve { 0.0 } else { b }, &mut input);
        s.standardizer.apply(&mut input);
        net.forward(&input).to_vec()
    };
    let dist = |px: f64, py: f64| ((px - x1) / rx).powi(2) + ((py - x2) / ry).powi(2);
    let nearest = s
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| (i, dist(p.x1, p.x2)))
        .filter(|(_, d)| *d <= 1.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    // Over a point, the reading is the point's: its outputs, target and loss term agree.
    let (x1, x2) = nearest.map_or((x1, x2), |(i, _)| (s.points[i].x1, s.points[i].x2));
    let outs = run(&mut net, x1, x2);
    let point = nearest.map(|(index, _)| {
        let label = if curve {
            s.points[index].x2
        } else {
            s.points[index].label
        };
        PointRead {
            index,
            label,
            test: s.test_mask.get(index).copied().unwrap_or(false),
            loss: output.loss(&outs, output.target(label)),
        }
    });
    Some(Reading {
        x1,
        x2,
        output,
        outs,
        point,
    })
}

impl Reading {
    /// Each class's probability, in class order (one sigmoid unit: 1 − p and p); empty in
    /// regression and for the Playground's tanh output (a score, not a probability).
    pub fn probabilities(&self) -> Vec<f64> {
        match self.output {
            Output::Binary => vec![1.0 - self.outs[0], self.outs[0]],
            Output::Softmax(_) => self.outs.clone(),
            _ => Vec::new(),
        }
    }

    /// The readout's lines: the place, the outputs, the predicted class, and the point's target
    /// and loss term.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!("at ({}, {})", fixed(self.x1, 2), fixed(self.x2, 2))];
        let probabilities = self.probabilities();
        if probabilities.is_empty() {
            lines.push(format!("ŷ = {}", fixed(self.outs[0], 3)));
        } else {
            let each: Vec<String> = probabilities
                .iter()
                .enumerate()
                .map(|(k, p)| format!("p({k}) = {}", fixed(*p, 3)))
                .collect();
            lines.push(each.join("  "));
        }
        if let Some(k) = self.output.predict_class(&self.outs) {
            lines.push(format!("predicted: class {k}"));
        }
        if let Some(p) = &self.point {
            lines.push(self.point_line(p));
        }
        lines
    }

    /// The point's line: its class, one-hot target and −ln p of its class, or its target and
    /// squared error.
    fn point_line(&self, p: &PointRead) -> String {
        let set = if p.test { "test" } else { "training" };
        let loss = fixed(p.loss, 3);
        match self.output {
            Output::Binary | Output::Softmax(_) => {
                let k = self.output.units().max(2);
                let c = class_of(p.label, k);
                let hot: Vec<&str> = (0..k).map(|i| if i == c { "1" } else { "0" }).collect();
                format!(
                    "{set} point: class {c}, one-hot [{}], loss −ln p({c}) = {loss}",
                    hot.join(", ")
                )
            }
            Output::TfTanh => format!(
                "{set} point: class {}, target {}, loss ½(ŷ − t)² = {loss}",
                class_of(p.label, 2),
                fixed(self.output.target(p.label), 0)
            ),
            Output::Regression => {
                format!(
                    "{set} point: target {}, loss (ŷ − t)² = {loss}",
                    fixed(p.label, 3)
                )
            }
            Output::TfLinear => {
                format!(
                    "{set} point: target {}, loss ½(ŷ − t)² = {loss}",
                    fixed(p.label, 3)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests;
