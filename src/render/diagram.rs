//! The network diagram's geometry: where each unit sits, and each link's colour and width.
//! Pure numbers; the app draws them as SVG.
use crate::core::mlp::Mlp;
use crate::render::colors::{class_color, css, diverging};

/// Horizontal distance between layers, vertical distance between units, and the margin (px).
pub const LAYER_GAP: f64 = 70.0;
pub const UNIT_GAP: f64 = 26.0;
pub const MARGIN: f64 = 18.0;
/// The widest link, for the largest |weight|.
pub const MAX_WIDTH: f64 = 6.0;

/// A unit: its layer (0 = inputs), index, centre, and for non-input units the bias's
/// parameter index and value.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub layer: usize,
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub bias: Option<(usize, f64)>,
    pub fill: String,
}

/// A weight: its end points, its parameter index and value, colour and width.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub param: usize,
    pub weight: f64,
    pub color: String,
    pub width: f64,
}

/// The laid-out diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
}

/// Lays out `net`: layers left to right, each layer's units centred vertically. Positive
/// weights are blue, negative orange (the playground's colours), and a link's width grows with
/// |weight| relative to the largest.
pub fn layout(net: &Mlp) -> Diagram {
    let sizes = net.sizes();
    let tallest = sizes.iter().copied().max().unwrap_or(1) as f64;
    let height = 2.0 * MARGIN + (tallest - 1.0) * UNIT_GAP;
    let width = 2.0 * MARGIN + (sizes.len() as f64 - 1.0) * LAYER_GAP;
    let position = |layer: usize, index: usize| {
        let n = sizes[layer] as f64;
        let top = (height - (n - 1.0) * UNIT_GAP) / 2.0;
        (
            MARGIN + layer as f64 * LAYER_GAP,
            top + index as f64 * UNIT_GAP,
        )
    };
    let max_w = net.params.iter().fold(
        1e-9f64,
        |m, w| if w.is_finite() { m.max(w.abs()) } else { m },
    );
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    for (layer, &n) in sizes.iter().enumerate() {
        for index in 0..n {
            let (x, y) = position(layer, index);
            let bias = (layer > 0).then(|| {
                let p = net.param_index(layer - 1, index, None);
                (p, net.params[p])
            });
            let fill = match bias {
                Some((_, b)) => css(diverging((b / max_w).clamp(-1.0, 1.0))),
                None => css(class_color(5)),
            };
            nodes.push(Node {
                layer,
                index,
                x,
                y,
                bias,
                fill,
            });
        }
    }
    for (l, layer) in net.layers().iter().enumerate() {
        for j in 0..layer.fan_out {
            for i in 0..layer.fan_in {
                let param = net.param_index(l, j, Some(i));
                let weight = net.params[param];
                let strength = if weight.is_finite() {
                    (weight.abs() / max_w).min(1.0)
                } else {
                    1.0
                };
                let color = css(if weight >= 0.0 {
                    class_color(1)
                } else {
                    class_color(0)
                });
                links.push(Link {
                    from: position(l, i),
                    to: position(l + 1, j),
                    param,
                    weight,
                    color,
                    width: 0.5 + (MAX_WIDTH - 0.5) * strength,
                });
            }
        }
    }
    Diagram {
        width,
        height,
        nodes,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::activation::Activation;
    use crate::core::loss::Output;
    use crate::core::mlp::Init;
    use crate::core::rng::Pcg32;

    #[test]
    fn every_weight_is_a_link_and_every_unit_a_node() {
        let mut rng = Pcg32::new(1, 1);
        let mut net = Mlp::new(
            2,
            &[4, 3],
            &[Activation::Tanh],
            Output::Binary,
            Init::Xavier,
            &mut rng,
        );
        let w = net.param_index(0, 1, Some(0));
        net.params[w] = -10.0; // the largest weight
        let d = layout(&net);
        assert_eq!(d.nodes.len(), 2 + 4 + 3 + 1);
        assert_eq!(d.links.len(), 2 * 4 + 4 * 3 + 3);
        let big = d.links.iter().find(|l| l.param == w).unwrap();
        assert_eq!(big.width, MAX_WIDTH);
        assert_eq!(
            big.color,
            css(class_color(0)),
            "negative weights are orange"
        );
        assert!(d
            .links
            .iter()
            .all(|l| l.width >= 0.5 && l.width <= MAX_WIDTH));
        // Inputs on the left, the output on the right, each layer centred.
        assert_eq!(d.nodes[0].x, MARGIN);
        assert_eq!(d.nodes.last().unwrap().x, d.width - MARGIN);
        assert_eq!(d.nodes.last().unwrap().y, d.height / 2.0);
        assert_eq!(d.nodes[0].bias, None);
        assert_eq!(d.nodes[2].bias, Some((net.param_index(0, 0, None), 0.0)));
    }
}
