//! What is where in a laid-out diagram: the units and links, the parameter each stands for,
//! the one under a point, and their names for people.
use super::Layout;
use crate::core::mlp::Mlp;

/// A thing drawn in the diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// Unit `index` of layer `layer` (0 = the inputs); other units stand for their bias.
    Unit { layer: usize, index: usize },
    /// The weight from unit `from` of layer `layer` to unit `to` of layer `layer + 1`.
    Link {
        layer: usize,
        from: usize,
        to: usize,
    },
}

impl Item {
    /// The index in `net.params` of the weight or bias this item stands for (`None` for an
    /// input unit, or an item `net` does not have).
    pub fn param(self, net: &Mlp) -> Option<usize> {
        let sizes = net.sizes();
        match self {
            Item::Unit { layer, index } => {
                (layer >= 1 && layer < sizes.len() && index < sizes[layer])
                    .then(|| net.param_index(layer - 1, index, None))
            }
            Item::Link { layer, from, to } => {
                (layer + 1 < sizes.len() && from < sizes[layer] && to < sizes[layer + 1])
                    .then(|| net.param_index(layer, to, Some(from)))
            }
        }
    }
}

/// The distance from `p` to the segment from `a` to `b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

impl Layout {
    /// Every weight and bias, in the order of the network's parameters: per layer, each
    /// unit's incoming weights, then the layer's biases.
    pub fn params(&self) -> impl Iterator<Item = Item> + '_ {
        self.sizes.windows(2).enumerate().flat_map(|(layer, pair)| {
            let (fan_in, fan_out) = (pair[0], pair[1]);
            let links = (0..fan_out)
                .flat_map(move |to| (0..fan_in).map(move |from| Item::Link { layer, from, to }));
            let biases = (0..fan_out).map(move |index| Item::Unit {
                layer: layer + 1,
                index,
            });
            links.chain(biases)
        })
    }

    /// Whether the diagram has `item` (a marked item may be from the previous shape).
    pub fn contains(&self, item: Item) -> bool {
        let size = |l: usize| self.sizes.get(l).copied().unwrap_or(0);
        match item {
            Item::Unit { layer, index } => index < size(layer),
            Item::Link { layer, from, to } => from < size(layer) && to < size(layer + 1),
        }
    }

    /// A link's two ends: the centres of the units it joins.
    pub fn link_ends(&self, layer: usize, from: usize, to: usize) -> [(f64, f64); 2] {
        [self.unit(layer, from), self.unit(layer + 1, to)]
    }

    /// The unit or link at `(x, y)`: a unit within a few pixels of its circle, else the
    /// nearest link within a few pixels of its line.
    pub fn hit(&self, x: f64, y: f64) -> Option<Item> {
        let p = (x, y);
        let slack = 3.0 * self.font / super::FONT;
        let near = |(ux, uy): (f64, f64)| ((x - ux).powi(2) + (y - uy).powi(2)).sqrt();
        let unit = self
            .units()
            .map(|(layer, index, c)| (near(c), Item::Unit { layer, index }))
            .filter(|(d, _)| *d <= self.radius + slack)
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, item)) = unit {
            return Some(item);
        }
        let reach = (self.max_link_width / 2.0).max(1.5) + slack;
        self.params()
            .filter_map(|item| match item {
                Item::Link { layer, from, to } => {
                    let [a, b] = self.link_ends(layer, from, to);
                    Some((segment_distance(p, a, b), item))
                }
                Item::Unit { .. } => None,
            })
            .filter(|(d, _)| *d <= reach)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, item)| item)
    }

    /// A unit's name: its input's or output's name, else its layer and number (from 1).
    pub fn unit_name(&self, layer: usize, index: usize) -> String {
        let last = self.sizes.len().saturating_sub(1);
        let named = |names: Option<&String>| names.cloned().unwrap_or_default();
        if layer == 0 {
            named(self.names.inputs.get(index))
        } else if layer == last {
            format!(
                "output {}",
                named(self.names.outputs.get(index).map(|o| &o.0))
            )
        } else {
            format!("layer {layer}, unit {}", index + 1)
        }
    }

    /// What `item` is: "input x₁", "weight x₁ → layer 1, unit 2", "bias of output p(1)".
    pub fn name(&self, item: Item) -> String {
        match item {
            Item::Unit { layer: 0, index } => format!("input {}", self.unit_name(0, index)),
            Item::Unit { layer, index } => format!("bias of {}", self.unit_name(layer, index)),
            Item::Link { layer, from, to } => format!(
                "weight {} → {}",
                self.unit_name(layer, from),
                self.unit_name(layer + 1, to)
            ),
        }
    }

    /// What `item` is and its value, if it has one: "weight x₁ → layer 1, unit 2: −0.500".
    pub fn describe(&self, item: Item, value: Option<f64>) -> String {
        match value {
            Some(v) => format!(
                "{}: {}",
                self.name(item),
                crate::core::number_text::fixed(v, 3)
            ),
            None => self.name(item),
        }
    }

    /// The weight or bias after `current` in [`Layout::params`] (before it if `!forward`),
    /// wrapping around; the first (or last) when nothing editable is current.
    pub fn step(&self, current: Option<Item>, forward: bool) -> Option<Item> {
        let items: Vec<Item> = self.params().collect();
        let n = items.len();
        if n == 0 {
            return None;
        }
        let at = current.and_then(|c| items.iter().position(|&i| i == c));
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        Some(items[next])
    }

    /// The network in words, for screen readers: its inputs, hidden layers and outputs.
    pub fn summary(&self) -> String {
        let hidden = &self.sizes[1..self.sizes.len().saturating_sub(1).max(1)];
        let hidden = match hidden {
            [] => "no hidden layer".to_string(),
            [n] => format!("one hidden layer of {n} units"),
            many => {
                let list: Vec<String> = many.iter().map(usize::to_string).collect();
                format!("hidden layers of {} units", list.join(", "))
            }
        };
        let outputs: Vec<&str> = self.names.outputs.iter().map(|o| o.0.as_str()).collect();
        format!(
            "The network: inputs {}; {hidden}; output {}. Weights are lines, blue positive, \
             orange negative, thicker when larger; a unit's colour is its bias. Arrow keys \
             choose a weight or bias to edit.",
            self.names.inputs.join(", "),
            outputs.join(", ")
        )
    }
}
