use super::*;
use crate::core::activation::Activation;
use crate::core::features::{Feature, FeatureSet};
use crate::core::loss::Output;
use crate::core::mlp::Init;
use crate::core::mlp::Mlp;
use crate::core::rng::Pcg32;
use crate::render::colors::class_color;

pub(super) fn net(inputs: usize, hidden: &[usize], output: Output) -> Mlp {
    let mut rng = Pcg32::new(1, 1);
    Mlp::new(
        inputs,
        hidden,
        &[Activation::Tanh],
        output,
        Init::Xavier,
        &mut rng,
    )
}

/// The first `n` features, in the UI's order (every one of the nine when `n` is 9).
fn features(n: usize) -> FeatureSet {
    FeatureSet::from_flags(
        Feature::ALL
            .into_iter()
            .enumerate()
            .map(|(i, f)| (f, i < n)),
    )
}

pub(super) fn layout_of(net: &Mlp, width: f64, font: f64) -> Layout {
    let names = DiagramLabels::of(net, features(net.n_inputs()));
    Layout::new(&net.sizes(), names, width, font)
}

/// Every unit and label of `d` lies inside its box, units do not overlap, and the labels
/// of a column do not overlap either.
fn assert_inside(d: &Layout, what: &str) {
    let r = d.radius;
    assert!(r >= MIN_RADIUS.min(d.width / 20.0), "{what}: radius {r}");
    for (l, i, (x, y)) in d.units() {
        assert!(
            x - r >= 0.0 && x + r <= d.width && y - r >= 0.0 && y + r <= d.height,
            "{what}: unit {l}.{i} at ({x}, {y}) r {r} outside {}×{}",
            d.width,
            d.height
        );
        if i > 0 {
            let (_, above) = d.unit(l, i - 1);
            assert!(
                y - above >= 2.0 * r,
                "{what}: units {l}.{} and {l}.{i} overlap",
                i - 1
            );
            assert!(y - above >= d.font, "{what}: labels of {l}.{i} overlap");
        }
        if l > 0 {
            let (left, _) = d.unit(l - 1, 0);
            assert!(
                x - left >= 2.0 * r,
                "{what}: layers {} and {l} overlap",
                l - 1
            );
        }
    }
    for label in &d.labels {
        let (left, right) = label.extent();
        assert!(
            left >= 0.0 && right <= d.width && left < right,
            "{what}: label {label:?} outside 0..{}",
            d.width
        );
        let half = 0.6 * d.font;
        assert!(
            label.y - half >= 0.0 && label.y + half <= d.height,
            "{what}: {label:?}"
        );
    }
    // Each name sits beside its own unit, clear of its circle.
    let inputs = d.sizes()[0];
    let last = d.sizes().len() - 1;
    for (k, label) in d.labels.iter().enumerate() {
        let (x, y) = if k < inputs {
            d.unit(0, k)
        } else {
            d.unit(last, k - inputs)
        };
        assert_eq!(label.y, y, "{what}: {label:?}");
        let (left, right) = label.extent();
        let clear = if k < inputs {
            right < x - r
        } else {
            left > x + r
        };
        assert!(clear, "{what}: {label:?} touches its unit at {x}");
    }
}

