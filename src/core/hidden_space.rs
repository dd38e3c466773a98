//! The hidden-space view's data: every point mapped through a chosen hidden layer, two of
//! its units at a time, and the output's line there when it has one. In the last hidden
//! layer with two units, the output unit decides by one straight line in that plane: how
//! many training points it puts on their class's side says whether the classes have become
//! linearly separable.
use crate::core::mlp::Mlp;
use crate::core::snapshot::Snapshot;

/// A point seen through a hidden layer: two of the layer's unit values, and its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HiddenPoint {
    pub u: f64,
    pub v: f64,
    pub label: f64,
    pub is_test: bool,
}

/// What the hidden-space view shows of one layer and two of its units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HiddenSpace {
    /// Every point, through the layer's units `u` (across) and `v` (up).
    pub points: Vec<HiddenPoint>,
    /// The output unit's line `a·u + b·v + c = 0` as `[a, b, c]`, when the layer is the last
    /// hidden one, has exactly two units, both are shown (`u ≠ v`) and one output unit
    /// decides.
    pub line: Option<[f64; 3]>,
}

impl HiddenSpace {
    /// The view of hidden layer `layer` (0 = first) through its units `u` and `v` (each
    /// clamped to the layer's width); empty if the layer does not exist.
    pub fn of(snap: &Snapshot, layer: usize, (u, v): (usize, usize)) -> Self {
        let sizes = snap.net.sizes();
        // Layer `layer`'s width is `sizes[layer + 1]`; the last size is the output's.
        let width = match sizes.get(layer + 1) {
            Some(&w) if layer + 2 < sizes.len() && w > 0 => w,
            _ => return HiddenSpace::default(),
        };
        let mut net = snap.net.clone();
        let (u, v) = (u.min(width - 1), v.min(width - 1));
        let points = snap.hidden_space(&mut net, layer, u, v);
        let out = net.layers().len() - 1;
        let line =
            (layer + 1 == out && width == 2 && net.output().units() == 1 && u != v).then(|| {
                [
                    net.weight(out, 0, u),
                    net.weight(out, 0, v),
                    net.bias(out, 0),
                ]
            });
        HiddenSpace { points, line }
    }

    /// The fraction (0–1) of the training points the output's line puts on their class's
    /// side (class 1 where `a·u + b·v + c ≥ 0`); `None` without a line, 0 without training
    /// points.
    pub fn separated(&self) -> Option<f64> {
        let [a, b, c] = self.line?;
        let train = self.points.iter().filter(|p| !p.is_test);
        let (right, total) = train.fold((0usize, 0usize), |(right, total), p| {
            let side = a * p.u + b * p.v + c >= 0.0;
            (right + usize::from(side == (p.label == 1.0)), total + 1)
        });
        Some(right as f64 / total.max(1) as f64)
    }

    /// The sentence under the view: how much of the training data the output's line
    /// separates here; empty without a line.
    pub fn note(&self) -> String {
        self.separated().map_or_else(String::new, |f| {
            format!(
                "The output's line separates {:.0}% of the training points here.",
                100.0 * f
            )
        })
    }
}

impl Snapshot {
    /// Every point mapped through hidden layer `layer` (0 = first): the values of its units
    /// `u` and `v`. Empty if the layer or a unit does not exist.
    pub fn hidden_space(
        &self,
        net: &mut Mlp,
        layer: usize,
        u: usize,
        v: usize,
    ) -> Vec<HiddenPoint> {
        let layers = net.layers().len();
        if layer + 1 >= layers || u.max(v) >= net.layers()[layer].fan_out {
            return Vec::new();
        }
        let mut input = vec![0.0; self.features.len()];
        self.points
            .iter()
            .zip(&self.test_mask)
            .map(|(p, &is_test)| {
                self.features.write(p.x1, p.x2, &mut input);
                self.standardizer.apply(&mut input);
                net.forward(&input);
                let out = net.layer_output(layer);
                HiddenPoint {
                    u: out[u],
                    v: out[v],
                    label: p.label,
                    is_test,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(u: f64, v: f64, label: f64, is_test: bool) -> HiddenPoint {
        HiddenPoint {
            u,
            v,
            label,
            is_test,
        }
    }

    #[test]
    fn the_note_counts_training_points_on_their_side_of_the_line() {
        let view = HiddenSpace {
            // u − v ≥ 0 is class 1.
            points: vec![
                point(1.0, 0.0, 1.0, false),
                point(0.0, 1.0, 0.0, false),
                point(0.0, 1.0, 1.0, false),
                point(0.0, 1.0, 1.0, true), // a test point does not count
            ],
            line: Some([1.0, -1.0, 0.0]),
        };
        assert_eq!(view.separated(), Some(2.0 / 3.0));
        assert_eq!(
            view.note(),
            "The output's line separates 67% of the training points here."
        );
        let no_line = HiddenSpace {
            line: None,
            ..view.clone()
        };
        assert_eq!((no_line.separated(), no_line.note()), (None, String::new()));
        let no_training = HiddenSpace {
            points: vec![point(0.0, 1.0, 1.0, true)],
            ..view
        };
        assert_eq!(no_training.separated(), Some(0.0));
    }

    #[test]
    fn the_last_hidden_layer_of_two_units_has_the_outputs_line() {
        use crate::core::config::ExperimentConfig;
        use crate::core::trainer::Trainer;
        let (cfg, _) = ExperimentConfig::from_hash("dataset=xor&networkShape=4,2&seed=3");
        let snap = Trainer::new(cfg).snapshot();
        let last = HiddenSpace::of(&snap, 1, (0, 1));
        assert_eq!(last.points.len(), snap.points.len());
        let out = snap.net.layers().len() - 1;
        let w = |j| snap.net.weight(out, 0, j);
        assert_eq!(last.line, Some([w(0), w(1), snap.net.bias(out, 0)]));
        assert!(last.separated().is_some_and(|f| (0.0..=1.0).contains(&f)));
        let first = HiddenSpace::of(&snap, 0, (0, 9));
        assert_eq!(first.line, None, "not the last hidden layer");
        assert_eq!(
            first.points[0].v,
            HiddenSpace::of(&snap, 0, (0, 3)).points[0].v,
            "a unit past the layer's width is its last"
        );
        assert_eq!(
            HiddenSpace::of(&snap, 1, (1, 1)).line,
            None,
            "one unit twice"
        );
        assert_eq!(HiddenSpace::of(&snap, 2, (0, 1)), HiddenSpace::default());
    }
}
