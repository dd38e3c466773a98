//! Hit-testing, names and keyboard steps of a laid-out diagram.
use super::tests::{layout_of, net};
use super::*;
use crate::core::loss::Output;

/// The distance from `p` to the line of `item` (a link).
fn off_line(d: &Layout, item: Item, p: (f64, f64)) -> f64 {
    let Item::Link { layer, from, to } = item else {
        panic!("{item:?} is no link")
    };
    let [a, b] = d.link_ends(layer, from, to);
    let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
    cross.abs() / ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt()
}

#[test]
fn hit_testing_finds_the_unit_or_the_weight_under_the_pointer() {
    let n = net(2, &[4, 3], Output::Binary);
    let d = layout_of(&n, 568.0, FONT);
    for (layer, index, (x, y)) in d.units() {
        let unit = Item::Unit { layer, index };
        assert_eq!(d.hit(x, y), Some(unit));
        assert_eq!(d.hit(x + d.radius, y), Some(unit), "the circle's edge");
    }
    for item in d.params().filter(|i| matches!(i, Item::Link { .. })) {
        let Item::Link { layer, from, to } = item else {
            unreachable!()
        };
        let [a, b] = d.link_ends(layer, from, to);
        for t in [0.3, 0.5, 0.7] {
            let p = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            let got = d.hit(p.0, p.1).expect("a point on a link hits a link");
            // Where links cross, either is right; elsewhere it is this one.
            assert!(off_line(&d, got, p) < 1e-6, "{item:?} at {t}: got {got:?}");
        }
    }
    assert_eq!(d.hit(1.0, 1.0), None, "the corner is empty");
    assert_eq!(d.hit(d.width + 50.0, d.height / 2.0), None);
    // A 1 → 1 network: the one weight between the two units, parameter 0.
    let one = net(1, &[], Output::Binary);
    let d = layout_of(&one, 320.0, FONT);
    let (a, b) = (d.unit(0, 0), d.unit(1, 0));
    let hit = d.hit((a.0 + b.0) / 2.0, a.1 + 2.0).unwrap();
    assert_eq!(
        hit,
        Item::Link {
            layer: 0,
            from: 0,
            to: 0
        }
    );
    assert_eq!(hit.param(&one), Some(0));
    assert_eq!(d.hit(b.0, b.1).unwrap().param(&one), Some(1), "the bias");
}

#[test]
fn items_are_described_and_stepped_through() {
    let n = net(2, &[3], Output::Binary);
    let d = layout_of(&n, 568.0, FONT);
    let link = Item::Link {
        layer: 0,
        from: 1,
        to: 2,
    };
    assert_eq!(
        d.describe(link, Some(-0.5)),
        "weight x₂ → layer 1, unit 3: -0.500"
    );
    let out = Item::Unit { layer: 2, index: 0 };
    assert_eq!(d.describe(out, Some(2e7)), "bias of output p(1): 2.00e7");
    assert_eq!(
        d.describe(Item::Unit { layer: 0, index: 0 }, Some(1.0)),
        "input x₁: 1.000"
    );
    assert_eq!(
        d.name(Item::Unit { layer: 1, index: 1 }),
        "bias of layer 1, unit 2"
    );
    assert_eq!(
        d.step(None, true),
        Some(Item::Link {
            layer: 0,
            from: 0,
            to: 0
        })
    );
    assert_eq!(
        d.step(None, false),
        Some(out),
        "the last parameter is the output's bias"
    );
    assert_eq!(d.step(Some(out), true), d.step(None, true), "wraps around");
    assert!(d.contains(link) && d.contains(out));
    assert!(
        !d.contains(Item::Unit { layer: 3, index: 0 }),
        "no fourth layer"
    );
    assert!(
        !d.contains(Item::Link {
            layer: 1,
            from: 3,
            to: 0
        }),
        "no fourth hidden unit"
    );
    assert!(
        !d.contains(Item::Link {
            layer: 2,
            from: 0,
            to: 0
        }),
        "nothing after the output"
    );
    let first = d.step(None, true);
    assert_eq!(d.step(d.step(first, true), false), first);
    assert!(d
        .summary()
        .contains("inputs x₁, x₂; one hidden layer of 3 units; output p(1)"));
    let w = first.expect("a first weight");
    assert!(d.describe(w, Some(f64::INFINITY)).ends_with(": ∞"));
    assert!(d.describe(w, Some(f64::NAN)).ends_with(": NaN"));
    assert!(d.describe(w, Some(-0.5)).ends_with(": -0.500"));
}

#[test]
fn a_diagram_shrunk_to_fit_maps_points_back_to_the_layout() {
    let l = layout_of(&net(2, &[4], Output::Binary), 400.0, 13.0);
    // At its own size, nothing changes.
    assert_eq!(
        l.from_shown((10.0, 20.0), (l.width, l.height)),
        (10.0, 20.0)
    );
    // Half as tall, in a box twice as wide as needed: half the scale, centred across.
    let shown = (l.width, l.height / 2.0);
    let (x, y) = l.from_shown((l.width / 2.0, l.height / 4.0), shown);
    assert!((x - l.width / 2.0).abs() < 1e-9 && (y - l.height / 2.0).abs() < 1e-9);
}