#[test]
fn every_unit_and_label_is_inside_the_box_for_every_shape() {
    let mut checked = 0;
    for inputs in [1, 2, 3, 5, 7, 9] {
        for depth in 0..=8 {
            for units in [1, 2, 5, 8, 13, 16] {
                for output in [Output::Binary, Output::Softmax(6), Output::Regression] {
                    let n = net(inputs, &vec![units; depth], output);
                    for width in [240.0, 320.0, 568.0, 1200.0] {
                        for font in [FONT, LECTURE_FONT] {
                            let d = layout_of(&n, width, font);
                            let what =
                                format!("{inputs}-{depth}×{units}-{output:?} in {width} at {font}");
                            assert_inside(&d, &what);
                            assert_eq!(d.units().count(), n.sizes().iter().sum::<usize>());
                            assert_eq!(d.labels.len(), inputs + output.units(), "{what}");
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 6 * 9 * 6 * 3 * 4 * 2);
}

#[test]
fn uneven_layers_and_the_smallest_networks_fit_too() {
    for (inputs, hidden) in [
        (1, vec![]),
        (2, vec![]),
        (9, vec![1, 16, 1, 16]),
        (1, vec![16]),
    ] {
        let n = net(inputs, &hidden, Output::Binary);
        let d = layout_of(&n, 320.0, FONT);
        assert_inside(&d, &format!("{inputs}-{hidden:?}"));
        let (input, _) = d.unit(0, inputs - 1);
        let (output, _) = d.unit(hidden.len() + 1, 0);
        assert!(
            input < output,
            "inputs on the left, the output on the right"
        );
    }
    // 1 → 1: both units, and both labels (x₁ and p(1)).
    let d = layout_of(&net(1, &[], Output::Binary), 320.0, FONT);
    assert_eq!(d.units().count(), 2);
    let texts: Vec<&str> = d.labels.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["x₁", "p(1)"]);
}

#[test]
fn links_meet_their_units_and_follow_the_parameters() {
    for (inputs, hidden, output) in [
        (2, vec![4, 3], Output::Binary),
        (1, vec![], Output::Regression),
        (9, vec![16, 16, 16, 16, 16, 16, 16, 16], Output::Binary),
        (3, vec![5, 1], Output::Softmax(4)),
    ] {
        let n = net(inputs, &hidden, output);
        let d = layout_of(&n, 568.0, FONT);
        let items: Vec<Item> = d.params().collect();
        assert_eq!(items.len(), n.params.len(), "one item per parameter");
        for (p, item) in items.iter().enumerate() {
            assert_eq!(item.param(&n), Some(p), "{item:?} is parameter {p}");
            if let Item::Link { layer, from, to } = *item {
                let [a, b] = d.link_ends(layer, from, to);
                assert_eq!(a, d.unit(layer, from));
                assert_eq!(b, d.unit(layer + 1, to));
            }
        }
        let links = items
            .iter()
            .filter(|i| matches!(i, Item::Link { .. }))
            .count();
        let sizes = n.sizes();
        let expected: usize = sizes.windows(2).map(|w| w[0] * w[1]).sum();
        assert_eq!(links, expected);
        assert_eq!(Item::Unit { layer: 0, index: 0 }.param(&n), None);
        assert_eq!(
            Item::Link {
                layer: 9,
                from: 0,
                to: 0
            }
            .param(&n),
            None
        );
    }
}

#[test]
fn wide_networks_shrink_to_fit_and_small_ones_keep_full_size() {
    let small = layout_of(&net(2, &[4, 2], Output::Binary), 568.0, FONT);
    assert_eq!(small.scale, 1.0);
    assert_eq!(small.radius, RADIUS);
    let wide = net(9, &[16; 8], Output::Binary);
    let desk = layout_of(&wide, 568.0, FONT);
    let phone = layout_of(&wide, 320.0, FONT);
    assert!(
        desk.scale < 1.0 && phone.scale < desk.scale,
        "{} {}",
        desk.scale,
        phone.scale
    );
    assert!(phone.radius < desk.radius && desk.radius < small.radius);
    assert!(phone.max_link_width <= desk.max_link_width);
    assert_eq!(small.max_link_width, MAX_WIDTH);
    assert!(
        desk.max_link_width < 0.5 * MAX_WIDTH,
        "a dense network's lines are thinner"
    );
    assert!(phone.max_link_width >= 1.5);
    assert!(desk.link_alpha < small.link_alpha && desk.link_alpha >= 0.4);
    // Lecture mode's larger type makes the same network larger, within the same width.
    let lecture = layout_of(&net(2, &[4, 2], Output::Binary), 568.0, LECTURE_FONT);
    assert!(lecture.radius > small.radius && lecture.height > small.height);
}

#[test]
fn labels_name_the_features_and_the_outputs() {
    let n = net(3, &[4], Output::Softmax(3));
    let set = FeatureSet::from_flags([
        (Feature::X1, true),
        (Feature::SinX2, true),
        (Feature::X1TimesX2, true),
    ]);
    let names = DiagramLabels::of(&n, set);
    assert_eq!(names.inputs, ["x₁", "x₁·x₂", "sin x₂"]);
    let outputs: Vec<&str> = names.outputs.iter().map(|o| o.0.as_str()).collect();
    assert_eq!(outputs, ["p(0)", "p(1)", "p(2)"]);
    assert_eq!(names.outputs[2].1, Some(class_color(2)));
    // Curve mode: the features of x alone.
    let curve_set = set.with(Feature::SinX1, true).of_x1();
    let curve = DiagramLabels::of(&net(2, &[3], Output::Regression), curve_set);
    assert_eq!(curve.inputs, ["x₁", "sin x₁"]);
    let mismatch = DiagramLabels::of(&net(2, &[], Output::Regression), features(3));
    assert_eq!(mismatch.inputs, ["input 1", "input 2"]);
    assert_eq!(mismatch.outputs, [("ŷ".to_string(), None)]);
    let d = Layout::new(&n.sizes(), names, 568.0, FONT);
    let json = crate::core::json::parse(&d.to_json()).expect("valid JSON");
    let units = json.get("units").unwrap();
    assert!(matches!(units, crate::core::json::Json::Array(l) if l.len() == 3));
}

#[test]
fn links_are_coloured_by_sign_and_sized_against_the_largest() {
    let params = [0.5, -2.0, f64::NAN, 1.0];
    let m = max_abs(&params);
    assert_eq!(m, 2.0);
    assert_eq!(link_width(-2.0, m, MAX_WIDTH), MAX_WIDTH);
    assert_eq!(link_width(0.0, m, MAX_WIDTH), 0.5);
    assert_eq!(link_width(f64::INFINITY, m, MAX_WIDTH), MAX_WIDTH);
    assert_eq!(
        link_color(-2.0),
        class_color(0),
        "negative weights are orange"
    );
    assert_eq!(link_color(0.5), class_color(1), "positive ones blue");
    assert_eq!(unit_fill(-2.0, m), class_color(0));
    assert_eq!(max_abs(&[]), 1e-9);
}

#[test]
fn a_tall_room_spreads_the_units_and_the_layout_fills_it() {
    let n = net(2, &[4, 4], Output::Binary);
    let names = || DiagramLabels::of(&n, features(2));
    let natural = Layout::new(&n.sizes(), names(), 300.0, FONT);
    let tall = Layout::new_in(&n.sizes(), names(), (300.0, 500.0), FONT);
    assert_eq!(tall.height, 500.0, "as tall as its room");
    assert_eq!(tall.width, natural.width);
    let gap = |d: &Layout| d.unit(1, 1).1 - d.unit(1, 0).1;
    assert!(
        gap(&tall) > gap(&natural) * 1.5,
        "{} vs {}",
        gap(&tall),
        gap(&natural)
    );
    assert_inside(&tall, "tall room");
    // A short room changes nothing; a very tall one spreads them no more than MAX_UNIT_GAP.
    let short = Layout::new_in(&n.sizes(), names(), (300.0, 40.0), FONT);
    assert_eq!(short, natural);
    let huge = Layout::new_in(&n.sizes(), names(), (300.0, 5000.0), FONT);
    assert!(gap(&huge) <= MAX_UNIT_GAP + 1e-9 && huge.height == 5000.0);
    assert_inside(&huge, "huge room");
}
