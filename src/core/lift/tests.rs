use super::*;
use crate::core::activation::Activation;
use crate::core::config::ExperimentConfig;
use crate::core::dataset::DatasetKind;
use crate::core::loss::Output;
use crate::core::mlp::Init;
use crate::core::rng::Pcg32;
use crate::core::trainer::Trainer;

const XOR_BOX: Bounds = [(-6.0, 6.0), (-6.0, 6.0), (-36.0, 36.0)];

fn features(list: &[Feature]) -> FeatureSet {
    FeatureSet::from_flags(Feature::ALL.map(|f| (f, list.contains(&f))))
}

/// Consecutive corners of an ordered polygon on a box face share a face; for the
/// rectangles tested here, consecutive corners differ in exactly one coordinate.
fn is_rectangle_in_order(poly: &[P3]) -> bool {
    poly.len() == 4
        && (0..4).all(|k| {
            let (a, b) = (poly[k], poly[(k + 1) % 4]);
            (0..3).filter(|&c| (a[c] - b[c]).abs() > 1e-9).count() == 1
        })
}

#[test]
fn a_flat_plane_cuts_the_box_in_a_square_in_order() {
    let plane = Plane {
        w: [0.0, 0.0, 2.0],
        b: 0.0,
    };
    let poly = plane.clip(&XOR_BOX);
    assert!(is_rectangle_in_order(&poly), "{poly:?}");
    assert!(poly
        .iter()
        .all(|p| p[2] == 0.0 && p[0].abs() == 6.0 && p[1].abs() == 6.0));
}

#[test]
fn a_vertical_plane_is_clipped_too() {
    // x₁ = 1: the no-hidden-layer network on x₁, x₂ alone draws planes like this one.
    let plane = Plane {
        w: [1.0, 0.0, 0.0],
        b: -1.0,
    };
    assert_eq!(plane.height(0.0, 0.0), None);
    let poly = plane.clip(&XOR_BOX);
    assert!(is_rectangle_in_order(&poly), "{poly:?}");
    assert!(poly.iter().all(|p| (p[0] - 1.0).abs() < 1e-12));
}

#[test]
fn oblique_planes_give_triangles_and_hexagons_and_misses_give_nothing() {
    let cube = [(-1.0, 1.0); 3];
    let hexagon = Plane {
        w: [1.0, 1.0, 1.0],
        b: 0.0,
    };
    let poly = hexagon.clip(&cube);
    assert_eq!(poly.len(), 6);
    assert!(poly.iter().all(|p| hexagon.side(*p).abs() < 1e-12));
    // In order: no two edges of the hexagon cross, so each edge is one of the six short ones.
    for k in 0..6 {
        let (a, b) = (poly[k], poly[(k + 1) % 6]);
        let len2: f64 = (0..3).map(|c| (a[c] - b[c]).powi(2)).sum();
        assert!((len2 - 2.0).abs() < 1e-9, "edge {k}: {len2}");
    }
    let corner = Plane {
        w: [1.0, 1.0, 1.0],
        b: -2.5,
    };
    assert_eq!(corner.clip(&cube).len(), 3);
    let miss = Plane {
        w: [1.0, 0.0, 0.0],
        b: -5.0,
    };
    assert!(miss.clip(&cube).is_empty());
    let zero = Plane {
        w: [0.0; 3],
        b: 1.0,
    };
    assert!(zero.clip(&cube).is_empty());
    let nan = Plane {
        w: [f64::NAN, 1.0, 0.0],
        b: 0.0,
    };
    assert!(nan.clip(&cube).is_empty());
}

#[test]
fn the_plane_by_hand_and_its_slices() {
    // 1·x₁ + 2·x₂ − 4·x₁x₂ + 3 = 0  ⇒  x₁x₂ = (x₁ + 2x₂ + 3) / 4; at (1, 1) that is 1.5.
    let plane = Plane {
        w: [1.0, 2.0, -4.0],
        b: 3.0,
    };
    assert_eq!(plane.height(1.0, 1.0), Some(1.5));
    assert_eq!(plane.side([1.0, 1.0, 1.5]), 0.0);
    assert!(plane.side([1.0, 1.0, 0.0]) > 0.0);
    let poly = plane.clip(&XOR_BOX);
    assert_eq!(poly.len(), 4);
    let (a, b) = slice(&poly, 0, 2.0).unwrap();
    assert!((a[0] - 2.0).abs() < 1e-12 && (b[0] - 2.0).abs() < 1e-12);
    assert!(plane.side(a).abs() < 1e-9 && plane.side(b).abs() < 1e-9);
    assert_eq!(slice(&poly, 0, 7.0), None);
    assert_eq!(slice(&[], 1, 0.0), None);
}

#[test]
fn the_axes_follow_the_network_inputs() {
    use Feature::*;
    assert_eq!(lift_axes(features(&[X1, X2])), [X1, X2, X1TimesX2]);
    assert_eq!(
        lift_axes(features(&[X1, X2, X1TimesX2])),
        [X1, X2, X1TimesX2]
    );
    assert_eq!(
        lift_axes(features(&[X1TimesX2, SinX1, X2])),
        [X2, SinX1, X1TimesX2]
    );
    assert_eq!(
        lift_axes(features(&[X1Squared, X2Squared, X1])),
        [X1, X1Squared, X2Squared]
    );
    assert_eq!(
        lift_axes(features(&[X1, X2, X1Squared, X2Squared])),
        [X1, X2, X1TimesX2]
    );
}

fn one_layer_net(n_inputs: usize, weights: &[f64], bias: f64) -> Mlp {
    let mut rng = Pcg32::new(1, 1);
    let mut net = Mlp::new(
        n_inputs,
        &[],
        &[Activation::Tanh],
        Output::Binary,
        Init::Zero,
        &mut rng,
    );
    net.params[..n_inputs].copy_from_slice(weights);
    net.params[n_inputs] = bias;
    net
}

#[test]
fn the_output_plane_by_hand_with_standardization_undone() {
    use Feature::*;
    let set = features(&[X1, X2, X1TimesX2]);
    let axes = lift_axes(set);
    let net = one_layer_net(3, &[1.0, -2.0, 0.5], 0.25);
    assert_eq!(net.weight(0, 0, 2), 0.5);
    let plain = output_plane(&net, set, &Standardizer::identity(3), axes).unwrap();
    assert_eq!(
        plain,
        Plane {
            w: [1.0, -2.0, 0.5],
            b: 0.25
        }
    );
    // Inputs (v − mean)·scale: the plane in raw values gives the same logit.
    let st = Standardizer::from_parts(vec![1.0, 0.0, 2.0], vec![0.5, 2.0, 0.1]).unwrap();
    let plane = output_plane(&net, set, &st, axes).unwrap();
    let raw = [3.0, -1.0, -3.0];
    let mut input = raw;
    st.apply(&mut input);
    let logit = 1.0 * input[0] - 2.0 * input[1] + 0.5 * input[2] + 0.25;
    assert!((plane.side(raw) - logit).abs() < 1e-12);
    // Two inputs: a vertical plane over (x₁, x₂).
    let two = features(&[X1, X2]);
    let plane = output_plane(
        &one_layer_net(2, &[1.0, 1.0], 0.0),
        two,
        &Standardizer::identity(2),
        lift_axes(two),
    );
    assert_eq!(plane.unwrap().w, [1.0, 1.0, 0.0]);
    let zero = output_plane(
        &one_layer_net(2, &[0.0, 0.0], 1.0),
        two,
        &Standardizer::identity(2),
        lift_axes(two),
    );
    assert_eq!(zero, Err(NoPlane::Flat));
}

fn xor_config(shape: Vec<usize>, set: FeatureSet) -> ExperimentConfig {
    ExperimentConfig {
        dataset: DatasetKind::Xor,
        network_shape: shape,
        features: set,
        learning_rate: 0.03,
        ..ExperimentConfig::default()
    }
}

#[test]
fn xor_lifted_by_x1x2_is_separated_by_the_trained_plane() {
    use Feature::*;
    let mut t = Trainer::new(xor_config(vec![], features(&[X1, X2, X1TimesX2])));
    t.step(200);
    let lift = t.snapshot().lift();
    assert_eq!(lift.axes, [X1, X2, X1TimesX2]);
    let plane = lift.plane.unwrap();
    // Class 1 (x₁x₂ ≥ 0) above the plane, class 0 below: most of the weight is on x₁·x₂.
    assert!(plane.w[2] > 0.0);
    let right = lift
        .points
        .iter()
        .filter(|p| (plane.side(p.p) >= 0.0) == (p.label == 1.0))
        .count();
    assert!(
        right * 100 >= lift.points.len() * 98,
        "{right} of {}",
        lift.points.len()
    );
    let (sep, train) = lift.separated().unwrap();
    assert!(sep * 100 >= train * 98 && train > 0);
    let percent = format!("{:.0}%", 100.0 * sep as f64 / train as f64);
    assert_eq!(
        lift.note(),
        format!("The plane puts {percent} of the training points on their class's side.")
    );
    assert_eq!(lift.bounds, XOR_BOX);
    assert!(worth_showing(t.config()));
    assert!(!worth_showing(&xor_config(vec![4], features(&[X1, X2]))));
    assert!(worth_showing(&xor_config(
        vec![4],
        features(&[X1, X1TimesX2])
    )));
}

#[test]
fn without_a_plane_the_points_are_still_lifted() {
    use Feature::*;
    let t = Trainer::new(xor_config(vec![4], features(&[X1, X2])));
    let snap = t.snapshot();
    let lift = snap.lift();
    assert_eq!(lift.plane, Err(NoPlane::HiddenLayers));
    assert_eq!(lift.separated(), None);
    assert_eq!(lift.note(), NoPlane::HiddenLayers.note());
    assert_eq!(lift.points.len(), snap.points.len());
    let (p, q) = (&lift.points[0], &snap.points[0]);
    assert_eq!(p.p, [q.x1, q.x2, q.x1 * q.x2]);
    assert_eq!(
        lift.points.iter().filter(|p| p.is_test).count(),
        snap.metrics.n_test
    );
    let t = Trainer::new(xor_config(vec![], features(&[X1, X2, SinX1, X1TimesX2])));
    assert_eq!(t.snapshot().lift().plane, Err(NoPlane::OtherInputs));
    assert!(!NoPlane::OtherInputs.note().is_empty());
}
